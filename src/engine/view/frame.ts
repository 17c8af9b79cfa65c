import type { World } from '../world.ts';
import { cellView, type ViewMeasure } from './cell-view.ts';
import { residentValue } from './resident-value.ts';
import { heldFrom } from './event-log.ts';
import { windowState } from './drawn-residents.ts';

/**
 * Towns up to this many residents are drawn resident by resident; beyond it (a county at real scale),
 * layouts and frames carry no per-resident arrays and the town view shows neighbourhoods as a heat map:
 * a frame then costs the page and the renderer a few numbers per neighbourhood, not per resident.
 */
export const RESIDENT_DRAW_LIMIT = 250_000;

/** What the town view needs once per run: where everyone lives and who they are. */
export interface Layout {
  residents: number;
  /** False beyond RESIDENT_DRAW_LIMIT: the per-resident arrays below (and in frames) are then empty. */
  drawsResidents: boolean;
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
  /**
   * Per resident drawn (everyone in a town, the residents of the window in view in a county, see
   * drawn-residents.ts; empty with no window): the value of `measure` the view colours them by, and custody.
   */
  value: Float32Array;
  measure: ViewMeasure;
  custody: Uint8Array;
  /** The window these arrays are for (0: the whole town, or no window). */
  window: number;
  /** Per neighbourhood, the CELL_MEASURES one after another (cell-view.ts): what the heat map shows. */
  cells: Float32Array;
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
  const draws = w.residents.count <= RESIDENT_DRAW_LIMIT;
  return {
    residents: w.residents.count,
    drawsResidents: draws,
    cell: draws ? w.residents.cell.slice() : new Int32Array(0),
    kind: draws ? w.residents.kind.slice() : new Uint8Array(0),
    household: draws ? w.residents.household.slice() : new Int32Array(0),
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

/**
 * Copies of the changing state (safe to transfer to another thread) and the events since `since`; in a
 * county, the residents of the window `drawn` (ids from drawn-residents.ts) instead of everyone.
 */
export function frame(w: World, since: number, drawn?: { version: number; ids: Int32Array }, measure: ViewMeasure = 'trust'): Frame {
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
  const draws = w.residents.count <= RESIDENT_DRAW_LIMIT;
  const part = !draws && drawn ? windowState(w, drawn.ids, measure) : undefined;
  return {
    day: w.day,
    value: draws ? allValues(w, measure) : (part?.value ?? new Float32Array(0)),
    measure,
    custody: draws ? w.residents.custody.slice() : (part?.custody ?? new Uint8Array(0)),
    window: part ? drawn!.version : 0,
    cells: cellView(w),
    officerCell: w.officers.cell.slice(),
    eventDay,
    eventKind,
    eventResident,
    eventCursor: log.written,
  };
}

function allValues(w: World, measure: ViewMeasure): Float32Array {
  if (measure === 'trust') return w.residents.trust.slice();
  const colourValue = residentValue(w, measure);
  const out = new Float32Array(w.residents.count);
  for (let r = 0; r < out.length; r++) out[r] = colourValue(r);
  return out;
}

/** The buffers of a frame, for postMessage's transfer list. */
export function frameTransferables(f: Frame): ArrayBuffer[] {
  return [f.value, f.custody, f.cells, f.officerCell, f.eventDay, f.eventKind, f.eventResident].map((a) => a.buffer as ArrayBuffer);
}
