import { existsSync } from 'node:fs';
import { readParamSpecs } from '../param-specs.ts';
import { calibrate, loss, missingParams, resolveParams, type CalibrationParam, type CalibrationState } from '../../calibrate/calibrate.ts';
import { fitReport, needsTwin, runNeeds } from '../../evidence/fit.ts';
import { twinScenario } from '../../evidence/twin.ts';
import { toJson } from '../../report/json.ts';
import { scenarioHash, type Scenario } from '../../scenario/index.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { checkOutputs, readInputJson, writeOutput } from '../files.ts';
import { parseCalibrationState } from '../../calibrate/state-schema.ts';
import { chooseReplicates, type ReplicateChoice } from '../../calibrate/replicates.ts';
import { getAt, parsePath } from '../../scenario/paths.ts';
import { ThreadPool } from '../pool/pool.ts';
import { readScenarioWithRaw } from '../read-scenario.ts';
import { calibrateAbc } from './calibrate-abc.ts';
import { checkResume } from './resume-check.ts';
import { readTargetSets } from './fit.ts';

const DEFAULT_BUDGET = 80;
/** Replicates of the pilot that measures each target's noise when --replicates is not given. */
const PILOT_REPLICATES = 6;

/** The choice of replicates in a sentence. */
function describeChoice(c: ReplicateChoice): string {
  const worst = [...c.targets].sort((a, b) => b.standardError / b.halfBand - a.standardError / a.halfBand)[0];
  return (
    `replicates per evaluation: ${c.replicates}, chosen from a pilot of ${c.pilot} so that each target's standard error is at most ${c.ratio.toFixed(2)} of its half-band` +
    (worst ? ` (noisiest: ${worst.id}, standard error ${(worst.standardError / worst.halfBand).toFixed(2)} of its half-band)` : '') +
    (c.limited ? `; limited to ${c.replicates}, so not reached` : '')
  );
}

/** Validation replicates start here: far from the calibration's 0 to replicates − 1. */
const VALIDATION_FIRST = 1000;

/**
 * `sim calibrate <scenario.json> --params ... [--targets SETS] [--budget N] [--replicates N]
 * [--out FILE] [--state FILE] [--resume]`: tunes the parameters to the targets with Nelder–Mead,
 * saving its state after every iteration (Ctrl-C stops cleanly; --resume continues), and writes the
 * calibrated scenario and a report.
 */
