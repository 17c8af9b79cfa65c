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
}

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
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        seed: { type: 'string' },
        replicates: { type: 'string' },
        years: { type: 'string' },
        json: { type: 'boolean', default: false },
        csv: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
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
    },
  };
}

function numberFlag(name: string, raw: string | boolean | undefined): number | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name}: ${JSON.stringify(raw)} is not a number`);
  return n;
}
