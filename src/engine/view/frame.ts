import type { World } from '../world.ts';
import { heldFrom } from './event-log.ts';

/** What the town view needs once per run: where everyone lives and who they are. */
export interface Layout {
  residents: number;
  /** Per resident: cell id, kind (codes.ts), household id. */
  cell: Int32Array;
  kind: Uint8Array;
  household: Int32Array;
  jurisdictions: { name: string; model: string; sanctuary: boolean; trustBuilding: boolean; x0: number; width: number; height: number; cellBase: number }[];
  officers: number;
}

/** What changes between draws: attitudes, custody, officers' beats and the events since the last frame. */
export interface Frame {
  day: number;
  trust: Float32Array;
  custody: Uint8Array;
  officerCell: Int32Array;
  /** Events since the previous frame (at most MAX_FRAME_EVENTS, the newest). */
  eventDay: Int32Array;
  eventKind: Uint8Array;
  eventResident: Int32Array;
  /** Pass back as `since` to get only newer events next time. */
  eventCursor: number;
}

const MAX_FRAME_EVENTS = 4000;

export function layout(w: World): Layout {
  const g = w.geometry;
  return {
    residents: w.residents.count,
    cell: w.residents.cell.slice(),
    kind: w.residents.kind.slice(),
    household: w.residents.household.slice(),
    jurisdictions: w.scenario.jurisdictions.map((j, i) => ({
      name: j.name,
      model: j.policy.model,
      sanctuary: j.policy.sanctuary,
      trustBuilding: j.policy.trustBuilding,
      x0: g.xOffset[i],
      width: g.width[i],
      height: g.height[i],
      cellBase: g.cellBase[i],
    })),
    officers: w.officers.count,
  };
}

/** Copies of the changing state (safe to transfer to another thread) and the events since `since`. */
export function frame(w: World, since: number): Frame {
  const log = w.events;
  const from = Math.max(heldFrom(log, since), log.written - MAX_FRAME_EVENTS);
  const n = Math.max(0, log.written - from);
  const eventDay = new Int32Array(n);
  const eventKind = new Uint8Array(n);
  const eventResident = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = (from + k) % log.capacity;
    eventDay[k] = log.day[i];
    eventKind[k] = log.kind[i];
    eventResident[k] = log.resident[i];
  }
  return {
    day: w.day,
    trust: w.residents.trust.slice(),
    custody: w.residents.custody.slice(),
    officerCell: w.officers.cell.slice(),
    eventDay,
    eventKind,
    eventResident,
    eventCursor: log.written,
  };
}

/** The buffers of a frame, for postMessage's transfer list. */
export function frameTransferables(f: Frame): ArrayBuffer[] {
  return [f.trust, f.custody, f.officerCell, f.eventDay, f.eventKind, f.eventResident].map((a) => a.buffer as ArrayBuffer);
}
