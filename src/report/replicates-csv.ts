import { GROUPS, METRICS, PERIODS, type RunSummary, type SurveyGroup } from '../engine/index.ts';
import { cell, quote } from './csv-fields.ts';

/**
 * Per-replicate summaries as CSV: one row per scenario × replicate × jurisdiction × group × period,
 * one column per metric, then the simulated survey's stated intentions (after activation, for the
 * groups the survey reports, when it ran). The raw material for any analysis of a comparison or sweep.
 */
export function replicatesCsv(rows: { scenario: string; replicate: number; seed: number; summary: RunSummary }[], provenance: string): string {
  const head = [
    'scenario',
    'seed',
    'replicate',
    'jurisdiction',
    'group',
    'period',
    ...METRICS.map((m) => m.key),
    'stated.lessLikelyToReport',
    'stated.lessLikelyToVolunteer',
  ];
  const lines = [provenance, head.join(',')];
  for (const r of rows) {
    r.summary.jurisdictions.forEach((j, k) => {
      for (const g of GROUPS) {
        for (const p of PERIODS) {
          const m = j.groups[g][p];
          const stated = p === 'after' ? r.summary.survey?.jurisdictions[k]?.after[g as SurveyGroup] : undefined;
          lines.push(
            [
              quote(r.scenario),
              r.seed,
              r.replicate,
              quote(j.name),
              g,
              p,
              ...METRICS.map((d) => cell(m[d.key])),
              cell(stated?.lessLikelyToReport.value),
              cell(stated?.lessLikelyToVolunteer.value),
            ].join(','),
          );
        }
      }
    });
  }
  return lines.join('\n') + '\n';
}
