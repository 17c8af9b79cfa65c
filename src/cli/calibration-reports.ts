import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The calibration reports kept in docs/calibration/: Nelder–Mead's `*.report.json` and ABC's
 * `abc-*.json` (not their `.state.json`), newest engine first, for the record in docs/MODEL.md.
 */
export function calibrationReports(dir = 'docs/calibration'): { name: string; report: unknown }[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.report.json') || (f.startsWith('abc-') && f.endsWith('.json') && !f.endsWith('.state.json')));
  const reports = names.map((name) => ({ name, report: JSON.parse(readFileSync(join(dir, name), 'utf8')) as { engineVersion: string } }));
  return reports.sort((a, b) => b.report.engineVersion.localeCompare(a.report.engineVersion, 'en', { numeric: true }) || a.name.localeCompare(b.name));
}
