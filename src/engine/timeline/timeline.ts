import { stepDays } from '../pipeline.ts';
import type { World } from '../world.ts';
import { restoreSnapshot, type Snapshot, takeSnapshot } from './snapshot.ts';

/**
 * The days of a run already simulated, kept so that any of them can be seen again: a snapshot every
 * `every` days from day 0, and stepping forward from the nearest one before the day asked for. Runs are
 * deterministic, so every snapshot stays valid whatever is revisited, and playing on from a revisited
 * day is exactly the run that never went back. Memory is bounded: past the budget, every other snapshot
 * is dropped and the spacing doubles (a seek then steps further, never more than the spacing).
 */
export interface Timeline {
  every: number;
  budgetBytes: number;
  /** By day, ascending. */
  snapshots: Snapshot[];
  bytes: number;
  /** The furthest day reached. */
  furthest: number;
}

/** 64 MB: two dozen snapshots of a 100,000-resident town. */
const DEFAULT_SNAPSHOT_BUDGET = 64 * 1024 * 1024;

export function createTimeline(budgetBytes = DEFAULT_SNAPSHOT_BUDGET, every = 28): Timeline {
  return { every, budgetBytes, snapshots: [], bytes: 0, furthest: 0 };
}

/** Advances `days` days (to the end at most), taking the snapshots due on the way. */
export function advanceRecording(tl: Timeline, w: World, days: number): void {
  const until = Math.min(w.params.days, w.day + days);
  record(tl, w);
  while (w.day < until) {
    const nextSnapshot = w.day < 0 ? 0 : (Math.floor(w.day / tl.every) + 1) * tl.every;
    stepDays(w, Math.min(until, nextSnapshot) - w.day);
    record(tl, w);
  }
  tl.furthest = Math.max(tl.furthest, w.day);
}

/**
 * Takes the world to `day` (from 0 to the furthest day reached, or on to later days by running them):
 * back to the nearest snapshot at or before it, then forward.
 */
export function seekDay(tl: Timeline, w: World, day: number): void {
  const target = Math.max(0, Math.min(day, w.params.days));
  let from: Snapshot | undefined;
  for (const s of tl.snapshots) if (s.day <= target) from = s;
  // Stepping on from where the world stands is as good when it is between that snapshot and the day.
  if (from && !(w.day >= from.day && w.day <= target)) restoreSnapshot(w, from);
  if (w.day > target) throw new Error(`no snapshot at or before day ${target}`);
  advanceRecording(tl, w, target - w.day);
}

/** Snapshot memory, for the page to show. */
export function timelineMemory(tl: Timeline): { snapshots: number; bytes: number; every: number } {
  return { snapshots: tl.snapshots.length, bytes: tl.bytes, every: tl.every };
}

function record(tl: Timeline, w: World): void {
  if (w.day < 0 || w.day % tl.every !== 0) return;
  const at = tl.snapshots.findIndex((s) => s.day >= w.day);
  if (at >= 0 && tl.snapshots[at].day === w.day) return;
  const s = takeSnapshot(w);
  if (at < 0) tl.snapshots.push(s);
  else tl.snapshots.splice(at, 0, s);
  tl.bytes += s.bytes;
  while (tl.bytes > tl.budgetBytes && tl.snapshots.length > 1) thin(tl);
}

/** Keeps the snapshots on the doubled spacing (day 0 always) and drops the rest. */
function thin(tl: Timeline): void {
  tl.every *= 2;
  const kept = tl.snapshots.filter((s) => s.day % tl.every === 0);
  tl.snapshots = kept;
  tl.bytes = kept.reduce((a, s) => a + s.bytes, 0);
}
