import { GROUPS, STATUSES, kindGroup, kindIsLatino, kindStatus } from '../../vocabulary/codes.ts';
import { cellXY } from '../create/geometry.ts';
import { tieOf, type World } from '../world.ts';
import { EVENT_KINDS, heldFrom, type EventKind } from './event-log.ts';

/** One event in a resident's life, as data: the page puts it into words in its language. */
export interface TimelineEntry {
  day: number;
  kind: EventKind;
  /** The event's detail: the crime type or charge (a code), or the other resident involved. */
  other: number;
  trust: number;
}

export interface ResidentInfo {
  id: number;
  group: (typeof GROUPS)[number];
  latino: boolean;
  status: (typeof STATUSES)[number];
  jurisdiction: string;
  neighbourhood: { x: number; y: number };
  /** Custody state code (codes.ts: FREE, IN_JAIL, …). */
  custody: number;
  trust: number;
  fear: number;
  victimisations: number;
  offender: boolean;
  household: { id: number; members: { id: number; status: (typeof STATUSES)[number]; custody: number }[]; mixedStatus: boolean };
  ties: number[];
  /** What happened to this resident, oldest first, with their trust just after. */
  timeline: TimelineEntry[];
}

/** Everything the inspector shows about one resident. */
export function inspectResident(w: World, id: number): ResidentInfo {
  const res = w.residents;
  if (!Number.isInteger(id) || id < 0 || id >= res.count) throw new RangeError(`no resident ${id}`);
  const k = res.kind[id];
  const h = res.household[id];
  const start = w.households.start[h];
  const members = [];
  let mixed = false;
  for (let o = start; o < start + w.households.size[h]; o++) {
    members.push({ id: o, status: STATUSES[kindStatus(res.kind[o])], custody: res.custody[o] });
    if (kindStatus(res.kind[o]) === 3) mixed = true;
  }
  const xy = cellXY(w.geometry, res.cell[id]);
  return {
    id,
    group: GROUPS[kindGroup(k)],
    latino: kindIsLatino(k),
    status: STATUSES[kindStatus(k)],
    jurisdiction: w.scenario.jurisdictions[res.jur[id]].name,
    neighbourhood: { x: xy.x, y: xy.y },
    custody: res.custody[id],
    trust: res.trust[id],
    fear: res.fear[id],
    victimisations: res.victimisations[id],
    offender: res.offenderSlot[id] >= 0,
    household: { id: h, members, mixedStatus: mixed && members.some((m) => m.status !== 'undocumented') },
    ties: Array.from({ length: res.tiesPer }, (_, k) => tieOf(res, id, k)),
    timeline: timeline(w, id),
  };
}

function timeline(w: World, id: number): TimelineEntry[] {
  const log = w.events;
  const out: TimelineEntry[] = [];
  for (let n = heldFrom(log, 0); n < log.written; n++) {
    const i = n % log.capacity;
    if (log.resident[i] !== id || log.day[i] < 0) continue;
    const kind = EVENT_KINDS[log.kind[i]];
    out.push({ day: log.day[i], kind, other: log.other[i], trust: log.trust[i] });
  }
  return out;
}
