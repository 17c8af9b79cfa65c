import LZString from 'lz-string';

// lz-string is a CommonJS package: its default export works in Node and in the bundle alike.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

/** What a shared link holds: the scenario as the user wrote it, and the seed. */
export interface SharedRun {
  scenario: Record<string, unknown>;
  seed: number;
}

const PREFIX = '#run=';
/** Links longer than this are refused when read, so a pasted blob cannot stall the page. */
const MAX_LENGTH = 200_000;

/** The URL hash for a run: lz-string-compressed JSON, safe in a URL. */
export function encodeRun(run: SharedRun): string {
  return PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, s: run.scenario, seed: run.seed }));
}

/**
 * Reads a run from a URL hash. Returns null when the hash holds no run, or an error message when it
 * holds one that cannot be read (truncated, tampered, wrong shape). Never evaluates anything: the
 * result is plain data that still goes through the scenario schema before use.
 */
export function decodeRun(hash: string): SharedRun | { error: string } | null {
  if (!hash.startsWith(PREFIX)) return null;
  const body = hash.slice(PREFIX.length);
  if (body.length > MAX_LENGTH) return { error: 'the link is too long to be a Trustfall run' };
  let text: string | null = null;
  try {
    text = decompressFromEncodedURIComponent(body);
  } catch {
    text = null;
  }
  if (!text) return { error: 'the link is damaged (it could not be decompressed); it may have been cut short when copied' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'the link is damaged (its contents are not valid JSON)' };
  }
  if (!raw || typeof raw !== 'object') return { error: 'the link does not hold a Trustfall run' };
  const { v, s, seed } = raw as Record<string, unknown>;
  if (v !== 1) return { error: `the link was made by a different version of Trustfall (format ${JSON.stringify(v)})` };
  if (!s || typeof s !== 'object' || Array.isArray(s)) return { error: 'the link holds no scenario' };
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) return { error: 'the link holds no valid seed' };
  return { scenario: s as Record<string, unknown>, seed };
}
