import { missingParams, resolveParams, scenarioAt, type CalibrationParam } from '../../calibrate/calibrate.ts';
import { GROUPS, isMetricKey } from '../../engine/index.ts';
import { toJson } from '../../report/json.ts';
import { morrisDesign, morrisEffects, readOutput } from '../../sensitivity/morris.ts';
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

/** `sim sensitivity <scenario.json> --params ... [--outputs ...]`: Morris elementary effects. */
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
  const trajectories = flags.trajectories ?? 8;
  const levels = flags.levels ?? 4;
  const replicates = flags.replicates ?? 2;
  const seed = scenario.run.seed;
  const design = morrisDesign(params.length, trajectories, levels, seed);
  const scenarios = design.points.map((x) => scenarioAt(base, params, x));
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
  const results = outputs.map((o) => {
    const values = summaries.map((s) => readOutput(o, s));
    return {
      output: o,
      effects: morrisEffects(design, values, params.length)
        .map((e) => ({ ...e, path: params[e.param].path, range: [params[e.param].min, params[e.param].max] }))
        .sort((a, b) => b.muStar - a.muStar),
    };
  });
  const report = {
    method: 'Morris elementary effects (mu* = mean |effect| per unit of the range)',
    trajectories,
    levels,
    replicates,
    seed,
    runs: tasks.length,
    parameters: params,
    results,
  };
  if (flags.json) process.stdout.write(toJson(report) + '\n');
  else {
    const lines = [
      `Morris screening: ${params.length} parameters, ${trajectories} trajectories, ${levels} levels, ${replicates} replicates (${tasks.length} runs). Effects per whole range of each parameter.`,
    ];
    for (const r of results) {
      lines.push('', r.output);
      for (const e of r.effects)
        lines.push(
          `  ${e.path.padEnd(48)} mu* ${e.muStar.toPrecision(3).padStart(9)}   mu ${e.mu.toPrecision(3).padStart(9)}   sigma ${e.sigma.toPrecision(3).padStart(9)}`,
        );
    }
    process.stdout.write(lines.join('\n') + '\n');
  }
  return 0;
}
