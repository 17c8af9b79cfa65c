import LZString from 'lz-string';
import { decompressBounded, InflateLimitError } from './bounded-lz.ts';
import { firstProblem, SharedComparisonPayload, SharedRunPayload } from '../../scenario/boundaries.ts';

// lz-string is a CommonJS package: its default export works in Node and in the bundle alike.
const { compressToEncodedURIComponent } = LZString;

/** What a shared link holds: the scenario as the user wrote it, and the seed. */
export interface SharedRun {
  scenario: Record<string, unknown>;
  seed: number;
}

const PREFIX = '#run=';

/** A value for a message: short, and never markup (the page shows it as text). */
function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
/** Links longer than this are refused when read, so a pasted blob cannot stall the page. */
const MAX_LENGTH = 200_000;
/**
 * The most characters a link may inflate to: far above any real run or comparison (four scenarios of
 * eight counties with long descriptions come to about 60,000), far below trouble for memory.
 */
export const MAX_INFLATED = 1_000_000;

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
    text = decompressBounded(body, MAX_INFLATED);
  } catch (e) {
    if (e instanceof InflateLimitError) return { error: 'the link holds far more than a Trustfall run (it inflates past a million characters)' };
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
  const v = (raw as Record<string, unknown>).v;
  if (v !== 1) return { error: `the link was made by a different version of Trustfall (format ${show(v)})` };
  const r = SharedRunPayload.safeParse(raw);
  if (!r.success) {
    const field = r.error.issues[0].path[0];
    if (field === 's') return { error: 'the link holds no scenario' };
    if (field === 'seed') return { error: `the link holds no valid seed (${firstProblem(r.error)})` };
    return { error: `the link does not hold a valid run (${firstProblem(r.error)})` };
  }
  return { scenario: r.data.s, seed: r.data.seed };
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
    raw = JSON.parse(decompressBounded(body, MAX_INFLATED) ?? '');
  } catch {
    return { error: 'the comparison link is damaged; it may have been cut short when copied' };
  }
  const r = SharedComparisonPayload.safeParse(raw);
  if (!r.success) return { error: `the link does not hold a comparison of 2 to 4 scenarios with valid settings (${firstProblem(r.error)})` };
  const { slots, replicates, seed, survey, years } = r.data;
  return { slots, replicates, seed, survey, years: years ?? 0 };
}
