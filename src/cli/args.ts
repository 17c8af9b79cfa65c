import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** A command-line mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface RunFlags {
  seed?: number;
  replicates?: number;
  years?: number;
  json: boolean;
  csv?: string;
  quiet: boolean;
  /** Worker threads for replicates (compare, sweep). */
  workers?: number;
  /** Households per jurisdiction and period in the simulated survey (compare). */
  survey?: number;
  /** `K/N`: run only the K-th of N slices of a sweep. */
  shard?: { k: number; n: number };
  /** Output file for sweep and merge results (JSON). */
  out?: string;
  /** Target sets for fit: built-in ids or files, comma-separated. */
  targets?: string;
  /** Parameters to calibrate: `path[:min:max]`, comma-separated, or a JSON file. */
  params?: string;
  /** Most evaluations a calibration may make. */
  budget?: number;
  /** Where a calibration saves its state after each iteration. */
  state?: string;
  /** Continue the calibration saved in the state file. */
  resume: boolean;
  /** Sensitivity outputs, comma-separated. */
  outputs?: string;
  trajectories?: number;
  levels?: number;
  /** Sensitivity: morris (screening, the default) or sobol (variance-based indices); calibrate: nelder-mead (the default) or abc (a posterior). */
  method?: 'morris' | 'sobol' | 'nelder-mead' | 'abc';
  /** ABC: particles per generation. */
  particles?: number;
  /** ABC: generations after the prior's. */
  generations?: number;
  /** ABC with --shard: proposals of the next generation the shards share out. */
  proposals?: number;
  /** Sobol: base sample rows N (the model runs at N × (parameters + 2) points). */
  samples?: number;
}

/** Which options each command reads, and how many files it takes; anything else is refused, not ignored. */
export const COMMANDS: Record<string, { flags: readonly (keyof RunFlags)[]; files: [number, number] }> = {
  run: { flags: ['seed', 'replicates', 'years', 'json', 'csv', 'quiet'], files: [1, 1] },
  resolve: { flags: [], files: [1, 1] },
  params: { flags: ['json'], files: [0, 0] },
  presets: { flags: [], files: [0, 0] },
  compare: { flags: ['seed', 'replicates', 'years', 'json', 'csv', 'quiet', 'workers', 'survey'], files: [2, 4] },
  sweep: { flags: ['shard', 'out', 'csv', 'quiet', 'workers', 'resume'], files: [1, 1] },
  merge: { flags: ['out', 'csv'], files: [1, 10_000] },
  fit: { flags: ['seed', 'replicates', 'years', 'json', 'quiet', 'workers', 'targets'], files: [1, 1] },
  calibrate: {
    flags: [
      'seed',
      'replicates',
      'years',
      'targets',
      'params',
      'budget',
      'out',
      'state',
      'resume',
      'quiet',
      'workers',
      'method',
      'particles',
      'generations',
      'shard',
      'proposals',
    ],
    files: [1, 1],
  },
  sensitivity: {
    flags: [
      'seed',
      'replicates',
      'years',
      'params',
      'outputs',
      'trajectories',
      'levels',
      'method',
      'samples',
      'json',
      'quiet',
      'workers',
      'shard',
      'out',
      'resume',
    ],
    files: [1, 1],
  },
};

export interface Parsed {
  command: string | undefined;
  positionals: string[];
  flags: RunFlags;
  help: boolean;
}

