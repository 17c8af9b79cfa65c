/**
 * JSON for stdout: non-integer numbers rounded to 6 significant digits (far beyond what a stochastic
 * run can resolve, and it keeps the file small), NaN and infinities as null. DEL and the C1 control
 * codes, which JSON.stringify leaves raw and a terminal would obey, are written as \u00NN escapes
 * (the same string once parsed).
 */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'number') return v;
    if (!Number.isFinite(v)) return null;
    return Number.isInteger(v) ? v : Number(v.toPrecision(6));
  }).replace(C1, unicodeEscape);
}

const C1 = /[\u007f-\u009f]/g;
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Any JSON text with DEL and the C1 codes escaped, as toJson writes them (for JSON printed another way). */
export function jsonTerminalSafe(json: string): string {
  return json.replace(C1, unicodeEscape);
}
