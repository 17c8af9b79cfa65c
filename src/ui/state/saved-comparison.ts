import { get, set } from 'idb-keyval';
import type { ComparedScenario, ComparisonReport } from '../../compare/compare.ts';
import { ENGINE_VERSION } from '../../engine/index.ts';
import type { SharedComparison } from './share-link.ts';

/** The last finished comparison, kept in IndexedDB (its weekly series are megabytes: too big for localStorage). */
export interface SavedComparison {
  format: 'trustfall-saved-comparison';
  engineVersion: string;
  savedAt: string;
  setup: SharedComparison;
  compared: ComparedScenario[];
  report: ComparisonReport;
}

const KEY = 'trustfall-last-comparison';

/** Keeps a finished comparison. Storage refused (private mode, quota) costs only the restore after a reload. */
export async function saveComparison(setup: SharedComparison, compared: ComparedScenario[], report: ComparisonReport): Promise<boolean> {
  const saved: SavedComparison = {
    format: 'trustfall-saved-comparison',
    engineVersion: ENGINE_VERSION,
    savedAt: new Date().toISOString(),
    setup,
    compared,
    report,
  };
  try {
    await set(KEY, saved);
    return true;
  } catch {
    return false;
  }
}

/** The two set-ups ask for the same runs (compared as data, so key order and defaults do not matter here). */
function sameSetup(a: SharedComparison, b: SharedComparison): boolean {
  const norm = (s: SharedComparison) => JSON.stringify({ slots: s.slots, replicates: s.replicates, seed: s.seed, survey: s.survey, years: s.years ?? 0 });
  return norm(a) === norm(b);
}

/** The set-up of the kept comparison (what Compare opens with when no link names one). */
export async function lastComparisonSetup(): Promise<SharedComparison | undefined> {
  try {
    const saved = await get<SavedComparison>(KEY);
    return saved?.format === 'trustfall-saved-comparison' && saved.engineVersion === ENGINE_VERSION ? saved.setup : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The kept comparison for this set-up, if there is one made by this engine version (an older engine's
 * numbers would not be what a new run gives); else undefined.
 */
export async function loadComparison(setup: SharedComparison): Promise<SavedComparison | undefined> {
  let saved: SavedComparison | undefined;
  try {
    saved = await get<SavedComparison>(KEY);
  } catch {
    return undefined;
  }
  if (saved?.format !== 'trustfall-saved-comparison' || saved.engineVersion !== ENGINE_VERSION || !sameSetup(saved.setup, setup)) return undefined;
  return saved;
}
