import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTY_FILE, CountyFile } from '../counties/record.ts';
import { UsageError } from './args.ts';
import { repositoryRoot } from './commands/info.ts';
import { checkOutputs } from './files.ts';

/** The derived county file, for a command whose --out may not be it (checked before anything runs). */
export function readCountyFile(out: string | undefined): CountyFile {
  const path = join(repositoryRoot(), COUNTY_FILE);
  checkOutputs({ '--out': out }, [path]);
  return CountyFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Runs `f`; an error of one of the given kinds is the user's (a name, a date, a state): said plainly, exit code 2. */
export function asUsage<T>(f: () => T, ...kinds: (abstract new (...args: never[]) => Error)[]): T {
  try {
    return f();
  } catch (e) {
    if (kinds.some((k) => e instanceof k)) throw new UsageError((e as Error).message);
    throw e;
  }
}
