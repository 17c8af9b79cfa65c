import { del, get, set } from 'idb-keyval';
import { z } from 'zod';
import { type ComparedScenario, type ComparisonReport, compareScenarios } from '../../compare/compare.ts';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { resolveScenario } from '../../scenario/index.ts';
import { decodeComparison, encodeComparison, type SharedComparison } from './share-link.ts';

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

/**
 * What IndexedDB holds is outside data (another tab, an older build, a damaged disk): read through a
 * schema. The set-up must pass the comparison link's own checks, every scenario the scenario schema,
 * and the results the shape the views read; the report is worked out again from the results rather than
 * trusted. A record that fails is deleted, so it cannot break Compare on the next load either.
 */
const SavedShape = z.object({
  format: z.literal('trustfall-saved-comparison'),
  engineVersion: z.string(),
  savedAt: z.string(),
  setup: z.unknown(),
  compared: z
    .array(
      z.object({
        scenario: z.unknown(),
        results: z
          .array(
            z.looseObject({
              replicate: z.int().min(0),
              summary: z.looseObject({ jurisdictions: z.array(z.looseObject({ name: z.string(), groups: z.record(z.string(), z.unknown()) })).min(1) }),
              weekly: z.looseObject({ weeks: z.int().min(0) }).optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(2)
    .max(4),
  report: z.looseObject({ cancelled: z.boolean().optional() }).optional(),
});

async function readSaved(): Promise<SavedComparison | undefined> {
  let raw: unknown;
  try {
    raw = await get(KEY);
  } catch {
    return undefined;
  }
  if (raw === undefined) return undefined;
  const checked = checkSaved(raw);
  if (!checked) await del(KEY).catch(() => undefined);
  return checked;
}

/** The record made whole again, or undefined when any part of it is not what this build writes. */
export function checkSaved(raw: unknown): SavedComparison | undefined {
  const r = SavedShape.safeParse(raw);
  if (!r.success || r.data.engineVersion !== ENGINE_VERSION) return undefined;
  try {
    const setup = decodeComparison(encodeComparison(r.data.setup as SharedComparison));
    if (!setup || 'error' in setup) return undefined;
    const compared = r.data.compared.map((c) => ({ scenario: resolveScenario(c.scenario), results: c.results as unknown as ComparedScenario['results'] }));
    const report = compareScenarios(compared, setup.seed, setup.replicates, r.data.report?.cancelled === true);
    return { format: 'trustfall-saved-comparison', engineVersion: ENGINE_VERSION, savedAt: r.data.savedAt, setup, compared, report };
  } catch {
    return undefined;
  }
}

/** The set-up of the kept comparison (what Compare opens with when no link names one). */
export async function lastComparisonSetup(): Promise<SharedComparison | undefined> {
  return (await readSaved())?.setup;
}

/**
 * The kept comparison for this set-up, if there is one made by this engine version (an older engine's
 * numbers would not be what a new run gives); else undefined.
 */
export async function loadComparison(setup: SharedComparison): Promise<SavedComparison | undefined> {
  const saved = await readSaved();
  return saved && sameSetup(saved.setup, setup) ? saved : undefined;
}
