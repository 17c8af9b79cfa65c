import { accessSync, constants, existsSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './args.ts';

/**
 * The largest file the CLI reads: far above any scenario, sweep, target set or shard (a 10,000-run
 * shard is a few megabytes), far below trouble for memory. `/dev/zero`, a FIFO or a directory is
 * refused before reading, since none of them is a regular file.
 */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** An output that could not be written after the run: said plainly, exit code 1, no stack trace. */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** Reads a regular file of at most MAX_INPUT_BYTES as text; anything else is a UsageError naming it. */
export function readInputText(file: string, what: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UsageError(`cannot read ${what} ${file}: not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${what} ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new UsageError(`cannot read ${what} ${file}: ${(size / 1048576).toFixed(0)} MB, more than the ${MAX_INPUT_BYTES / 1048576} MB allowed`);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
}

/** Reads a JSON input file: a UsageError names the file when it cannot be read or parsed. */
export function readInputJson(file: string, what: string): unknown {
  const text = readInputText(file, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A path as the file system knows it (symbolic links followed), or as given when it does not exist yet. */
function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Checks, before any work, that every output can be written and none is an input or another output:
 * its folder exists and is writable, and it is not a folder itself. `outputs` maps the flag to its path.
 */
export function checkOutputs(outputs: Record<string, string | undefined>, inputs: (string | undefined)[]): void {
  const ins = new Map(inputs.filter((f): f is string => !!f).map((f) => [canonical(f), f]));
  const seen = new Map<string, string>();
  for (const [flag, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    if (path.trim() === '') throw new UsageError(`${flag}: the file name is empty`);
    const c = canonical(path);
    if (ins.has(c)) throw new UsageError(`${flag} ${path}: that is an input file (${ins.get(c)}); writing there would overwrite it`);
    if (seen.has(c)) throw new UsageError(`${flag} ${path}: ${seen.get(c)} writes to the same file`);
    seen.set(c, flag);
    if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`${flag} ${path}: that is a folder, not a file`);
    const dir = dirname(resolve(path));
    try {
      accessSync(dir, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        `${flag} ${path}: cannot write there (${code === 'ENOENT' ? `no folder ${dir}` : code === 'EACCES' ? 'permission denied' : (e as Error).message})`,
      );
    }
    if (existsSync(path)) {
      try {
        accessSync(path, constants.W_OK);
      } catch {
        throw new UsageError(`${flag} ${path}: the file exists and cannot be written (permission denied)`);
      }
    }
  }
}

/**
 * Writes a whole output file or nothing: to a temporary file beside it, then renamed over it, so an
 * interrupted or failed write never leaves half a file (or a damaged earlier one).
 */
export function writeOutput(path: string, text: string): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new OutputError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
