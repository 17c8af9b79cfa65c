/**
 * Fields of the CSVs Trustfall writes (RFC 4180), safe to read the way docs/cli.md says: with
 * `comment="#"` (pandas) or `comment.char = "#"` (R), and in a spreadsheet.
 */

/** A number as a field: at most 6 significant digits, empty when missing or not finite. */
export function cell(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** Characters a spreadsheet reads as the start of a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text field (a scenario's, a jurisdiction's or a parameter's name): quoted when it holds a quote, a
 * comma, a line break (CR or LF) or `#` — a comment-aware reader ignores `#` only inside quotes — and,
 * when it starts like a formula, prefixed with `'` so a spreadsheet shows the text instead of running it.
 */
export function quote(s: string): string {
  const text = FORMULA_START.test(s) ? `'${s}` : s;
  return text !== s || /[",\r\n#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
