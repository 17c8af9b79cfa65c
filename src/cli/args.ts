import { parseArgs } from 'node:util';
import { COMMAND_FILES, type CommandName, FLAGS, type FlagName, UsageError } from './flags.ts';

export { DECIMAL, UsageError } from './flags.ts';

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
  /** county: one simulated resident for this many real ones. */
  scale?: number;
  /** county: agreements signed by this day (YYYY-MM-DD). */
  'as-of'?: string;
  /** county: add its two most populous neighbours. */
  neighbours: boolean;
  /** nation: the states to run, by postal code. */
  states?: string[];
}

/** Which options each command reads (from the option table), and how many files it takes; anything else is refused, not ignored. */
export const COMMANDS: Record<string, { flags: readonly (keyof RunFlags)[]; files: readonly [number, number] }> = Object.fromEntries(
  (Object.keys(COMMAND_FILES) as CommandName[]).map((command) => [
    command,
    {
      flags: (Object.keys(FLAGS) as FlagName[]).filter((f) => (FLAGS[f].commands as readonly string[]).includes(command)),
      files: COMMAND_FILES[command],
    },
  ]),
);

// Every field of RunFlags is an option of the table, and every option a field.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameNames: Same<keyof RunFlags, FlagName> = true;
void sameNames;

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
        ...Object.fromEntries(Object.entries(FLAGS).map(([name, f]) => [name, { type: 'read' in f ? ('string' as const) : ('boolean' as const) }])),
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
    flags: readFlags(values),
  };
}

/** Each option's value, read by its entry in the table (a switch is on or off; an absent option is undefined). */
function readFlags(values: Record<string, string | boolean | undefined>): RunFlags {
  const flags: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(FLAGS) as [FlagName, (typeof FLAGS)[FlagName]][]) {
    const raw = values[name];
    if (!('read' in f)) flags[name] = raw === true;
    else if (typeof raw === 'string') flags[name] = f.read(name, raw);
  }
  return flags as unknown as RunFlags;
}
