import { missingParams, resolveParams, scenarioAt, type CalibrationParam } from '../../calibrate/calibrate.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { toJson } from '../../report/json.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { scenarioHash } from '../../scenario/index.ts';
import { DEFAULT_SENSITIVITY_OUTPUTS, parseOutput, readOutput } from '../../report/outputs.ts';
import { type MorrisDesign, morrisDesign } from '../../sensitivity/morris.ts';
import { morrisResults, type SensitivityResults, sensitivityCsv, sobolResults } from '../../sensitivity/results.ts';
import {
  keptRuns,
  mergeSensitivityShards,
  pointValues,
  sensitivityRowCheck,
  settingsKey,
  type SensitivitySettings,
  type SensitivityShard,
} from '../../sensitivity/shards.ts';
import { type SobolDesign, sobolDesign } from '../../sensitivity/sobol.ts';
import { runsOfShard } from '../../sweep/results.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { checkOutputs, readInputJson, writeOutput } from '../files.ts';
import { ThreadPool, type PoolOutcome } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';
import { readScenarioWithRaw } from '../read-scenario.ts';
import { readParamSpecs } from '../param-specs.ts';
import { terminalSafe } from '../format/terminal.ts';
import { plannedRuns, tooLarge } from '../../sensitivity/size.ts';

/** Refuses an output name that is not one, or names a jurisdiction the scenario does not have. */
function checkOutput(name: string, jurisdictions: number): void {
  let j: number;
  try {
    j = parseOutput(name).jurisdiction;
  } catch (e) {
    throw new UsageError(`--outputs: ${(e as Error).message}`);
  }
  if (j >= jurisdictions)
    throw new UsageError(
      `--outputs: ${JSON.stringify(name)} names jurisdiction ${j}, but the scenario has ${jurisdictions} (j0${jurisdictions > 1 ? ` to j${jurisdictions - 1}` : ''})`,
    );
}

