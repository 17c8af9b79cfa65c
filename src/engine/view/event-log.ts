/**
 * A ring buffer of what happened to whom, in typed arrays: the town view draws recent events from it
 * and the resident inspector builds a timeline from it. It records, never decides: the model's results
 * do not depend on it. When full, the oldest events are overwritten.
 */
export const EVENT_KINDS = [
  'victimReported', // other: crime type
  'victimUnreported', // other: crime type
  'caseCleared', // other: crime type
  'caseUnsolved', // other: crime type
  'stopped',
  'questioned',
  'arrested', // booked into jail; other: charge
  'detained', // other: -1
  'removed',
  'released',
  'relativeDetained', // other: the household member held for ICE or detained
  'tieDetained', // other: the tie held for ICE or detained
  'federalArrest',
  'cited', // arrested, then cited and released; other: charge
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EV = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, i])) as Record<EventKind, number>;

export interface EventLog {
  capacity: number;
  /** Events written since the start (the newest is at (written - 1) % capacity). */
  written: number;
  /** Events numbered below this are gone even if the ring has not wrapped (a timeline seek dropped them). */
  oldest: number;
  day: Int32Array;
  kind: Uint8Array;
  resident: Int32Array;
  other: Int32Array;
  /** The resident's trust just after the event. */
  trust: Float32Array;
}

export function createEventLog(capacity: number): EventLog {
  return {
    capacity,
    written: 0,
    oldest: 0,
    day: new Int32Array(capacity),
    kind: new Uint8Array(capacity),
    resident: new Int32Array(capacity),
    other: new Int32Array(capacity),
    trust: new Float32Array(capacity),
  };
}

/** Appends an event, overwriting the oldest when full. */
export function logEvent(log: EventLog, day: number, kind: number, resident: number, other: number, trust: number): void {
  const i = log.written % log.capacity;
  log.day[i] = day;
  log.kind[i] = kind;
  log.resident[i] = resident;
  log.other[i] = other;
  log.trust[i] = trust;
  log.written++;
}

/** Index range still held: events numbered from..written-1 (older ones are overwritten). */
export function heldFrom(log: EventLog, from: number): number {
  return Math.max(from, log.written - log.capacity, log.oldest);
}
