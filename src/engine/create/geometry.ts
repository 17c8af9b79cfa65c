import type { Scenario } from '../../scenario/schema.ts';

/**
 * Where the neighbourhoods are. Jurisdictions sit side by side from west to east, each a grid of its own
 * width and height; cell ids run jurisdiction by jurisdiction, row by row within one.
 */
export interface Geometry {
  jurisdictions: number;
  cells: number;
  /** First cell id of each jurisdiction, plus one past the last. */
  cellBase: Int32Array;
  width: Int32Array;
  height: Int32Array;
  /** Jurisdiction of each cell. */
  cellJur: Uint8Array;
  /** West edge of each jurisdiction, in cells, for drawing the town. */
  xOffset: Int32Array;
}

export function createGeometry(s: Scenario): Geometry {
  const J = s.jurisdictions.length;
  const cellBase = new Int32Array(J + 1);
  const width = new Int32Array(J);
  const height = new Int32Array(J);
  const xOffset = new Int32Array(J);
  for (let j = 0; j < J; j++) {
    width[j] = s.jurisdictions[j].gridWidth;
    height[j] = s.jurisdictions[j].gridHeight;
    cellBase[j + 1] = cellBase[j] + width[j] * height[j];
    if (j > 0) xOffset[j] = xOffset[j - 1] + width[j - 1];
  }
  const cellJur = new Uint8Array(cellBase[J]);
  for (let j = 0; j < J; j++) cellJur.fill(j, cellBase[j], cellBase[j + 1]);
  return { jurisdictions: J, cells: cellBase[J], cellBase, width, height, cellJur, xOffset };
}

/** Cell id of column x, row y of jurisdiction j. */
export function cellId(g: Geometry, j: number, x: number, y: number): number {
  return g.cellBase[j] + y * g.width[j] + x;
}

/** Column and row of a cell within its jurisdiction. */
export function cellXY(g: Geometry, cell: number): { j: number; x: number; y: number } {
  const j = g.cellJur[cell];
  const local = cell - g.cellBase[j];
  return { j, x: local % g.width[j], y: Math.floor(local / g.width[j]) };
}

/**
 * The cell next to `cell` in direction dir (0 east, 1 north, 2 west, 3 south). Stepping east or west off
 * a jurisdiction's grid enters the neighbouring jurisdiction at the matching height; stepping off the
 * edge of the whole town stays put.
 */
export function neighbourCell(g: Geometry, cell: number, dir: number): number {
  const j = g.cellJur[cell];
  const local = cell - g.cellBase[j];
  const w = g.width[j];
  const h = g.height[j];
  const x = local % w;
  const y = (local - x) / w;
  if (dir === 1) return y > 0 ? cell - w : cell;
  if (dir === 3) return y < h - 1 ? cell + w : cell;
  const dx = dir === 0 ? 1 : -1;
  const nx = x + dx;
  if (nx >= 0 && nx < w) return cell + dx;
  const nj = j + dx;
  if (nj < 0 || nj >= g.jurisdictions) return cell;
  const ny = Math.min(g.height[nj] - 1, Math.floor(((y + 0.5) * g.height[nj]) / h));
  return cellId(g, nj, dx > 0 ? 0 : g.width[nj] - 1, ny);
}
