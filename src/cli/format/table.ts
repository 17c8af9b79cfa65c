import type { Estimate, RunReport, MetricKey } from '../../engine/index.ts';

/** Rows of the readable summary: metric key, label, and how to show its value. */
const ROWS: { key: MetricKey; label: string; kind: Kind }[] = [
  { key: 'residents', label: 'Residents (mean)', kind: 'count' },
  { key: 'violentVictimisationPer1000', label: 'Violent victimisation /1,000/yr', kind: 'rate' },
  { key: 'propertyVictimisationPer1000', label: 'Property victimisation /1,000/yr', kind: 'rate' },
  { key: 'violentReportedShare', label: 'Violent crimes reported', kind: 'share' },
  { key: 'propertyReportedShare', label: 'Property crimes reported', kind: 'share' },
  { key: 'cooperationRate', label: 'Witnesses cooperating', kind: 'share' },
  { key: 'violentClearanceRate', label: 'Violent clearance', kind: 'share' },
  { key: 'propertyClearanceRate', label: 'Property clearance', kind: 'share' },
  { key: 'meanTrust', label: 'Mean trust (0-1)', kind: 'ratio' },
  { key: 'meanFear', label: 'Mean fear (0-1)', kind: 'ratio' },
  { key: 'stopsPer1000', label: 'Stops /1,000/yr', kind: 'rate' },
  { key: 'stopDisparity', label: 'Stop disparity (Latino/other)', kind: 'ratio' },
  { key: 'arrests', label: 'Arrests /yr', kind: 'perYear' },
  { key: 'detainers', label: 'Detainers /yr', kind: 'perYear' },
  { key: 'detainers.none', label: '  no criminal charge', kind: 'perYear' },
  { key: 'detainers.traffic', label: '  traffic', kind: 'perYear' },
  { key: 'detainers.misdemeanour', label: '  misdemeanour', kind: 'perYear' },
  { key: 'detainers.felony', label: '  felony', kind: 'perYear' },
  { key: 'federalArrests', label: 'Federal at-large arrests /yr', kind: 'perYear' },
  { key: 'removals', label: 'Removals /yr', kind: 'perYear' },
  { key: 'crimesPer1000', label: 'Crimes /1,000/yr', kind: 'rate' },
  { key: 'unreportedCrimes', label: 'Unreported crimes /yr', kind: 'perYear' },
];
type Kind = 'rate' | 'share' | 'count' | 'ratio' | 'perYear';

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
    out.push(`${j.name}: ${j.model}${j.sanctuary ? ', sanctuary' : ''}${j.trustBuilding ? ', trust-building' : ''}   (before → after)`);
    const labelWidth = 33;
    out.push(''.padEnd(labelWidth) + COLUMNS.map((c) => c.title.padStart(19)).join(''));
    for (const row of ROWS) {
      const cells = COLUMNS.map((c) => {
        const g = j.groups[c.group];
        const show = (p: 'before' | 'after') => fmt(g[p][row.key], row.kind, g[p].days?.mean ?? null);
        return `${show('before')} → ${show('after')}`.padStart(19);
      });
      out.push(row.label.padEnd(labelWidth) + cells.join(''));
    }
  }
  const p = report.population[0];
  out.push('');
  out.push(`Residents at the end (replicate 1): ${p.inCommunity} in the community, ${p.inCustody} in custody, ${p.removed} removed, of ${p.initial}.`);
  return out.join('\n') + '\n';
}

function fmt(e: Estimate | undefined, kind: Kind, days: number | null): string {
  if (!e || e.mean === null) return '—';
  if (kind === 'perYear') return days ? ((e.mean * 365) / days).toFixed(1) : '—';
  const v = e.mean;
  if (kind === 'share') return `${(v * 100).toFixed(1)}%`;
  if (kind === 'rate') return v.toFixed(1);
  if (kind === 'ratio') return v.toFixed(2);
  return Number.isInteger(v) ? String(v) : v.toFixed(0);
}
