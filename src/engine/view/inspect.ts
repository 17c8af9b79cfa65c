import { CHARGES, CRIME_TYPES, GROUPS, STATUSES, kindGroup, kindIsLatino, kindStatus } from '../codes.ts';
import { cellXY } from '../create/geometry.ts';
import { tieOf, type World } from '../world.ts';
import { EVENT_KINDS, heldFrom, type EventKind } from './event-log.ts';

const CUSTODY = [
  'in the community',
  'in jail',
  'in jail, then to ICE',
  'in immigration detention (to be removed)',
  'in immigration detention (to be released)',
  'removed from the country',
] as const;

export interface TimelineEntry {
  day: number;
  kind: EventKind;
  /** Plain-language description of the event. */
  text: string;
  trust: number;
}

export interface ResidentInfo {
  id: number;
  group: (typeof GROUPS)[number];
  latino: boolean;
  status: (typeof STATUSES)[number];
  jurisdiction: string;
  neighbourhood: { x: number; y: number };
  custody: string;
  trust: number;
  fear: number;
  victimisations: number;
  offender: boolean;
  household: { id: number; members: { id: number; status: (typeof STATUSES)[number]; custody: string }[]; mixedStatus: boolean };
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
    members.push({ id: o, status: STATUSES[kindStatus(res.kind[o])], custody: CUSTODY[res.custody[o]] });
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
    custody: CUSTODY[res.custody[id]],
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
    out.push({ day: log.day[i], kind, text: describe(kind, log.other[i]), trust: log.trust[i] });
  }
  return out;
}

function describe(kind: EventKind, other: number): string {
  const crime = CRIME_TYPES[other] ? spaced(CRIME_TYPES[other]) : 'crime';
  switch (kind) {
    case 'victimReported':
      return `Victim of ${crime}; reported it to police`;
    case 'victimUnreported':
      return `Victim of ${crime}; did not report it`;
    case 'caseCleared':
      return `The ${crime} case was cleared`;
    case 'caseUnsolved':
      return `The ${crime} case went unsolved`;
    case 'stopped':
      return 'Stopped by police on patrol';
    case 'questioned':
      return 'Questioned about immigration status during the stop';
    case 'arrested':
      return `Arrested (${CHARGES[other] ?? 'charge'} charge) and booked into jail`;
    case 'detained':
      return 'Taken into immigration detention';
    case 'removed':
      return 'Removed from the country';
    case 'released':
      return 'Released back home';
    case 'relativeDetained':
      return `A household member (resident ${other}) was taken into immigration detention`;
    case 'tieDetained':
      return `A friend or relative (resident ${other}) was taken into immigration detention`;
    case 'federalArrest':
      return 'Arrested by ICE at large';
  }
}

function spaced(camel: string): string {
  return camel
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .replace('burglary theft', 'burglary or theft');
}