/** `sim sensitivity <scenario.json> --params ... [--outputs ...] [--method morris|sobol] [--shard K/N --out FILE]`. */
export async function sensitivityCommand(
  file: string | undefined,
  flags: RunFlags & { outputs?: string; trajectories?: number; levels?: number },
): Promise<number> {
  const { scenario, raw: base } = readScenarioWithRaw(file, flags);
  if (!flags.params) throw new UsageError('sensitivity needs --params: the scenario fields to vary, as for calibrate');
  let params: CalibrationParam[];
  try {
    params = resolveParams(readParamSpecs(flags.params), true);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const missing = missingParams(scenario, params);
  if (missing.length) throw new UsageError(`--params: ${missing.join('; ')}`);
  const outputs = flags.outputs !== undefined ? flags.outputs.split(',').map((s) => s.trim()) : [...DEFAULT_SENSITIVITY_OUTPUTS];
  if (outputs.some((o) => o === '')) throw new UsageError(`--outputs ${JSON.stringify(flags.outputs)}: an empty name; list outputs separated by commas`);
  const twice = outputs.find((o, i) => outputs.indexOf(o) !== i);
  if (twice) throw new UsageError(`--outputs: ${twice} is named twice; name each output once`);
  for (const o of outputs) checkOutput(o, scenario.jurisdictions.length);
  const method = flags.method ?? 'morris';
  if (method !== 'morris' && method !== 'sobol') throw new UsageError(`--method ${method} is for calibrate; sensitivity takes morris or sobol`);
  if (method === 'morris' && flags.samples !== undefined) throw new UsageError('--samples is for --method sobol; Morris takes --trajectories and --levels');
  if (method === 'sobol' && (flags.trajectories !== undefined || flags.levels !== undefined))
    throw new UsageError('--trajectories and --levels are for Morris; --method sobol takes --samples');
  if (flags.out && !flags.shard && !flags.resume)
    throw new UsageError('--out is for --shard (the shard file) or --resume (a stopped analysis); without them the report goes to stdout');
  if (flags.resume && !flags.out) throw new UsageError('--resume needs --out: the file a stopped analysis kept its finished runs in');
  if (flags.shard && flags.json) throw new UsageError('--json: a shard is always JSON (the runs\u2019 values); sim merge writes the report');
  if (file && flags.out) checkOutputs({ '--out': flags.out }, [file]);
  const settings: SensitivitySettings = {
    method,
    params,
    outputs,
    design: method === 'sobol' ? { samples: flags.samples ?? 64 } : { trajectories: flags.trajectories ?? 8, levels: flags.levels ?? 4 },
    replicates: flags.replicates ?? 2,
    seed: scenario.run.seed,
    engineVersion: ENGINE_VERSION,
    scenarioHash: scenarioHash(scenario),
  };
  // Counted from the settings first: a design too large is refused before its points fill memory.
  const planned = plannedRuns(params.length, settings.design, settings.replicates);
  const problem = tooLarge(planned);
  if (problem) throw new UsageError(`the design asks for ${problem}`);
  if (flags.shard && flags.shard.n > planned)
    throw new UsageError(`--shard ${flags.shard.k}/${flags.shard.n}: more shards than the ${planned} runs of the analysis`);
  const points = designOf(settings).points;
  const totalRuns = points.length * settings.replicates;
  // Each design point is a scenario run for `replicates` replicates on the pool; an output is their mean.
  const slice = flags.shard ?? { k: 1, n: 1 };
  const runs = runsOfShard(totalRuns, flags.shard);
  // A stopped analysis goes on from the runs it kept (the file is then written again, whole or not).
  const known = flags.resume ? resumeFrom(flags.out!, settings, slice, totalRuns) : new Map<number, (number | null)[]>();
  const todo = runs.filter((run) => !known.has(run));
  const tasks = todo.map((run) => ({
    scenario: scenarioAt(base, params, points[Math.floor(run / settings.replicates)], 'a point of the sensitivity design'),
    seed: settings.seed,
    replicate: run % settings.replicates,
  }));
  if (flags.resume && !flags.quiet) process.stderr.write(`resuming: ${known.size} of ${runs.length} runs kept, ${todo.length} to run\n`);
  const progress = createProgress(`sensitivity ${flags.shard ? `shard ${flags.shard.k}/${flags.shard.n} ` : ''}(${tasks.length} runs)`, !flags.quiet);
  const pool = new ThreadPool(flags.workers);
  // Ctrl-C stops between runs; what finished is kept (below), not lost.
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  let outcome: PoolOutcome;
  try {
    outcome = await pool.run(tasks, { signal: abort.signal, onResult: (_i, done, total) => progress.update(done, total) });
  } finally {
    process.off('SIGINT', onSigint);
    pool.close();
    progress.finish();
  }
  outcome.results.forEach((r, i) => {
    if (r)
      known.set(
        todo[i],
        outputs.map((o) => readOutput(o, [r.summary])),
      );
  });
  const key = settingsKey(settings);
  const shardOf = (): SensitivityShard => ({
    format: 'trustfall-sensitivity-shard',
    version: 1,
    settings,
    totalRuns,
    shard: slice,
    runs: runs.flatMap((run) => {
      const v = known.get(run);
      return v ? [{ run, values: v, check: sensitivityRowCheck(key, run, v) }] : [];
    }),
  });
  // Full precision (not toJson's rounding): the merged analysis equals the unsharded one exactly.
  if (outcome.cancelled) {
    // The finished runs as a shard of this analysis: --resume continues it; merge says which runs are missing.
    const kept = shardOf();
    const path = flags.out ?? `sensitivity-stopped-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    writeOutput(path, JSON.stringify(kept) + '\n');
    process.stderr.write(
      `stopped: ${kept.runs.length} of ${runs.length} runs finished, kept in ${path} (a shard of this analysis: give the same command with --resume --out ${path} to go on; sim merge lists the runs still missing)\n`,
    );
    return 130;
  }
  if (flags.shard) {
    const text = JSON.stringify(shardOf()) + '\n';
    if (flags.out) writeOutput(flags.out, text);
    else process.stdout.write(text);
    return 0;
  }
  // A resumed unsharded analysis: its file now holds every run, and the report is printed as usual.
  if (flags.out) writeOutput(flags.out, JSON.stringify(shardOf()) + '\n');
  const values = runs.map((run) => known.get(run)!);
  const report = sensitivityReport(settings, values);
  if (flags.json) process.stdout.write(toJson(report.json) + '\n');
  else process.stdout.write(terminalSafe(report.text.join('\n') + '\n'));
  return 0;
}

/** `sim merge` of sensitivity shards: the report the unsharded analysis prints with --json (and --csv). */
export function mergeSensitivity(parts: unknown[], flags: RunFlags): number {
  let merged: ReturnType<typeof mergeSensitivityShards>;
  try {
    merged = mergeSensitivityShards(parts);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (merged.missing.length) {
    process.stderr.write(
      `incomplete: ${merged.missing.length} of ${merged.runValues.length} runs missing (first: ${merged.missing.slice(0, 10).join(', ')}); the indices need every run, so nothing was written\n`,
    );
    return 3;
  }
  const report = sensitivityReport(merged.settings, merged.runValues as (number | null)[][]);
  const json = toJson(report.json) + '\n';
  if (flags.out) writeOutput(flags.out, json);
  else process.stdout.write(json);
  if (flags.csv) {
    const s = merged.settings;
    const design = 'samples' in s.design ? `rows ${s.design.samples}` : `trajectories ${s.design.trajectories}, levels ${s.design.levels}`;
    const provenance = provenanceLine(s.method === 'sobol' ? 'Sobol indices' : 'Morris screening', {
      scenario: s.scenarioHash,
      seed: s.seed,
      design,
      runs: merged.runValues.length,
    });
    writeOutput(flags.csv, sensitivityCsv(report.results, provenance));
  }
  return 0;
}

/** The runs a stopped analysis kept in `path`, or a UsageError naming why they cannot be continued. */
function resumeFrom(path: string, settings: SensitivitySettings, slice: { k: number; n: number }, totalRuns: number): Map<number, (number | null)[]> {
  const raw = readInputJson(path, 'stopped analysis');
  try {
    return keptRuns(raw, settings, slice, totalRuns);
  } catch (e) {
    throw new UsageError(`--resume --out ${path}: ${(e as Error).message}`);
  }
}

function designOf(s: SensitivitySettings): MorrisDesign | SobolDesign {
  return 'samples' in s.design
    ? sobolDesign(s.params.length, s.design.samples, s.seed)
    : morrisDesign(s.params.length, s.design.trajectories, s.design.levels, s.seed);
}

/** The analysis's report (JSON and text) from every run's values of the outputs, in run order. */
function sensitivityReport(
  s: SensitivitySettings,
  runValues: readonly (readonly (number | null)[])[],
): { json: unknown; text: string[]; results: SensitivityResults } {
  const design = designOf(s);
  const byOutput = pointValues(runValues, s.replicates, s.outputs.length);
  const valuesOf = (o: string) => byOutput[s.outputs.indexOf(o)];
  const runs = runValues.length;
  const facts = { engineVersion: s.engineVersion, scenarioHash: s.scenarioHash };
  const label = (p: CalibrationParam) => (p.levels ? `${p.path} [${p.levels.map((l) => (l === null ? 'as scenario' : String(l))).join(' / ')}]` : p.path);
  const width = Math.max(48, ...s.params.map((p) => label(p).length + 1));
  const labelOf = (path: string) => label(s.params.find((p) => p.path === path)!).padEnd(width);
  const common = (method: string, design: Record<string, number>, results: SensitivityResults) => ({
    method,
    ...facts,
    ...design,
    replicates: s.replicates,
    seed: s.seed,
    runs,
    parameters: s.params,
    results: results.outputs,
  });
  if ('samples' in s.design) {
    const results = sobolResults(design as SobolDesign, s.params, s.outputs, valuesOf, s.seed);
    const f = (x: { estimate: number; lo: number; hi: number }) => `${x.estimate.toFixed(2).padStart(5)} (${x.lo.toFixed(2)} to ${x.hi.toFixed(2)})`;
    const text = [
      `Sobol indices (Saltelli sampling): ${s.params.length} parameters, N = ${s.design.samples} rows, ${design.points.length} points x ${s.replicates} replicates (${runs} runs). ` +
        'First-order: the share of the output\u2019s variance a parameter explains alone; total: alone and with others. 95% bootstrap intervals.',
    ];
    for (const r of results.outputs) {
      text.push('', `${r.output} (${r.rows} of ${s.design.samples} rows defined)`);
      for (const x of r.indices) text.push(`  ${labelOf(x.path)} first ${f(x.first)}   total ${f(x.total)}`);
    }
    const method = 'Sobol indices: Saltelli sampling, first-order (Saltelli 2010) and total (Jansen 1999), bootstrap 95% intervals';
    return { json: common(method, { samples: s.design.samples }, results), text, results };
  }
  const results = morrisResults(design as MorrisDesign, s.params, s.outputs, valuesOf);
  const text = [
    `Morris screening: ${s.params.length} parameters, ${s.design.trajectories} trajectories, ${s.design.levels} levels, ${s.replicates} replicates (${runs} runs). Effects per whole range of each parameter.`,
  ];
  // A Morris step spans two thirds of the range, so a choice of more than two values is stepped only
  // between some of them (with 4 grid levels and 4 values: the first to the third, the second to the fourth).
  const choices = s.params.filter((p) => (p.levels?.length ?? 0) > 2).map((p) => p.path);
  if (choices.length) text.push(`Note: Morris steps only between some values of ${choices.join(', ')}; --method sobol covers every value.`);
  for (const r of results.outputs) {
    text.push('', r.output);
    for (const e of r.effects)
      text.push(
        e.n === 0
          ? `  ${labelOf(e.path)} no effect measurable: the output is undefined at one end of every step (e.g. no crimes)`
          : `  ${labelOf(e.path)} mu* ${e.muStar.toPrecision(3).padStart(9)}   mu ${e.mu.toPrecision(3).padStart(9)}   sigma ${e.sigma.toPrecision(3).padStart(9)}`,
      );
  }
  const method = 'Morris elementary effects (mu* = mean |effect| per unit of the range)';
  return { json: common(method, { trajectories: s.design.trajectories, levels: s.design.levels }, results), text, results };
}
