import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { Replicates, Seed, SurveyHouseholds, Years } from '../scenario/boundaries.ts';
import { describeAllowed, type SchemaNode } from '../scenario/index.ts';

/** A command-line mistake: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The commands, and how many files each takes. */
export const COMMAND_FILES = {
  run: [1, 1],
  resolve: [1, 1],
  params: [0, 0],
  presets: [0, 0],
  compare: [2, 4],
  sweep: [1, 1],
  merge: [1, 10_000],
  fit: [1, 1],
  calibrate: [1, 1],
  sensitivity: [1, 1],
  county: [1, 1],
  nation: [0, 0],
} as const satisfies Record<string, readonly [number, number]>;
export type CommandName = keyof typeof COMMAND_FILES;

/** A decimal number as people write it: no hexadecimal, binary or octal forms, no "Infinity". */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** What a number schema allows, in words ("a whole number from 1 to 100", "0, or a whole number from 2 to 1000000"). */
function allowedText(schema: z.ZodType): string {
  const node = z.toJSONSchema(schema) as SchemaNode & { anyOf?: SchemaNode[] };
  return node.anyOf ? node.anyOf.map((n) => describeAllowed(n)).join(', or ') : describeAllowed(node);
}

/** Reads a number flag: the decimal grammar first, then the value's own schema (the one the page and the files use). */
function numberIn(schema: () => z.ZodType<number>) {
  return (name: string, raw: string): number => {
    const text = raw.trim();
    const n = Number(text);
    if (!DECIMAL.test(text) || !Number.isFinite(n)) throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not a number`);
    const s = schema();
    if (!s.safeParse(n).success) throw new UsageError(`--${name}: ${n} is not allowed; expected ${allowedText(s)}`);
    return n;
  };
}
/** A number option's reader and the schema its help shows. */
const inRange = (schema: () => z.ZodType<number>) => ({ read: numberIn(schema), schema });
const whole = (min: number, max: number | (() => number)) =>
  inRange(() =>
    z
      .int()
      .min(min)
      .max(typeof max === 'number' ? max : max()),
  );

function shard(name: string, raw: string): { k: number; n: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!m || n < 1 || k < 1 || k > n) throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not allowed; expected K/N with 1 <= K <= N, e.g. --shard 2/8`);
  return { k, n };
}

const METHODS = ['morris', 'sobol', 'nelder-mead', 'abc'] as const;
function method(name: string, raw: string): (typeof METHODS)[number] {
  const m = METHODS.find((x) => x === raw);
  if (m) return m;
  throw new UsageError(
    `--${name}: ${JSON.stringify(raw)} is not a method; sensitivity takes morris (screening) or sobol (variance-based indices), calibrate nelder-mead (a best point) or abc (a posterior)`,
  );
}
const text = (_name: string, raw: string) => raw;

/** A scale as a map gives it: "1:100" (or just 100), one simulated resident for 100 real ones. */
function scale(name: string, raw: string): number {
  const m = /^\s*(?:1\s*:\s*)?(\d+)\s*$/.exec(raw);
  const n = m ? Number(m[1]) : Number.NaN;
  if (!m || n < 1 || n > 1_000_000)
    throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not allowed; expected 1:N with N a whole number from 1 to 1000000, e.g. --${name} 1:100`);
  return n;
}

/** Postal codes, comma-separated ("AZ,NC"); which exist is checked against the county file. */
function states(name: string, raw: string): string[] {
  const list = raw.split(',').map((s) => s.trim().toUpperCase());
  if (list.some((s) => !/^[A-Z]{2}$/.test(s)))
    throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not allowed; expected postal codes, comma-separated, e.g. --${name} AZ,NC`);
  return list;
}

