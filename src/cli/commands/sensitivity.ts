import { missingParams, resolveParams, scenarioAt, type CalibrationParam } from '../../calibrate/calibrate.ts';
import { GROUPS, isMetricKey } from '../../engine/index.ts';
import { sobolDesign } from '../../sensitivity/sobol.ts';
import { morrisResults, sobolResults } from '../../sensitivity/results.ts';
import { toJson } from '../../report/json.ts';
import { morrisDesign, readOutput } from '../../sensitivity/morris.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { ThreadPool, type PoolOutcome } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';
import { readScenarioWithRaw } from '../read-scenario.ts';
import { readParamSpecs } from './calibrate.ts';

const DEFAULT_OUTPUTS = [
  'change.j0.latino.reportedShare',
  'change.j0.latino.cooperationRate',
  'j0.latinoNoncitizen.after.violentVictimisationPer1000',
  'j0.all.after.clearanceRate',
  'j0.all.after.removals',
];

function checkOutput(name: string, jurisdictions: number): void {
  const change = name.startsWith('change.');
  const parts = (change ? name.slice(7) : name).split('.');
  const ok =
    /^j\d+$/.test(parts[0]) &&
    (GROUPS as readonly string[]).includes(parts[1]) &&
    (change ? isMetricKey(parts.slice(2).join('.')) : ['before', 'after'].includes(parts[2]) && isMetricKey(parts.slice(3).join('.')));
  if (!ok)
    throw new UsageError(
      `--outputs: ${JSON.stringify(name)} is not an output; write j0.latino.after.reportedShare (jurisdiction.group.period.metric) or change.j0.latino.reportedShare (after/before - 1)`,
    );
  const j = Number(parts[0].slice(1));
  if (j >= jurisdictions)
    throw new UsageError(
      `--outputs: ${JSON.stringify(name)} names jurisdiction ${j}, but the scenario has ${jurisdictions} (j0${jurisdictions > 1 ? ` to j${jurisdictions - 1}` : ''})`,
    );
}

