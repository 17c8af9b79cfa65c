import { describe, expect, it } from 'vitest';
import { createWorld, layout } from '../../../src/engine/index.ts';
import { CELL, STREET, layoutTown, nearestResident } from '../../../src/render/town-layout.ts';
import { MEASURE_BGR, MEASURE_SCALES, TRUST_DOMAIN, measureRgb, trustRgb } from '../../../src/render/colours.ts';
import { smallScenario } from '../../helpers/small.ts';

describe('town layout', () => {
  // Two jurisdictions with odd, different grids.
  const s = smallScenario({
    jurisdictions: [
      { residents: 900, gridWidth: 3, gridHeight: 2 },
      { residents: 700, gridWidth: 2, gridHeight: 5 },
    ],
  });
  const l = layout(createWorld(s));
  const t = layoutTown(l);

  it('puts every resident inside their own neighbourhood', () => {
    for (let r = 0; r < l.residents; r++) {
      const c = l.cell[r];
      expect(t.x[r]).toBeGreaterThanOrEqual(t.cellX[c]);
      expect(t.x[r]).toBeLessThanOrEqual(t.cellX[c] + CELL);
      expect(t.y[r]).toBeGreaterThanOrEqual(t.cellY[c]);
      expect(t.y[r]).toBeLessThanOrEqual(t.cellY[c] + CELL);
    }
  });

  it('indexes each cell\u2019s residents as a consecutive range', () => {
    for (let c = 0; c < t.cellX.length; c++) for (let r = t.cellStart[c]; r < t.cellStart[c + 1]; r++) expect(l.cell[r]).toBe(c);
    expect(t.cellStart[t.cellX.length]).toBe(l.residents);
  });

  it('finds the resident at a point, and nobody far from everyone', () => {
    for (const r of [0, 17, 899, 900, 1599]) expect(nearestResident(t, t.x[r], t.y[r], 0.5)).toBe(r);
    expect(nearestResident(t, -500, -500, 5)).toBe(-1);
  });

  it('gives each household one plot: inside its block (the street left clear), apart from the next, its head at the centre', () => {
    const heads = [0, ...Array.from({ length: l.residents - 1 }, (_, i) => i + 1).filter((r) => l.household[r] !== l.household[r - 1])];
    expect(t.homeX.length).toBe(heads.length);
    heads.forEach((r, h) => {
      const c = l.cell[r];
      const half = t.homeSide[h] / 2;
      expect([t.homeX[h], t.homeY[h]]).toEqual([t.x[r], t.y[r]]);
      expect(t.homeX[h] - half).toBeGreaterThanOrEqual(t.cellX[c] + STREET);
      expect(t.homeX[h] + half).toBeLessThanOrEqual(t.cellX[c] + CELL - STREET);
      expect(t.homeY[h] - half).toBeGreaterThanOrEqual(t.cellY[c] + STREET);
      expect(t.homeY[h] + half).toBeLessThanOrEqual(t.cellY[c] + CELL - STREET);
      // The next plot in the same row of the block starts after this one ends.
      if (h + 1 < heads.length && l.cell[heads[h + 1]] === c && t.homeY[h + 1] === t.homeY[h])
        expect(t.homeX[h + 1] - t.homeSide[h + 1] / 2).toBeGreaterThan(t.homeX[h] + half);
    });
  });

  it('keeps the second jurisdiction east of the first, with a gap for the border', () => {
    const westEdge = Math.max(...Array.from({ length: 6 }, (_, c) => t.cellX[c])) + CELL;
    expect(t.cellX[6]).toBeGreaterThan(westEdge);
  });
});

describe('trust colours', () => {
  it('run from red (low) through grey to blue (high) over the stated domain', () => {
    const [r0, , b0] = trustRgb(TRUST_DOMAIN[0]);
    const [r1, , b1] = trustRgb(TRUST_DOMAIN[1]);
    expect(r0).toBeGreaterThan(b0);
    expect(b1).toBeGreaterThan(r1);
    expect(trustRgb(0)).toEqual(trustRgb(TRUST_DOMAIN[0]));
    expect(MEASURE_BGR.trust[255] & 0xff).toBe(trustRgb(1)[0]);
  });

  it('every measure: the ramp spans its domain, change in trust is grey at 0 and red for a fall, and high fear is red', () => {
    for (const m of Object.keys(MEASURE_SCALES) as (keyof typeof MEASURE_SCALES)[]) {
      const [lo, hi] = MEASURE_SCALES[m].domain;
      expect(MEASURE_BGR[m][0] & 0xff, m).toBe(measureRgb(m, lo)[0]);
      expect((MEASURE_BGR[m][255] >> 16) & 0xff, m).toBe(measureRgb(m, hi)[2]);
    }
    expect(measureRgb('trustChange', 0)).toEqual([150, 150, 150]);
    const [r, , b] = measureRgb('trustChange', -0.1);
    expect(r - b).toBeGreaterThan(60);
    const [fr, , fb] = measureRgb('fear', 0.6);
    expect(fr).toBeGreaterThan(fb);
  });
});