/** Parses argv (without node and script); unknown options and malformed numbers are UsageErrors. */
export function parseCommandLine(argv: string[]): Parsed {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  let tokens: { kind: string; name?: string; value?: string }[];
  try {
    ({ values, positionals, tokens } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        seed: { type: 'string' },
        replicates: { type: 'string' },
        years: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'string' },
        quiet: { type: 'boolean' },
        workers: { type: 'string' },
        survey: { type: 'string' },
        shard: { type: 'string' },
        out: { type: 'string' },
        targets: { type: 'string' },
        params: { type: 'string' },
        budget: { type: 'string' },
        state: { type: 'string' },
        resume: { type: 'boolean' },
        outputs: { type: 'string' },
        trajectories: { type: 'string' },
        levels: { type: 'string' },
        method: { type: 'string' },
        samples: { type: 'string' },
        particles: { type: 'string' },
        proposals: { type: 'string' },
        generations: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // An option with a value given twice would silently take the last one: say so instead.
  const valuesGiven = new Map<string, string[]>();
  for (const t of tokens) if (t.kind === 'option' && t.name && t.value !== undefined) valuesGiven.set(t.name, [...(valuesGiven.get(t.name) ?? []), t.value]);
  for (const [name, vs] of valuesGiven)
    if (vs.length > 1) throw new UsageError(`--${name} is given ${vs.length} times (${vs.map((v) => JSON.stringify(v)).join(', ')}); give it once`);
  const command = positionals[0];
  const spec = command === undefined ? undefined : COMMANDS[command];
  if (spec && values.help !== true) {
    // --quiet is accepted by every command (scripts pass it to all); it silences progress where there is some.
    const given = Object.keys(values).filter((k) => values[k] !== undefined && k !== 'help' && k !== 'quiet');
    const wrong = given.filter((k) => !(spec.flags as readonly string[]).includes(k));
    if (wrong.length) {
      const allowed = spec.flags.length ? `; ${command} takes ${spec.flags.map((f) => `--${f}`).join(', ')}` : `; ${command} takes no options`;
      throw new UsageError(`${wrong.map((k) => `--${k}`).join(', ')} ${wrong.length > 1 ? 'do' : 'does'} nothing for ${command}${allowed}`);
    }
    const files = positionals.length - 1;
    const [min, max] = spec.files;
    if (files > max)
      throw new UsageError(
        `${command} takes ${max === 0 ? 'no file' : max === 1 ? 'one file' : `at most ${max} files`}; got ${files} (${positionals
          .slice(1 + max)
          .map((f) => JSON.stringify(f))
          .join(', ')} extra)`,
      );
    if (files < min && min > 1) throw new UsageError(`${command} takes ${min === spec.files[1] ? min : `${min} to ${max}`} files; got ${files}`);
  }
  return {
    command: positionals[0],
    positionals: positionals.slice(1),
    help: values.help === true,
    flags: {
      seed: numberFlag('seed', values.seed),
      replicates: numberFlag('replicates', values.replicates),
      years: numberFlag('years', values.years),
      json: values.json === true,
      csv: typeof values.csv === 'string' ? values.csv : undefined,
      quiet: values.quiet === true,
      workers: wholeFlag('workers', values.workers, 1, availableParallelism()),
      survey: wholeFlag('survey', values.survey, 2, 1_000_000),
      shard: shardFlag(values.shard),
      out: typeof values.out === 'string' ? values.out : undefined,
      targets: typeof values.targets === 'string' ? values.targets : undefined,
      params: typeof values.params === 'string' ? values.params : undefined,
      budget: wholeFlag('budget', values.budget, 1, 1_000_000),
      state: typeof values.state === 'string' ? values.state : undefined,
      resume: values.resume === true,
      outputs: typeof values.outputs === 'string' ? values.outputs : undefined,
      trajectories: wholeFlag('trajectories', values.trajectories, 2, 1000),
      levels: wholeFlag('levels', values.levels, 2, 20),
      method: methodFlag(values.method),
      samples: wholeFlag('samples', values.samples, 8, 1_000_000),
      proposals: wholeFlag('proposals', values.proposals, 1, 10_000_000),
      particles: wholeFlag('particles', values.particles, 8, 100_000),
      generations: wholeFlag('generations', values.generations, 1, 100),
    },
  };
}

function methodFlag(raw: string | boolean | undefined): RunFlags['method'] {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  if (raw === 'morris' || raw === 'sobol' || raw === 'nelder-mead' || raw === 'abc') return raw;
  throw new UsageError(
    `--method: ${JSON.stringify(raw)} is not a method; sensitivity takes morris (screening) or sobol (variance-based indices), calibrate nelder-mead (a best point) or abc (a posterior)`,
  );
}

/** A decimal number as people write it: no hexadecimal, binary or octal forms, no "Infinity". */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function numberFlag(name: string, raw: string | boolean | undefined): number | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const n = Number(raw.trim());
  if (!DECIMAL.test(raw.trim()) || !Number.isFinite(n)) throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not a number`);
  return n;
}

function wholeFlag(name: string, raw: string | boolean | undefined, min: number, max: number): number | undefined {
  const n = numberFlag(name, raw);
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name}: ${n} is not allowed; expected a whole number from ${min} to ${max}`);
  return n;
}

function shardFlag(raw: string | boolean | undefined): { k: number; n: number } | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--shard: ${JSON.stringify(raw)} is not allowed; expected K/N with 1 <= K <= N, e.g. --shard 2/8`);
  return { k, n };
}
