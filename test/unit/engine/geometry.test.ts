import { describe, expect, it } from 'vitest';
import { cellId, cellXY, createGeometry, neighbourCell } from '../../../src/engine/create/geometry.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';

// Odd, non-square grids of different heights side by side: encode/decode bugs hide on square ones.
const g = createGeometry(
  resolveScenario({
    jurisdictions: [
      { gridWidth: 5, gridHeight: 3, residents: 1000 },
      { gridWidth: 2, gridHeight: 7, residents: 1000 },
      { gridWidth: 3, gridHeight: 1, residents: 1000 },
    ],
  }),
);

describe('geometry', () => {
  it('numbers cells jurisdiction by jurisdiction', () => {
    expect(g.cells).toBe(15 + 14 + 3);
    expect(Array.from(g.cellBase)).toEqual([0, 15, 29, 32]);
    expect(Array.from(g.xOffset)).toEqual([0, 5, 7]);
  });

  it('decodes every cell id back to its column and row', () => {
    for (let j = 0; j < 3; j++) {
      for (let y = 0; y < g.height[j]; y++) {
        for (let x = 0; x < g.width[j]; x++) expect(cellXY(g, cellId(g, j, x, y))).toEqual({ j, x, y });
      }
    }
  });

  it('steps inside a grid and stops at the outer edge', () => {
    const c = cellId(g, 0, 2, 1);
    expect(cellXY(g, neighbourCell(g, c, 0))).toEqual({ j: 0, x: 3, y: 1 });
    expect(cellXY(g, neighbourCell(g, c, 1))).toEqual({ j: 0, x: 2, y: 0 });
    expect(cellXY(g, neighbourCell(g, c, 2))).toEqual({ j: 0, x: 1, y: 1 });
    expect(cellXY(g, neighbourCell(g, c, 3))).toEqual({ j: 0, x: 2, y: 2 });
    const corner = cellId(g, 0, 0, 0);
    expect(neighbourCell(g, corner, 1)).toBe(corner);
    expect(neighbourCell(g, corner, 2)).toBe(corner);
    const east = cellId(g, 2, 2, 0);
    expect(neighbourCell(g, east, 0)).toBe(east);
  });

  it('crosses a border into the neighbour at the matching height', () => {
    // Row 2 of 3 in the west (lower third) maps to row 5 of 7 in the middle jurisdiction.
    expect(cellXY(g, neighbourCell(g, cellId(g, 0, 4, 2), 0))).toEqual({ j: 1, x: 0, y: 5 });
    expect(cellXY(g, neighbourCell(g, cellId(g, 1, 0, 6), 2))).toEqual({ j: 0, x: 4, y: 2 });
    expect(cellXY(g, neighbourCell(g, cellId(g, 1, 1, 6), 0))).toEqual({ j: 2, x: 0, y: 0 });
  });
});
