import { ENGINE_VERSION } from '../engine/version.ts';

/**
 * The first line of every CSV Trustfall writes: what made it (engine version, scenario hash, seed), as
 * a `#` comment so that the file still reads as a table (`read.csv(comment.char = "#")`,
 * `pandas.read_csv(comment="#")`; a spreadsheet shows it as a first row).
 */
export function provenanceLine(what: string, facts: Record<string, string | number>): string {
  return `# Trustfall ${what}: engine ${ENGINE_VERSION}; ${Object.entries(facts)
    .map(([k, v]) => `${k} ${String(v).replace(/[\r\n]+/g, ' ')}`)
    .join('; ')}`;
}