/** `sim sensitivity <scenario.json> --params ... [--outputs ...] [--method morris|sobol]`. */
export async function sensitivityCommand(
  file: string | undefined,
  flags: RunFlags & { outputs?: string; trajectories?: number; levels?: number },
): Promise<number> {
  const { scenario, raw: base } = readScenarioWithRaw(file, flags);
  if (!flags.params) throw new UsageError('sensitivity needs --params: the scenario fields to vary, as for calibrate');
  let params: CalibrationParam[];
  try {
    params = resolveParams(readParamSpecs(flags.params));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const missing = missingParams(scenario, params);
  if (missing.length) throw new UsageError(`--params: ${missing.join('; ')}`);
  const outputs = flags.outputs ? flags.outputs.split(',').map((s) => s.trim()) : DEFAULT_OUTPUTS;
  for (const o of outputs) checkOutput(o, scenario.jurisdictions.length);
  const method = flags.method ?? 'morris';
  if (method !== 'morris' && method !== 'sobol') throw new UsageError(`--method ${method} is for calibrate; sensitivity takes morris or sobol`);
  if (method === 'morris' && flags.samples !== undefined) throw new UsageError('--samples is for --method sobol; Morris takes --trajectories and --levels');
  if (method === 'sobol' && (flags.trajectories !== undefined || flags.levels !== undefined))
    throw new UsageError('--trajectories and --levels are for Morris; --method sobol takes --samples');
  const replicates = flags.replicates ?? 2;
  const seed = scenario.run.seed;
  // Each design point is a scenario run for `replicates` replicates on the pool; an output is their mean.
  const evaluate = async (points: number[][]) => {
    const scenarios = points.map((x) => scenarioAt(base, params, x));
    const tasks = scenarios.flatMap((s) => Array.from({ length: replicates }, (_, replicate) => ({ scenario: s, seed, replicate })));
    const progress = createProgress(`sensitivity (${tasks.length} runs)`, !flags.quiet);
    const pool = new ThreadPool(flags.workers);
    let outcome: PoolOutcome;
    try {
      outcome = await pool.run(tasks, { onResult: (_i, done, total) => progress.update(done, total) });
    } finally {
      pool.close();
      progress.finish();
    }
    const summaries = scenarios.map((_, p) => outcome.results.slice(p * replicates, (p + 1) * replicates).map((r) => r!.summary));
    return { runs: tasks.length, valuesOf: (o: string) => summaries.map((s) => readOutput(o, s)) };
  };
  const report =
    method === 'sobol'
      ? await sobolReport(params, outputs, flags.samples ?? 64, replicates, seed, evaluate)
      : await morrisReport(params, outputs, flags, replicates, seed, evaluate);
  if (flags.json) process.stdout.write(toJson(report.json) + '\n');
  else process.stdout.write(report.text.join('\n') + '\n');
  return 0;
}

type Evaluate = (points: number[][]) => Promise<{ runs: number; valuesOf: (output: string) => (number | null)[] }>;

async function morrisReport(
  params: CalibrationParam[],
  outputs: string[],
  flags: { trajectories?: number; levels?: number },
  replicates: number,
  seed: number,
  evaluate: Evaluate,
): Promise<{ json: unknown; text: string[] }> {
  const trajectories = flags.trajectories ?? 8;
  const levels = flags.levels ?? 4;
  const design = morrisDesign(params.length, trajectories, levels, seed);
  const { runs, valuesOf } = await evaluate(design.points);
  const results = morrisResults(design, params, outputs, valuesOf).outputs;
  const text = [
    `Morris screening: ${params.length} parameters, ${trajectories} trajectories, ${levels} levels, ${replicates} replicates (${runs} runs). Effects per whole range of each parameter.`,
  ];
  for (const r of results) {
    text.push('', r.output);
    for (const e of r.effects)
      text.push(
        `  ${e.path.padEnd(48)} mu* ${e.muStar.toPrecision(3).padStart(9)}   mu ${e.mu.toPrecision(3).padStart(9)}   sigma ${e.sigma.toPrecision(3).padStart(9)}`,
      );
  }
  return {
    json: {
      method: 'Morris elementary effects (mu* = mean |effect| per unit of the range)',
      trajectories,
      levels,
      replicates,
      seed,
      runs,
      parameters: params,
      results,
    },
    text,
  };
}

async function sobolReport(
  params: CalibrationParam[],
  outputs: string[],
  samples: number,
  replicates: number,
  seed: number,
  evaluate: Evaluate,
): Promise<{ json: unknown; text: string[] }> {
  const design = sobolDesign(params.length, samples, seed);
  const { runs, valuesOf } = await evaluate(design.points);
  const results = sobolResults(design, params, outputs, valuesOf, seed).outputs;
  const f = (x: { estimate: number; lo: number; hi: number }) => `${x.estimate.toFixed(2).padStart(5)} (${x.lo.toFixed(2)} to ${x.hi.toFixed(2)})`;
  const text = [
    `Sobol indices (Saltelli sampling): ${params.length} parameters, N = ${samples} rows, ${design.points.length} points x ${replicates} replicates (${runs} runs). ` +
      'First-order: the share of the output\u2019s variance a parameter explains alone; total: alone and with others. 95% bootstrap intervals.',
  ];
  for (const r of results) {
    text.push('', `${r.output} (${r.rows} of ${samples} rows defined)`);
    for (const s of r.indices) text.push(`  ${s.path.padEnd(48)} first ${f(s.first)}   total ${f(s.total)}`);
  }
  return {
    json: {
      method: 'Sobol indices: Saltelli sampling, first-order (Saltelli 2010) and total (Jansen 1999), bootstrap 95% intervals',
      samples,
      replicates,
      seed,
      runs,
      parameters: params,
      results,
    },
    text,
  };
}
