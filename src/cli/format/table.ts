import type { MetricKey, RunReport } from '../../engine/index.ts';
import { formatEstimate, rowLabel } from '../../report/metric-format.ts';
import { policyLabel } from '../../report/policy-labels.ts';

/** Rows of the readable summary, in order; labels and formats come from the metric table. */
const ROWS: readonly MetricKey[] = [
  'residents',
  'violentVictimisationPer1000',
  'propertyVictimisationPer1000',
  'violentReportedShare',
  'propertyReportedShare',
  'cooperationRate',
  'violentClearanceRate',
  'propertyClearanceRate',
  'meanTrust',
  'meanFear',
  'stopsPer1000',
  'stopDisparity',
  'arrests',
  'detainers',
  'detainers.none',
  'detainers.traffic',
  'detainers.misdemeanour',
  'detainers.felony',
  'federalArrests',
  'removals',
  'crimesPer1000',
  'unreportedCrimes',
];

const COLUMNS = [
  { group: 'all', title: 'All' },
  { group: 'latinoCitizen', title: 'Latino citizen' },
  { group: 'latinoNoncitizen', title: 'Latino non-cit.' },
  { group: 'nonLatino', title: 'Non-Latino' },
] as const;

/** The summary as plain-text tables, one per jurisdiction, before → after for each group. */
export function summaryTable(report: RunReport): string {
  const out: string[] = [];
  const reps = report.replicates;
  out.push(`${report.scenarioName}`);
  out.push(
    `seed ${report.seed}, ${reps} replicate${reps > 1 ? 's' : ''}, ${report.days} days measured, policy from day ${report.activationDay}; ` +
      `${reps > 1 ? 'means over replicates (95% intervals in --json)' : 'one replicate (use --replicates for intervals)'}`,
  );
  out.push(`engine ${report.engineVersion}, scenario ${report.scenarioHash.slice(0, 12)}`);
  for (const j of report.jurisdictions) {
    out.push('');
    out.push(`${j.name}: ${policyLabel(j.model, j.sanctuary, j.trustBuilding)}   (before → after)`);
    const labelWidth = 38;
    out.push(''.padEnd(labelWidth) + COLUMNS.map((c) => c.title.padStart(19)).join(''));
    for (const key of ROWS) {
      const cells = COLUMNS.map((c) => {
        const g = j.groups[c.group];
        const show = (p: 'before' | 'after') => formatEstimate(key, g[p][key], { perYearOf: g[p].days?.mean ?? null, interval: false });
        return `${show('before')} → ${show('after')}`.padStart(19);
      });
      out.push(rowLabel(key, true).padEnd(labelWidth) + cells.join(''));
    }
  }
  const p = report.population[0];
  out.push('');
  out.push(`Residents at the end (replicate 1): ${p.inCommunity} in the community, ${p.inCustody} in custody, ${p.removed} removed, of ${p.initial}.`);
  return out.join('\n') + '\n';
}
