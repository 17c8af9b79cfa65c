/**
 * JSON for stdout: non-integer numbers rounded to 6 significant digits (far beyond what a stochastic
 * run can resolve, and it keeps the file small), NaN and infinities as null.
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'number') return v;
    if (!Number.isFinite(v)) return null;
    return Number.isInteger(v) ? v : Number(v.toPrecision(6));
  });
}