/** A calendar day, YYYY-MM-DD, that exists. */
function day(name: string, raw: string): string {
  const d = raw.trim();
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  if (!ok) throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not a day; expected YYYY-MM-DD, e.g. --${name} 2025-07-18`);
  return d;
}

/** One option: what follows it in the help, what it does, which commands read it, and how its text is read (none: a switch). */
interface FlagSpec {
  value: string;
  help: string;
  commands: readonly CommandName[];
  read?: (name: string, raw: string) => unknown;
  /** Where the help shows the allowed values (number flags). */
  schema?: () => z.ZodType<number>;
}

const ANALYSES = ['calibrate', 'sensitivity'] as const satisfies readonly CommandName[];

/**
 * Every option, once: the parser, the per-command checks (an option a command does not read is
 * refused, not ignored), the ranges (the values' own schemas, shared with the page and the files)
 * and the help's option list all come from this table.
 */
export const FLAGS = {
  seed: { value: 'N', help: 'random seed', commands: ['run', 'compare', 'fit', ...ANALYSES, 'nation'], ...inRange(() => Seed) },
  replicates: {
    value: 'N',
    help: 'independent replicates (averaged with 95% intervals; per proposal or point in calibrate and sensitivity; per county in nation)',
    commands: ['run', 'compare', 'fit', ...ANALYSES, 'nation'],
    ...inRange(() => Replicates),
  },
  years: {
    value: 'N',
    help: 'simulated years after burn-in',
    commands: ['run', 'compare', 'fit', ...ANALYSES],
    read: numberIn(() => Years),
    schema: () => Years,
  },
  json: {
    value: '',
    help: 'print exactly one JSON object on stdout instead of the table (shape in docs/cli.md)',
    commands: ['run', 'compare', 'fit', 'params', 'sensitivity', 'nation'],
  },
  csv: {
    value: 'FILE',
    help: 'also write CSV to FILE (run: the weekly series; compare: every replicate; sweep, merge: the rows)',
    commands: ['run', 'compare', 'sweep', 'merge'],
    read: text,
  },
  quiet: { value: '', help: 'no progress on stderr (every command accepts it)', commands: ['run', 'compare', 'sweep', 'fit', ...ANALYSES, 'nation'] },
  workers: {
    value: 'N',
    help: 'worker threads (default: one per core); results do not depend on it',
    commands: ['compare', 'sweep', 'fit', ...ANALYSES, 'nation'],
    ...whole(1, availableParallelism),
  },
  survey: {
    value: 'N',
    help: 'simulate a victimisation survey of N households per jurisdiction and period, with sampling error, and use it for difference-in-differences',
    commands: ['compare'],
    ...inRange(() => SurveyHouseholds),
  },
  shard: {
    value: 'K/N',
    help: 'run only the K-th of N slices (every N-th run or proposal; nation: every N-th state); join them with merge',
    commands: ['sweep', ...ANALYSES, 'nation'],
    read: shard,
  },
  out: {
    value: 'FILE',
    help: 'write the JSON to FILE (sweep, merge, a shard; calibrate: the report; sensitivity --resume: the file a stopped analysis kept its runs in; county: the scenario)',
    commands: ['sweep', 'merge', ...ANALYSES, 'county', 'nation'],
    read: text,
  },
  targets: { value: 'SETS', help: 'target sets: built-in ids or JSON files, comma-separated', commands: ['fit', 'calibrate'], read: text },
  params: {
    value: 'PATHS',
    help: 'the fields to vary: path or path:min:max (or path:switch), comma-separated, or a JSON file',
    commands: ANALYSES,
    read: text,
  },
  budget: { value: 'N', help: 'most evaluations a Nelder–Mead calibration may make', commands: ['calibrate'], ...whole(1, 1_000_000) },
  state: { value: 'FILE', help: 'where a calibration saves its state (after every iteration or generation)', commands: ['calibrate'], read: text },
  resume: { value: '', help: 'continue a stopped calibration (its --state), sensitivity analysis or sweep (its --out)', commands: ['sweep', ...ANALYSES] },
  outputs: {
    value: 'LIST',
    help: 'sensitivity outputs, comma-separated (j0.latino.after.reportedShare, change.j0.latino.reportedShare)',
    commands: ['sensitivity'],
    read: text,
  },
  trajectories: { value: 'N', help: 'Morris trajectories', commands: ['sensitivity'], ...whole(2, 1000) },
  levels: { value: 'N', help: 'Morris grid levels', commands: ['sensitivity'], ...whole(2, 20) },
  method: { value: 'NAME', help: 'sensitivity: morris or sobol; calibrate: nelder-mead or abc', commands: ANALYSES, read: method },
  samples: { value: 'N', help: 'Sobol base rows N (the model runs at N × (parameters + 2) points)', commands: ['sensitivity'], ...whole(8, 1_000_000) },
  particles: { value: 'N', help: 'ABC particles per generation', commands: ['calibrate'], ...whole(8, 100_000) },
  generations: { value: 'N', help: 'ABC generations after the prior\u2019s', commands: ['calibrate'], ...whole(1, 100) },
  proposals: {
    value: 'N',
    help: 'ABC with --shard: proposals of the next generation the shards share out',
    commands: ['calibrate'],
    ...whole(1, 10_000_000),
  },
  scale: {
    value: '1:N',
    help: 'one simulated resident for N real ones (default: the smallest power of ten that keeps the county under 100,000)',
    commands: ['county', 'nation'],
    read: scale,
  },
  'as-of': { value: 'DATE', help: "agreements signed by this day (YYYY-MM-DD; default the ICE list's date)", commands: ['county', 'nation'], read: day },
  states: { value: 'LIST', help: 'the states to run, by postal code, comma-separated (default: all 50 and DC)', commands: ['nation'], read: states },
  neighbours: { value: '', help: 'add the two most populous neighbouring counties, one on each side, with their own agreements', commands: ['county'] },
} satisfies Record<string, FlagSpec>;
export type FlagName = keyof typeof FLAGS;

/** The help's option list, from the table: each option, its value, what it does, its range and its commands. */
export function optionsHelp(): string {
  return (Object.entries(FLAGS) as [FlagName, FlagSpec][])
    .map(([name, f]) => {
      const head = `  --${name}${f.value ? ` ${f.value}` : ''}`;
      const range = f.schema ? `; ${allowedText(f.schema())}` : '';
      return wrap(`${head.padEnd(19)}${head.length >= 19 ? ' ' : ''}${f.help}${range} [${f.commands.join(', ')}]`, 100, ' '.repeat(19));
    })
    .join('\n');
}

/** Text broken into lines of at most `width` at spaces, each after the first indented. */
function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=\S) (?=\S)/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}
