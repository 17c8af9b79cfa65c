import { GROUPS, METRICS, type WeeklySeries } from '../engine/index.ts';
import { cell, quote } from './csv-fields.ts';

/**
 * The weekly series as CSV, one row per jurisdiction × group × week, one column per metric (mean over
 * replicates; empty where a rate is undefined that week).
 */
export function weeklyCsv(weekly: WeeklySeries, activationDay: number, provenance: string): string {
  const head = ['jurisdiction', 'group', 'week', 'startDay', 'period', ...METRICS.map((m) => m.key)];
  const lines = [provenance, head.join(',')];
  const w = weekly;
  for (const j of w.jurisdictions) {
    for (const g of GROUPS) {
      for (let week = 0; week < w.weeks; week++) {
        const start = w.startDay[week];
        const row = [quote(j.name), g, String(week), String(start), start >= activationDay ? 'after' : 'before'];
        for (const m of METRICS) row.push(cell(j.groups[g][m.key][week]));
        lines.push(row.join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}
