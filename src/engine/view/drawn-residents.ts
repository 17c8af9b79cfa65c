import type { World } from '../world.ts';
import type { ViewMeasure } from './cell-view.ts';
import { residentValue } from './resident-value.ts';

/**
 * A county too large to draw resident by resident is drawn by neighbourhood, except where the view is
 * zoomed in: there the page asks for the residents of the neighbourhoods in view, a window. This is the
 * window's layout (residents of a neighbourhood have consecutive ids, so the window is a few id ranges;
 * `ids` lists them in order) and, in every frame after, those residents' trust and custody.
 */
export interface WindowLayout {
  /** Numbers the window, so a frame is matched to the layout it was cut for (0: no window). */
  version: number;
  /** The drawn residents' ids, ascending. */
  ids: Int32Array;
  cell: Int32Array;
  kind: Uint8Array;
  household: Int32Array;
}

/** The layout of the residents of `cells` (sorted, duplicates dropped), or how many there would be when over `limit`. */
export function windowLayout(w: World, cells: readonly number[], limit: number, version: number): WindowLayout | { tooMany: number } {
  const wanted = [...new Set(cells)].filter((c) => c >= 0 && c < w.cells.count.length).sort((a, b) => a - b);
  const total = wanted.reduce((a, c) => a + w.cells.count[c], 0);
  if (total > limit) return { tooMany: total };
  const ids = new Int32Array(total);
  let k = 0;
  for (const c of wanted) for (let r = w.cells.start[c], end = r + w.cells.count[c]; r < end; r++) ids[k++] = r;
  const res = w.residents;
  return {
    version,
    ids,
    cell: ids.map((r) => res.cell[r]),
    kind: Uint8Array.from(ids, (r) => res.kind[r]),
    household: ids.map((r) => res.household[r]),
  };
}

/** The window's residents' value of a measure and custody now (copies, safe to transfer). */
export function windowState(w: World, ids: Int32Array, measure: ViewMeasure): { value: Float32Array; custody: Uint8Array } {
  const value = new Float32Array(ids.length);
  const custody = new Uint8Array(ids.length);
  const colourValue = residentValue(w, measure);
  for (let k = 0; k < ids.length; k++) {
    value[k] = colourValue(ids[k]);
    custody[k] = w.residents.custody[ids[k]];
  }
  return { value, custody };
}
