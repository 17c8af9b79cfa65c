import { restoreStreams, type StreamName, type StreamState, streamStates } from '../rng.ts';
import type { World } from '../world.ts';

/**
 * A compact copy of what changes in a world as it runs, enough to take it back to that day exactly: the
 * residents' changing attributes (attitudes, custody, counts), the neighbourhoods', officers', offenders'
 * and jurisdictions' state, the day's event lists, the metrics of the week and periods under way, where
 * every random stream stands, and how far the event log had got. What never changes after set-up (who
 * lives where, households, ties, the geometry, the parameters) is not copied: a test runs a world to the
 * end and checks those arrays are as they were built. About 30 bytes per resident.
 */
export interface Snapshot {
  day: number;
  values: (ArrayBufferView | number | boolean)[];
  rng: Record<StreamName, StreamState>;
  weeksDone: number;
  eventsWritten: number;
  bytes: number;
}

type Part = 'residents' | 'cells' | 'officers' | 'offenders' | 'jurisdictions';
/** The parts of the world whose fields are copied, and the fields of each that are fixed at set-up. */
export const FIXED_AFTER_SET_UP: Record<Part, readonly string[]> = {
  residents: ['count', 'kind', 'jur', 'cell', 'household', 'age', 'householdNext', 'ties', 'tiesPer', 'kinTies', 'exposure'],
  cells: ['start', 'count', 'latinoCount'],
  officers: ['count', 'jur', 'deputised'],
  offenders: ['count', 'jur'],
  jurisdictions: ['resStart', 'resCount', 'latinoResidents', 'undocumented', 'undocumentedStart'],
};
const PARTS = Object.keys(FIXED_AFTER_SET_UP) as Part[];

/** Visits, in a fixed order, every changing field of the world: (holder, key) pairs for typed arrays and scalars. */
function visit(w: World, fn: (holder: Record<string, unknown>, key: string) => void): void {
  const walk = (obj: Record<string, unknown>, fixed: readonly string[]) => {
    for (const key of Object.keys(obj)) {
      if (fixed.includes(key)) continue;
      const v = obj[key];
      if (ArrayBuffer.isView(v) || typeof v === 'number' || typeof v === 'boolean') fn(obj, key);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, []);
    }
  };
  for (const part of PARTS) walk(w[part] as unknown as Record<string, unknown>, FIXED_AFTER_SET_UP[part]);
  fn(w as unknown as Record<string, unknown>, 'eventHead');
  const m = w.metrics as unknown as Record<string, unknown>;
  for (const key of ['week', 'period', 'currentPeriod']) fn(m, key);
}

function copyOf(v: ArrayBufferView): ArrayBufferView {
  return (v as unknown as { slice(): ArrayBufferView }).slice();
}

export function takeSnapshot(w: World): Snapshot {
  const values: Snapshot['values'] = [];
  let bytes = 0;
  visit(w, (holder, key) => {
    const v = holder[key] as ArrayBufferView | number | boolean;
    if (ArrayBuffer.isView(v)) {
      values.push(copyOf(v));
      bytes += v.byteLength;
    } else values.push(v);
  });
  return { day: w.day, values, rng: streamStates(w.rng), weeksDone: w.metrics.weeksDone, eventsWritten: w.events.written, bytes };
}

/**
 * Takes the world back (or forward) to the snapshot's day. Stepping on from there gives exactly the run
 * that never went back. The finished weeks after it are left in place and written again as the run
 * passes them; events logged after it are dropped from what the log holds.
 */
export function restoreSnapshot(w: World, s: Snapshot): void {
  let i = 0;
  visit(w, (holder, key) => {
    const v = s.values[i++];
    if (ArrayBuffer.isView(v)) (holder[key] as unknown as { set(a: ArrayBufferView): void }).set(v);
    else holder[key] = v;
  });
  w.day = s.day;
  w.rng = restoreStreams(s.rng);
  w.metrics.weeksDone = s.weeksDone;
  const log = w.events;
  // Events before the ring's oldest are gone for good; those from the snapshot on will be logged again.
  log.oldest = Math.max(log.oldest, log.written - log.capacity);
  log.written = s.eventsWritten;
  log.oldest = Math.min(log.oldest, log.written);
}
