import type { Layout } from '../engine/index.ts';

/** Side of a neighbourhood cell in world units. */
export const CELL = 100;
/** Gap between jurisdictions, in world units, so the border reads as a line. */
export const BORDER_GAP = 12;

/** Where every resident and every cell sits in the town's world coordinates. */
export interface TownPositions {
  x: Float32Array;
  y: Float32Array;
  /** First resident of each cell (residents of a cell have consecutive ids), plus one past the end. */
  cellStart: Int32Array;
  /** Top-left corner of each cell. */
  cellX: Float32Array;
  cellY: Float32Array;
  width: number;
  height: number;
  /** Size to draw one resident at, in world units (smaller when neighbourhoods are crowded). */
  dot: number;
}

/**
 * Lays residents out household by household: households on a grid inside their neighbourhood, members
 * in a small cluster around their household's spot. Deterministic, so the same run looks the same.
 */
export function layoutTown(l: Layout): TownPositions {
  const cells = l.jurisdictions.reduce((a, j) => a + j.width * j.height, 0);
  const cellX = new Float32Array(cells);
  const cellY = new Float32Array(cells);
  let height = 0;
  let width = 0;
  l.jurisdictions.forEach((j, i) => {
    const x0 = j.x0 * CELL + i * BORDER_GAP;
    for (let c = 0; c < j.width * j.height; c++) {
      cellX[j.cellBase + c] = x0 + (c % j.width) * CELL;
      cellY[j.cellBase + c] = Math.floor(c / j.width) * CELL;
    }
    width = Math.max(width, x0 + j.width * CELL);
    height = Math.max(height, j.height * CELL);
  });
  // Residents drawn: none at county scale (the layout then carries no per-resident arrays).
  const drawn = l.cell.length;
  const cellStart = new Int32Array(cells + 1);
  for (let r = 0, c = 0; c <= cells; c++) {
    while (r < drawn && l.cell[r] < c) r++;
    cellStart[c] = r;
  }
  const x = new Float32Array(drawn);
  const y = new Float32Array(drawn);
  let maxHouseholds = 1;
  for (let c = 0; c < cells; c++) {
    const a = cellStart[c];
    const b = cellStart[c + 1];
    if (b <= a) continue;
    const households = l.household[b - 1] - l.household[a] + 1;
    maxHouseholds = Math.max(maxHouseholds, households);
    const side = Math.ceil(Math.sqrt(households));
    const pitch = (CELL * 0.9) / side;
    for (let r = a; r < b; r++) {
      const h = l.household[r] - l.household[a];
      const member = r - firstOfHousehold(l, r, a);
      const angle = member * 2.399963; // golden angle: members spread evenly round the spot
      const spread = member === 0 ? 0 : pitch * 0.17 * Math.sqrt(member);
      x[r] = cellX[c] + CELL * 0.05 + ((h % side) + 0.5) * pitch + Math.cos(angle) * spread;
      y[r] = cellY[c] + CELL * 0.05 + (Math.floor(h / side) + 0.5) * pitch + Math.sin(angle) * spread;
    }
  }
  // Members of a household overlap into one blob about half the spacing between households.
  const dot = Math.min(8, Math.max(1, ((CELL * 0.9) / Math.ceil(Math.sqrt(maxHouseholds))) * 0.42));
  return { x, y, cellStart, cellX, cellY, width, height, dot };
}

function firstOfHousehold(l: Layout, r: number, cellFirst: number): number {
  let f = r;
  while (f > cellFirst && l.household[f - 1] === l.household[r]) f--;
  return f;
}

/** The resident nearest to world point (px, py), within `radius`, or -1. */
export function nearestResident(t: TownPositions, px: number, py: number, radius: number, visible?: (r: number) => boolean): number {
  let best = -1;
  let bestD = radius * radius;
  for (let c = 0; c < t.cellX.length; c++) {
    if (px < t.cellX[c] - radius || px > t.cellX[c] + CELL + radius || py < t.cellY[c] - radius || py > t.cellY[c] + CELL + radius) continue;
    for (let r = t.cellStart[c]; r < t.cellStart[c + 1]; r++) {
      const dx = t.x[r] - px;
      const dy = t.y[r] - py;
      const d = dx * dx + dy * dy;
      if (d < bestD && (!visible || visible(r))) {
        bestD = d;
        best = r;
      }
    }
  }
  return best;
}