export async function calibrateCommand(file: string | undefined, flags: RunFlags): Promise<number> {
  const { scenario, raw: base } = readScenarioWithRaw(file, flags);
  let params: CalibrationParam[];
  try {
    params = resolveParams(readParamSpecs(flags.params));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const missing = missingParams(scenario, params);
  if (missing.length) throw new UsageError(`--params: ${missing.join('; ')}`);
  const targets = readTargetSets(flags.targets);
  if (flags.method === 'abc') return calibrateAbc(file!, flags, { scenario, base, params, targets });
  if (flags.method !== undefined && flags.method !== 'nelder-mead')
    throw new UsageError(`--method ${flags.method} is for sensitivity; calibrate takes nelder-mead (the default) or abc`);
  if (flags.particles !== undefined || flags.generations !== undefined) throw new UsageError('--particles and --generations are for --method abc');
  const out = flags.out ?? 'calibrated.json';
  const statePath = flags.state ?? `${out.replace(/\.json$/, '')}.state.json`;
  const reportPath = `${out.replace(/\.json$/, '')}.report.json`;
  checkOutputs(
    { '--out': out, '--state': statePath, report: reportPath },
    flags.resume ? [file] : [file, ...(flags.params?.endsWith('.json') ? [flags.params] : [])],
  );
  let resume: CalibrationState | undefined;
  if (flags.resume) {
    if (!existsSync(statePath)) throw new UsageError(`--resume: no saved state at ${statePath}`);
    const parsed = parseCalibrationState(readInputJson(statePath, 'calibration state'));
    if ('problems' in parsed)
      throw new UsageError(`--resume: ${statePath} is not a usable calibration state:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`);
    resume = parsed.state;
    checkResume(statePath, resume, {
      params,
      targetSets: targets.map((t) => t.id),
      scenarioHash: scenarioHash(scenario),
      seed: flags.seed,
      replicates: flags.replicates,
    });
  }
  let replicates = resume?.replicates ?? flags.replicates ?? 0;
  const seed = resume?.seed ?? scenario.run.seed;
  const budget = flags.budget ?? DEFAULT_BUDGET;
  // The first simplex alone takes one evaluation more than there are parameters: a smaller budget could not be kept.
  if (budget < params.length + 1)
    throw new UsageError(
      `--budget ${budget}: Nelder–Mead's first simplex takes ${params.length + 1} evaluations for ${params.length} parameter${params.length > 1 ? 's' : ''}; give at least that`,
    );
  // Event-study targets read each quarter around activation, which a run keeps only when asked.
  const needs = runNeeds(targets);
  const pool = new ThreadPool(flags.workers);
  let stop = false;
  const onSigint = () => (stop = true);
  process.once('SIGINT', onSigint);
  const started = Date.now();
  let choice: ReplicateChoice | undefined;
  try {
    if (!replicates) {
      // Not asked: a pilot at the starting point measures each target's noise, and the search runs as
      // many replicates per point as put every target's standard error under a third of its half-band.
      const pilot = async (s: Scenario) =>
        (await pool.run(Array.from({ length: PILOT_REPLICATES }, (_, replicate) => ({ scenario: s, seed, replicate, ...needs })))).results.map(
          (r) => r!.summary,
        );
      if (!flags.quiet) process.stderr.write(`pilot: ${PILOT_REPLICATES} replicates at the starting point to choose the replicates per evaluation\n`);
      const summaries = await pilot(scenario);
      const twins = targets.some((t) => needsTwin(t, scenario)) ? await pilot(twinScenario(scenario)) : undefined;
      choice = chooseReplicates(targets, scenario, summaries, twins);
      replicates = choice.replicates;
      if (!flags.quiet) process.stderr.write(`${describeChoice(choice)}\n`);
    }
    const result = await calibrate({
      base,
      params,
      targets,
      budget,
      resume,
      seed,
      replicates,
      evaluate: async (s) => {
        const o = await pool.run(Array.from({ length: replicates }, (_, replicate) => ({ scenario: s, seed, replicate, ...needs })));
        return o.results.map((r) => r!.summary);
      },
      onProgress: (p) => {
        writeOutput(statePath, JSON.stringify({ ...p.state, scenarioHash: scenarioHash(scenario) }));
        if (!flags.quiet) process.stderr.write(`iteration ${p.iteration}: ${p.evaluations} evaluations, best loss ${p.bestLoss.toFixed(3)}\n`);
      },
      shouldStop: () => stop,
    });
    const values = params.map((p) => {
      const v = getAt(result.best, parsePath(p.path));
      const vertex = result.state.simplex.points.map((x) => p.min + x[params.indexOf(p)] * (p.max - p.min));
      return { path: p.path, value: v as number, range: [p.min, p.max], simplexSpread: [Math.min(...vertex), Math.max(...vertex)] };
    });
    writeOutput(out, JSON.stringify({ $schema: './scenario.schema.json', ...result.best }, null, 2) + '\n');
    // Validation: the calibrated scenario on replicates the search never ran, so a fit to its own
    // seeds' noise shows as a worse loss here.
    const validationCount = Math.max(8, replicates);
    const runValidation = async (s: Scenario) =>
      (await pool.run(Array.from({ length: validationCount }, (_, k) => ({ scenario: s, seed, replicate: VALIDATION_FIRST + k, ...needs })))).results.map(
        (r) => r!.summary,
      );
    const validationFit =
      result.stopped === 'stopped'
        ? null
        : await (async () => {
            const summaries = await runValidation(result.best);
            const twins = targets.some((t) => needsTwin(t, result.best)) ? await runValidation(twinScenario(result.best)) : undefined;
            return targets.map((t) => fitReport(t, result.best, summaries, twins));
          })();
    const validationLoss = validationFit ? loss(validationFit) : null;
    const overfitted = validationLoss !== null && validationLoss > 2 * result.bestLoss + 1;
    const report = {
      engineVersion: ENGINE_VERSION,
      method: 'Nelder–Mead on the parameters\u2019 ranges, same replicate seeds at every point (common random numbers)',
      scenarioHash: scenarioHash(result.best),
      seed,
      replicates,
      replicatesChosen: choice ? { ...choice, how: describeChoice(choice) } : 'as asked (--replicates) or as the resumed state had them',
      stopped: result.stopped,
      evaluations: result.state.history.length,
      seconds: Math.round((Date.now() - started) / 1000),
      loss: result.bestLoss,
      parameters: values,
      fit: result.report,
      validation: validationFit && {
        seed,
        replicates: `${VALIDATION_FIRST} to ${VALIDATION_FIRST + validationCount - 1} (never used by the search)`,
        loss: validationLoss,
        muchWorse: overfitted,
        fit: validationFit,
      },
    };
    writeOutput(reportPath, toJson(report) + '\n');
    const met = result.report.reduce((a, r) => a + r.score.met, 0);
    const applicable = result.report.reduce((a, r) => a + r.score.applicable, 0);
    process.stdout.write(
      `Calibration ${result.stopped} after ${report.evaluations} evaluations (${report.seconds} s): ${met} of ${applicable} targets met, loss ${result.bestLoss.toFixed(3)} on replicates 0 to ${replicates - 1}\n` +
        (choice ? `${describeChoice(choice).replace(/^r/, 'R')}.\n` : '') +
        values.map((v) => `  ${v.path} = ${v.value} (last simplex ${v.simplexSpread.map((x) => Number(x.toPrecision(4))).join(' to ')})\n`).join('') +
        (validationFit
          ? `Validation on replicates ${VALIDATION_FIRST} to ${VALIDATION_FIRST + validationCount - 1}, which the search never ran: ` +
            `${validationFit.reduce((a, r) => a + r.score.met, 0)} of ${validationFit.reduce((a, r) => a + r.score.applicable, 0)} targets met, loss ${validationLoss!.toFixed(3)}` +
            `${overfitted ? ' \u2014 much worse than on the calibration replicates: the fit may follow their noise; use more --replicates' : ''}\n`
          : '') +
        `Wrote ${out} (calibrated scenario), ${reportPath} (report) and ${statePath} (state; --resume continues).\n`,
    );
    return result.stopped === 'stopped' ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    pool.close();
  }
}
