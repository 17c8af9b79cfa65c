import type { TargetSet } from '../evidence/schema.ts';
import { type AbcGeneration, type Marginal, posteriorSummary, weightedQuantile } from './abc.ts';
import { targetStat } from './abc-model.ts';
import type { CalibrationParam } from './calibrate.ts';

/** A statistic's posterior predictive: weighted median and 90% interval over the last generation's particles. */
interface Predictive {
  stat: string;
  median: number;
  lo: number;
  hi: number;
  /** For a target: its published value and band, and the posterior share of particles inside the band. */
  target?: { value: number; band: [number, number]; insideBand: number };
}

/** What an ABC calibration found: the posterior of each parameter, their correlations, and the posterior predictive. */
export interface AbcReport {
  parameters: (CalibrationParam & { prior: [number, number]; posterior: Marginal })[];
  /** Weighted correlations of the parameters in the last generation, in the parameters' order. */
  correlation: number[][];
  generations: { epsilon: number | null; proposals: number; acceptance: number }[];
  predictive: Predictive[];
}

const round = (x: number) => Number(x.toPrecision(4));

export function abcReport(generations: AbcGeneration[], params: CalibrationParam[], targets: TargetSet[]): AbcReport {
  const last = generations.at(-1)!;
  const toValue = (i: number, x: number) => params[i].min + x * (params[i].max - params[i].min);
  const { marginals, correlation } = posteriorSummary(last, toValue);
  const w = last.particles.map((p) => p.weight);
  const targetOf = new Map(targets.flatMap((s) => s.targets.map((t) => [targetStat(s, t.id), t] as const)));
  const predictive = Object.keys(last.particles[0]?.stats ?? {}).flatMap((stat): Predictive[] => {
    const pairs = last.particles.map((p, i) => [p.stats[stat], w[i]] as const).filter((x): x is readonly [number, number] => x[0] !== null);
    if (pairs.length === 0) return [];
    const v = pairs.map((p) => p[0]);
    const ws = pairs.map((p) => p[1]);
    const t = targetOf.get(stat);
    const total = ws.reduce((a, b) => a + b, 0);
    return [
      {
        stat,
        median: weightedQuantile(v, ws, 0.5),
        lo: weightedQuantile(v, ws, 0.05),
        hi: weightedQuantile(v, ws, 0.95),
        target: t && {
          value: t.value,
          band: t.band,
          insideBand: pairs.reduce((a, [x, wt]) => a + (x >= t.band[0] && x <= t.band[1] ? wt : 0), 0) / total,
        },
      },
    ];
  });
  return {
    parameters: params.map((p, i) => ({ ...p, prior: [p.min, p.max], posterior: marginals[i] })),
    correlation,
    generations: generations.map((g) => ({
      epsilon: Number.isFinite(g.epsilon) ? g.epsilon : null,
      proposals: g.proposals,
      acceptance: g.particles.length / g.proposals,
    })),
    predictive,
  };
}

/** The report as Markdown (docs/calibration/): parameters, correlations, generations, posterior predictive. */
export function abcMarkdown(r: AbcReport, head: { title: string; command: string; facts: string[] }): string {
  const lines = [`# ${head.title}`, '', '```sh', head.command, '```', '', ...head.facts.map((f) => `- ${f}`), ''];
  lines.push(
    '## Parameters (prior: uniform on the range)',
    '',
    '| parameter | range | posterior mean | median | 90% interval |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const p of r.parameters)
    lines.push(
      `| \`${p.path}\` | ${p.min} to ${p.max} | ${round(p.posterior.mean)} | ${round(p.posterior.median)} | ${round(p.posterior.lo)} to ${round(p.posterior.hi)} |`,
    );
  lines.push('', '## Correlations (identifiability: near ±1 means the targets pin down only a combination)', '');
  lines.push(`| | ${r.parameters.map((_, i) => `${i + 1}`).join(' | ')} |`, `| --- | ${r.parameters.map(() => '---').join(' | ')} |`);
  r.correlation.forEach((row, i) => lines.push(`| ${i + 1}. \`${r.parameters[i].path}\` | ${row.map((c) => c.toFixed(2)).join(' | ')} |`));
  lines.push('', '## Generations', '', '| generation | tolerance (RMS of target distance / half band) | proposals | acceptance |', '| --- | --- | --- | --- |');
  r.generations.forEach((g, i) =>
    lines.push(`| ${i} | ${g.epsilon === null ? 'prior' : g.epsilon.toFixed(3)} | ${g.proposals} | ${(100 * g.acceptance).toFixed(0)}% |`),
  );
  lines.push(
    '',
    '## Posterior predictive (median and 90% interval over the posterior)',
    '',
    '| statistic | median | 90% interval | target | band | posterior inside band |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const p of r.predictive)
    lines.push(
      `| \`${p.stat}\` | ${round(p.median)} | ${round(p.lo)} to ${round(p.hi)} | ${p.target ? round(p.target.value) : 'not targeted'} | ${p.target ? `${p.target.band[0]} to ${p.target.band[1]}` : ''} | ${p.target ? `${(100 * p.target.insideBand).toFixed(0)}%` : ''} |`,
    );
  return lines.join('\n') + '\n';
}
