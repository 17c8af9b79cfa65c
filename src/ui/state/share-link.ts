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

/** A comparison as a link holds it: which scenarios, and how many replicates of how long a run. */
export interface SharedComparison {
  /** Each slot: a preset by id, or a scenario written out. */
  slots: ({ preset: string } | { scenario: Record<string, unknown> })[];
  replicates: number;
  seed: number;
  /** Households in the simulated survey (0: none). */
  survey: number;
  /** Simulated years for every scenario (0 or absent: each scenario's own). */
  years?: number;
}

const COMPARE_PREFIX = '#compare=';

export function encodeComparison(c: SharedComparison): string {
  return COMPARE_PREFIX + compressToEncodedURIComponent(JSON.stringify({ v: 1, ...c }));
}

/** Reads a comparison from a URL hash: null when there is none, an error message when it is damaged. */
export function decodeComparison(hash: string): SharedComparison | { error: string } | null {
  if (!hash.startsWith(COMPARE_PREFIX)) return null;
  const body = hash.slice(COMPARE_PREFIX.length);
  if (body.length > MAX_LENGTH) return { error: 'the link is too long to be a Trustfall comparison' };
  let raw: unknown;
  try {
    raw = JSON.parse(decompressFromEncodedURIComponent(body) ?? '');
  } catch {
    return { error: 'the comparison link is damaged; it may have been cut short when copied' };
  }
  const c = raw as Partial<SharedComparison> & { v?: unknown };
  if (!c || c.v !== 1 || !Array.isArray(c.slots) || c.slots.length < 2 || c.slots.length > 4) return { error: 'the link does not hold a comparison of 2 to 4 scenarios' };
  const slotOk = (s: unknown) => !!s && typeof s === 'object' && (typeof (s as { preset?: unknown }).preset === 'string' || (typeof (s as { scenario?: unknown }).scenario === 'object' && (s as { scenario?: unknown }).scenario !== null));
  if (!c.slots.every(slotOk)) return { error: 'the comparison link names a scenario it does not hold' };
  const int = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  const years = c.years ?? 0;
  if (!int(c.replicates, 1, 200) || !int(c.seed, 0, 2 ** 31 - 1) || !int(c.survey, 0, 100_000) || typeof years !== 'number' || !(years >= 0 && years <= 50)) {
    return { error: 'the comparison link holds settings out of range' };
  }
  return { slots: c.slots, replicates: c.replicates!, seed: c.seed!, survey: c.survey!, years };
}
