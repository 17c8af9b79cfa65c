import { abcSmc } from '../../calibrate/abc.ts';
import { abcTooLarge } from '../../calibrate/abc-size.ts';
import { abcMarkdown, abcReport } from '../../calibrate/abc-report.ts';
import type { CalibrationParam } from '../../calibrate/calibrate.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import { toJson } from '../../report/json.ts';
import { scenarioHash, type Scenario } from '../../scenario/index.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { checkOutputs, writeOutput } from '../files.ts';
import { ThreadPool } from '../pool/pool.ts';
import { abcStateOf, DEFAULT_GENERATIONS, DEFAULT_PARTICLES, DEFAULT_REPLICATES, progressOf, QUANTILE, readAbcState } from './abc-state.ts';
import { pooledDistance } from './abc-pool.ts';
import { abcShard } from './calibrate-abc-shard.ts';

/**
 * `sim calibrate --method abc`: a posterior sample of the parameters given the targets, by ABC-SMC on
 * the worker pool, with progress, Ctrl-C (the state is saved after every generation; --resume
 * continues exactly), a JSON report (posterior intervals, correlations, posterior predictive of every
 * target and of untargeted outputs) and the same as Markdown.
 */
export async function calibrateAbc(
  file: string,
  flags: RunFlags,
  o: { scenario: Scenario; base: Record<string, unknown>; params: CalibrationParam[]; targets: TargetSet[] },
): Promise<number> {
  if (flags.budget !== undefined) throw new UsageError('--budget is for Nelder–Mead; --method abc takes --particles and --generations');
  if (flags.shard) return abcShard(file, flags, o);
  const out = flags.out ?? 'abc-posterior.json';
  const stem = out.replace(/\.json$/, '');
  const statePath = flags.state ?? `${stem}.state.json`;
  const markdownPath = `${stem}.md`;
  checkOutputs({ '--out': out, '--state': statePath, markdown: markdownPath }, [file, ...(flags.params?.endsWith('.json') ? [flags.params] : [])]);
  const hash = scenarioHash(o.scenario);
  const resume = flags.resume ? readAbcState(statePath, { params: o.params, targets: o.targets, scenarioHash: hash }, flags) : undefined;
  if (flags.proposals !== undefined) throw new UsageError('--proposals is for --shard: how many proposals of the next generation the shards share out');
  const particles = resume?.particles ?? flags.particles ?? DEFAULT_PARTICLES;
  const generations = flags.generations ?? DEFAULT_GENERATIONS;
  const replicates = resume?.replicates ?? flags.replicates ?? DEFAULT_REPLICATES;
  const seed = resume?.seed ?? o.scenario.run.seed;
  const problem = abcTooLarge({ particles, generations, replicates });
  if (problem) throw new UsageError(problem);
  const pool = new ThreadPool(flags.workers);
  let stop = false;
  const onSigint = () => (stop = true);
  process.once('SIGINT', onSigint);
  const started = Date.now();
  // Runs across every session, so a resumed calibration reports the whole.
  // Whether this session ran a generation (a resume with none left only writes the report).
  let wroteState = false;
  let runs = resume?.runs ?? 0;
  const say = (text: string) => {
    if (!flags.quiet) process.stderr.write(`${text}\n`);
  };
  try {
    const evaluate = pooledDistance(pool, { base: o.base, params: o.params, targets: o.targets, seed, replicates }, (n) => (runs += n));
    const fromState = resume && progressOf(resume);
    const result = await abcSmc({
      k: o.params.length,
      population: particles,
      generations,
      quantile: QUANTILE,
      seed,
      evaluate,
      resume: fromState,
      onProposals: (g, accepted, proposals) =>
        say(`generation ${g}: ${accepted} of ${particles} particles accepted from ${proposals} proposals (${runs} runs so far)`),
      onGeneration: (p) => {
        wroteState = true;
        writeOutput(
          statePath,
          JSON.stringify(abcStateOf({ params: o.params, targetSets: o.targets.map((t) => t.id), seed, replicates, particles, scenarioHash: hash, runs }, p)),
        );
        const last = p.generations.at(-1)!;
        say(
          `generation ${p.generations.length - 1} done: tolerance ${Number.isFinite(last.epsilon) ? last.epsilon.toFixed(3) : 'none (prior)'}, acceptance ${((100 * last.particles.length) / last.proposals).toFixed(0)}%`,
        );
      },
      shouldStop: () => stop,
    });
    if (result.generations.length === 0) {
      say('Stopped before the first generation was complete; nothing to report.');
      return 130;
    }
    const report = abcReport(result.generations, o.params, o.targets);
    const seconds = Math.round((Date.now() - started) / 1000);
    const facts = {
      engineVersion: ENGINE_VERSION,
      method: `ABC-SMC (Beaumont et al. 2009 population Monte Carlo; tolerance the ${QUANTILE} quantile of the previous generation's distances; Gaussian kernel with twice the weighted covariance); uniform priors on the ranges; distance: root mean square over targets of (simulated mean - value) / half band`,
      scenarioHash: scenarioHash(o.scenario),
      targetSets: o.targets.map((t) => `${t.id} ${t.version}`),
      seed,
      replicatesPerParticle: `${replicates} (each proposal its own replicates: proposal n runs n*${replicates} to n*${replicates}+${replicates - 1})`,
      particles,
      stopped: result.stopped,
      runs,
      seconds,
    };
    writeOutput(out, toJson({ ...facts, ...report, particles: result.generations.at(-1)!.particles }) + '\n');
    // The command that repeats this run: the targets as given (a file path stays a path) and the seed used.
    const command = `npm run -s sim -- calibrate ${file} --method abc --seed ${seed} --params ${flags.params} --targets ${flags.targets ?? o.targets.map((t) => t.id).join(',')} --particles ${particles} --generations ${generations} --replicates ${replicates}`;
    writeOutput(
      markdownPath,
      abcMarkdown(report, {
        title: `ABC posterior: ${o.scenario.name} against ${o.targets.map((t) => t.id).join(', ')}`,
        command,
        facts: [
          `engine ${ENGINE_VERSION}, scenario ${facts.scenarioHash.slice(0, 12)}, seed ${seed}`,
          `${particles} particles, ${result.generations.length - 1} generations after the prior's (${result.stopped}), ${replicates} replicate${replicates > 1 ? 's' : ''} per proposal, ${runs} runs in ${seconds} s`,
          facts.method,
        ],
      }),
    );
    process.stdout.write(
      `ABC ${result.stopped} after ${result.generations.length - 1} generations, ${runs} runs (${seconds} s); posterior (90% intervals):\n` +
        report.parameters
          .map(
            (p) =>
              `  ${p.path} median ${Number(p.posterior.median.toPrecision(4))} (${Number(p.posterior.lo.toPrecision(4))} to ${Number(p.posterior.hi.toPrecision(4))}) of ${p.min} to ${p.max}\n`,
          )
          .join('') +
        `Wrote ${out} (report and particles) and ${markdownPath}${wroteState ? `, and ${statePath} (state; --resume continues)` : ` (the state ${statePath} had no generation left to run)`}.\n`,
    );
    return result.stopped === 'stopped' ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    pool.close();
  }
}
