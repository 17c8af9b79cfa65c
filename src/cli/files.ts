import { accessSync, constants, lstatSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * Every file this command has read (as the file system knows it): scenario, sweep, targets, --params
 * file, state, shards. checkOutputs refuses an output onto any of them, whichever flag named it.
 */
const inputsRead = new Map<string, string>();

/** Reads a regular file of at most MAX_INPUT_BYTES as text; anything else is a UsageError naming it. */
export function readInputText(file: string, what: string): string {
  inputsRead.set(canonical(file), `${what} ${file}`);
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${file}: ${(e as Error).message}`);
  }
  return decodeUtf8(bytes, `${what} ${file}`);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Text of a file as UTF-8: a byte-order mark (as some Windows editors save) is dropped; bytes that are
 * not UTF-8 are refused, naming where, rather than silently replaced by U+FFFD.
 */
function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = firstBadUtf8Byte(bytes);
    const where = at < 0 ? '' : `: byte ${at + 1} (line ${bytes.subarray(0, at).toString('latin1').split('\n').length}) is not a valid UTF-8 sequence`;
    throw new UsageError(`${what} is not UTF-8 text${where}; save the file as UTF-8`);
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
function firstBadUtf8Byte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (n === 0 || i + n >= b.length) return i;
    const second = b[i + 1];
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (second < lo || second > hi) return i;
    for (let k = 2; k <= n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
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
 * a new path or an existing regular file (never a device, a FIFO, a symbolic link or a folder), in a
 * writable folder, and not any file this command has read or names as an input. `outputs` maps the
 * flag to its path. Every command calls it after reading its inputs and before running anything.
 */
export function checkOutputs(outputs: Record<string, string | undefined>, inputs: (string | undefined)[]): void {
  const ins = new Map(inputsRead);
  for (const f of inputs) if (f) ins.set(canonical(f), f);
  const seen = new Map<string, string>();
  for (const [flag, path] of Object.entries(outputs)) {
    if (path === undefined) continue;
    if (path.trim() === '') throw new UsageError(`${flag}: the file name is empty`);
    if (/[/\\]$/.test(path)) throw new UsageError(`${flag} ${path}: ends with a slash, so it names a folder; give a file name`);
    const c = canonical(path);
    if (ins.has(c)) throw new UsageError(`${flag} ${path}: that is an input file (${ins.get(c)}); writing there would overwrite it`);
    if (seen.has(c)) throw new UsageError(`${flag} ${path}: ${seen.get(c)} writes to the same file`);
    seen.set(c, flag);
    const kind = existingKind(path);
    if (kind === 'folder') throw new UsageError(`${flag} ${path}: that is a folder, not a file`);
    if (kind === 'link') throw new UsageError(`${flag} ${path}: that is a symbolic link; give the file it points to (${c}) or a new name`);
    if (kind === 'special') throw new UsageError(`${flag} ${path}: that is not a regular file (a device, a pipe or a socket); give a file name`);
    const dir = dirname(resolve(path));
    try {
      accessSync(dir, constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UsageError(
        `${flag} ${path}: cannot write there (${code === 'ENOENT' ? `no folder ${dir}` : code === 'EACCES' ? 'permission denied' : (e as Error).message})`,
      );
    }
    if (kind === 'file') {
      try {
        accessSync(path, constants.W_OK);
      } catch {
        throw new UsageError(`${flag} ${path}: the file exists and cannot be written (permission denied)`);
      }
    }
  }
}

/** What is at a path now, without following a symbolic link. */
function existingKind(path: string): 'none' | 'file' | 'folder' | 'link' | 'special' {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(path);
  } catch {
    return 'none';
  }
  if (st.isSymbolicLink()) return 'link';
  if (st.isDirectory()) return 'folder';
  return st.isFile() ? 'file' : 'special';
}

/**
 * Writes a whole output file or nothing: to a temporary file beside it, then renamed over it, so an
 * interrupted or failed write never leaves half a file (or a damaged earlier one). If that fails after
 * the work is done (a full disk, a folder removed or made read-only during the run), the text goes to a
 * recovery file in the system's temporary folder (or the working folder) and the error names it.
 */
export function writeOutput(path: string, text: string): void {
  const tmp = join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const saved = recover(path, text);
    throw new OutputError(
      `cannot write ${path}: ${(e as Error).message}; ${saved ? `the results are saved in ${saved}` : 'no recovery file could be written either'}`,
    );
  }
}

/** Writes text that could not go to its path to a new file in the temporary or working folder; its path, or undefined. */
function recover(path: string, text: string): string | undefined {
  const name = `trustfall-recovered-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${basename(path) || 'output'}`;
  for (const dir of [tmpdir(), process.cwd()]) {
    const file = join(dir, name);
    try {
      writeFileSync(file, text, { flag: 'wx' });
      return file;
    } catch (e) {
      // A partial file of ours goes; a file of that name someone else made stays.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(file, { force: true });
    }
  }
  return undefined;
}
