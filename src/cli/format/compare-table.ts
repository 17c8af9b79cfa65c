import type { Estimate, Group, MetricKey } from '../../engine/index.ts';
import { GROUP_LABELS } from '../../report/group-labels.ts';
import type { ComparisonReport } from '../../compare/compare.ts';

const ROWS: { key: MetricKey; label: string; kind: 'share' | 'rate' | 'trust' | 'perYear' | 'ratio' }[] = [
  { key: 'reportedShare', label: 'Crimes reported', kind: 'share' },
  { key: 'cooperationRate', label: 'Witnesses cooperating', kind: 'share' },
  { key: 'clearanceRate', label: 'Reported crimes cleared', kind: 'share' },
  { key: 'meanTrust', label: 'Mean trust (0-1)', kind: 'trust' },
  { key: 'meanFear', label: 'Mean fear (0-1)', kind: 'trust' },
  { key: 'violentVictimisationPer1000', label: 'Violent victimisation /1,000/yr', kind: 'rate' },
  { key: 'recordedCrimesPer1000', label: 'Recorded crime /1,000/yr', kind: 'rate' },
  { key: 'stopDisparity', label: 'Stop disparity', kind: 'ratio' },
  { key: 'detainers', label: 'Detainers /yr', kind: 'perYear' },
  { key: 'removals', label: 'Removals /yr', kind: 'perYear' },
];

/** The comparison as text: scenarios side by side (after activation) and paired differences from the first. */
export function compareTable(r: ComparisonReport): string {
  const out: string[] = [];
  out.push(
    `Comparison of ${r.scenarios.length} scenarios, seed ${r.seed}, ${r.replicates} replicates each (same seeds: twin worlds, differences paired by replicate).`,
  );
  if (r.cancelled) out.push(`CANCELLED: finished replicates per scenario: ${r.finished.join(', ')}; the figures below use those.`);
  r.scenarios.forEach((s, k) => out.push(`  [${k + 1}] ${s.name} (${s.scenarioHash.slice(0, 12)})`));
  const J = Math.min(...r.scenarios.map((s) => s.jurisdictions.length));
  const w = 22;
  for (let j = 0; j < J; j++) {
    for (const group of ['all', 'latinoNoncitizen']) {
      out.push('');
      out.push(`${r.scenarios[0].jurisdictions[j].name}, ${GROUP_LABELS[group as Group].people}, after the policy started: mean (95% interval)`);
      const heads = [...r.scenarios.map((_, k) => `[${k + 1}]`), ...r.scenarios.slice(1).map((_, k) => `[${k + 2}] − [1]`)];
      out.push(''.padEnd(33) + heads.map((h) => h.padStart(w)).join(''));
      for (const row of ROWS) {
        const cells = r.scenarios.map((s) => {
          const m = s.jurisdictions[j].groups[group as 'all'].after;
          return fmt(m[row.key], row.kind, m.days?.mean ?? null, false);
        });
        const diffs = r.scenarios.slice(1).map((s, k) => {
          const d = r.differences.find(
            (x) => x.scenario === k + 1 && x.jurisdiction === j && x.group === group && x.period === 'after' && x.metric === row.key,
          );
          return fmt(d?.estimate, row.kind, s.jurisdictions[j].groups[group as 'all'].after.days?.mean ?? null, true);
        });
        out.push(row.label.padEnd(33) + [...cells, ...diffs].map((c) => c.padStart(w)).join(''));
      }
    }
  }
  if (r.did.length) {
    out.push('');
    out.push('Difference in differences (treated minus comparison jurisdiction, after minus before), as a study would estimate it:');
    for (const d of r.did) {
      const s = r.scenarios[d.scenario];
      const e = d.estimate;
      const scale = d.outcome.startsWith('reportedShare') ? 100 : 1;
      const unit = scale === 100 ? ' points' : '';
      out.push(
        `  [${d.scenario + 1}] ${s.jurisdictions[d.treated].name} vs ${s.jurisdictions[d.comparison].name}, ${d.outcome} (${d.source}): ` +
          `${num(e.mean, scale)}${unit} (95% interval of the mean over replicates ${num(e.lo, scale)} to ${num(e.hi, scale)}); ` +
          `one study finds it significant in ${(d.detectedShare * 100).toFixed(0)}% of replicates`,
      );
    }
  }
  return out.join('\n') + '\n';
}

function num(v: number | null, scale: number): string {
  return v === null ? '—' : `${v * scale >= 0 ? '+' : ''}${(v * scale).toFixed(2)}`;
}

function fmt(e: Estimate | undefined, kind: string, days: number | null, signed: boolean): string {
  if (!e || e.mean === null) return '—';
  const scale = kind === 'share' ? 100 : kind === 'perYear' ? (days ? 365 / days : NaN) : 1;
  const digits = kind === 'trust' || kind === 'ratio' ? 3 : 1;
  const f = (v: number | null) => (v === null ? '—' : `${signed && v * scale >= 0 ? '+' : ''}${(v * scale).toFixed(digits)}`);
  const unit = kind === 'share' ? (signed ? 'pt' : '%') : '';
  if (e.n < 2) return `${f(e.mean)}${unit}`;
  return `${f(e.mean)}${unit} (${f(e.lo)}, ${f(e.hi)})`;
}
