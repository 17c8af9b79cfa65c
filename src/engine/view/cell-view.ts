import { GONE, type World } from '../world.ts';
import { changeSinceActivation } from './resident-value.ts';

/**
 * What the heat map can show per neighbourhood, in this order in a frame's `cells` array (cell by cell):
 * mean trust, mean change in trust since the activation day (0 before it), mean fear, the offenders'
 * running estimate of the chance a crime here is reported, and residents present (not removed).
 */
export const CELL_MEASURES = ['trust', 'trustChange', 'fear', 'reporting', 'residents'] as const;
export type CellMeasure = (typeof CELL_MEASURES)[number];
/** What the town view can colour residents and neighbourhoods by. */
export const VIEW_MEASURES = ['trust', 'trustChange', 'fear', 'reporting'] as const;
export type ViewMeasure = (typeof VIEW_MEASURES)[number];
const M = CELL_MEASURES.length;

/** Per-neighbourhood means of the residents still in the country (one pass over residents). */
export function cellView(w: World): Float32Array {
  const res = w.residents;
  const cells = w.cells.count.length;
  const out = new Float32Array(cells * M);
  const active = changeSinceActivation(w);
  for (let r = 0; r < res.count; r++) {
    if (res.jurKind[r] === GONE) continue;
    const o = res.cell[r] * M;
    out[o] += res.trust[r];
    if (active) out[o + 1] += res.trust[r] - res.trustAtActivation[r];
    out[o + 2] += res.fear[r];
    out[o + 4] += 1;
  }
  for (let c = 0; c < cells; c++) {
    const o = c * M;
    const n = out[o + 4];
    if (n > 0) {
      out[o] /= n;
      out[o + 1] /= n;
      out[o + 2] /= n;
    }
    // The estimate is kept per ethnicity: mix it by the neighbourhood's Latino share.
    const total = w.cells.count[c];
    const latino = total > 0 ? w.cells.latinoCount[c] / total : 0;
    out[o + 3] = (1 - latino) * w.cells.perceived[c * 2] + latino * w.cells.perceived[c * 2 + 1];
  }
  return out;
}
