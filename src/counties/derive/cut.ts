import { parse } from 'csv-parse/sync';

/** How a published raw file is cut to the columns the derivation reads (see data/README.md). */
export interface CutSpec {
  delimiter: string;
  columns: readonly string[];
}

/**
 * A delimited text cut to the named columns, in the order named, every row kept: deterministic, so
 * anyone holding the published file (checked by its SHA-256) makes the committed cut byte for byte.
 * A field holding the delimiter, a quote or a line break is quoted; lines end in "\n"; no BOM.
 */
export function cutColumns(text: string, spec: CutSpec): string {
  const rows = parse(text, { columns: true, bom: true, delimiter: spec.delimiter, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  const header = rows.length > 0 ? Object.keys(rows[0]) : [];
  const missing = spec.columns.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`the file has no column ${missing.join(', ')} (it has ${header.slice(0, 12).join(', ')}…)`);
  const field = (v: string) => (v.includes(spec.delimiter) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const line = (values: readonly string[]) => values.map(field).join(spec.delimiter);
  return `${[line(spec.columns), ...rows.map((r) => line(spec.columns.map((c) => r[c])))].join('\n')}\n`;
}
