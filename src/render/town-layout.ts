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
  /** Each household drawn, in order: the centre of its plot, and the plot's side, in world units. */
  homeX: Float32Array;
  homeY: Float32Array;
  homeSide: Float32Array;
}

/** Streets: each neighbourhood is a block inset this far (world units) from its cell, leaving a street between blocks. */
export const STREET = 5;

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
  let homes = 0;
  for (let r = 0; r < drawn; r++) if (r === 0 || l.household[r] !== l.household[r - 1] || l.cell[r] !== l.cell[r - 1]) homes++;
  const homeX = new Float32Array(homes);
  const homeY = new Float32Array(homes);
  const homeSide = new Float32Array(homes);
  let home = -1;
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
      const hx = cellX[c] + CELL * 0.05 + ((h % side) + 0.5) * pitch;
      const hy = cellY[c] + CELL * 0.05 + (Math.floor(h / side) + 0.5) * pitch;
      if (member === 0) {
        home++;
        homeX[home] = hx;
        homeY[home] = hy;
        // A plot a little smaller than the spacing, so neighbouring homes read as separate.
        homeSide[home] = pitch * 0.8;
      }
      const angle = member * 2.399963; // golden angle: members spread evenly round the spot
      const spread = member === 0 ? 0 : pitch * 0.17 * Math.sqrt(member);
      x[r] = hx + Math.cos(angle) * spread;
      y[r] = hy + Math.sin(angle) * spread;
    }
  }
  // Members of a household overlap into one blob about half the spacing between households.
  const dot = Math.min(8, Math.max(1, ((CELL * 0.9) / Math.ceil(Math.sqrt(maxHouseholds))) * 0.42));
  return { x, y, cellStart, cellX, cellY, width, height, dot, homeX, homeY, homeSide };
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
