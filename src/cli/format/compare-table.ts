import type { Group } from '../../engine/index.ts';
import { COMPARISON_ROWS } from '../../report/comparison-rows.ts';
import { formatEstimate, rowLabel } from '../../report/metric-format.ts';
import { GROUP_LABELS } from '../../report/group-labels.ts';
import type { ComparisonReport } from '../../compare/compare.ts';

/** The comparison as text: scenarios side by side (after activation) and paired differences from the first. */
export function compareTable(r: ComparisonReport): string {
  const out: string[] = [];
  out.push(
    `Comparison of ${r.scenarios.length} scenarios, seed ${r.seed}, ${r.replicates} replicates each (same seeds: twin worlds, differences paired by replicate).`,
  );
  if (r.cancelled) out.push(`CANCELLED: finished replicates per scenario: ${r.finished.join(', ')}; the figures below use those.`);
  r.scenarios.forEach((s, k) => out.push(`  [${k + 1}] ${s.name} (${s.scenarioHash.slice(0, 12)})`));
  const J = Math.min(...r.scenarios.map((s) => s.jurisdictions.length));
  const w = 27;
  for (let j = 0; j < J; j++) {
    for (const group of ['all', 'latinoNoncitizen']) {
      out.push('');
      out.push(`${r.scenarios[0].jurisdictions[j].name}, ${GROUP_LABELS[group as Group].people}, after the policy started: mean (95% interval)`);
      const heads = [...r.scenarios.map((_, k) => `[${k + 1}]`), ...r.scenarios.slice(1).map((_, k) => `[${k + 2}] − [1]`)];
      out.push(''.padEnd(33) + heads.map((h) => h.padStart(w)).join(''));
      for (const key of COMPARISON_ROWS) {
        const cells = r.scenarios.map((s) => {
          const m = s.jurisdictions[j].groups[group as 'all'].after;
          return formatEstimate(key, m[key], { perYearOf: m.days?.mean ?? null });
        });
        const diffs = r.scenarios.slice(1).map((s, k) => {
          const d = r.differences.find((x) => x.scenario === k + 1 && x.jurisdiction === j && x.group === group && x.period === 'after' && x.metric === key);
          return formatEstimate(key, d?.estimate, { perYearOf: s.jurisdictions[j].groups[group as 'all'].after.days?.mean ?? null, signed: true });
        });
        out.push(rowLabel(key, true).padEnd(33) + [...cells, ...diffs].map((c) => c.padStart(w)).join(''));
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
  if (r.stated.length) {
    out.push('');
    out.push('Stated intentions (simulated survey, after activation): share of adults who say they are less likely to contact the police / to volunteer');
    out.push('information because police work with ICE; beside it, how much the group\u2019s realised reporting moved against [1] (paired):');
    for (const s of r.stated) {
      const name = `[${s.scenario + 1}] ${r.scenarios[s.scenario].jurisdictions[s.jurisdiction].name}, ${GROUP_LABELS[s.group].people}`;
      const moved = s.reportingChange
        ? `; reporting ${pct(s.reportingChange.mean, true)} (${pct(s.reportingChange.lo, true)} to ${pct(s.reportingChange.hi, true)})`
        : '';
      out.push(
        `  ${name}: say so ${pct(s.lessLikelyToReport.mean)} (${pct(s.lessLikelyToReport.lo)} to ${pct(s.lessLikelyToReport.hi)}), ` +
          `volunteer less ${pct(s.lessLikelyToVolunteer.mean)}${moved}`,
      );
    }
  }
  return out.join('\n') + '\n';
}

function pct(v: number | null, signed = false): string {
  return v === null ? '\u2014' : `${signed && v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
}

function num(v: number | null, scale: number): string {
  return v === null ? '—' : `${v * scale >= 0 ? '+' : ''}${(v * scale).toFixed(2)}`;
}
