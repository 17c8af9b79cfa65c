import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/engine/index.ts';
import { smallScenario } from '../../helpers/small.ts';

/** Share of the ties held by residents of one ethnicity that go to residents of the same ethnicity. */
function sameGroupShare(latinoShare: number, homophily: number, homophilyNonLatino: number, latino: boolean): number {
  const s = smallScenario(
    { community: { homophily, homophilyNonLatino, tiesPerResident: 4, kinTies: 2 } },
    { residents: 20000, gridWidth: 5, gridHeight: 4, latinoShare },
  );
  const w = createWorld(s);
  const { kind, ties, tiesPer } = w.residents;
  let same = 0;
  let all = 0;
  for (let r = 0; r < w.residents.count; r++) {
    if (kind[r] >= 8 !== latino) continue;
    for (let k = 0; k < tiesPer; k++) {
      all++;
      if (kind[ties[k * w.residents.count + r]] >= 8 === latino) same++;
    }
  }
  return same / all;
}

describe('social ties', () => {
  it('homophily is the expected share of same-group ties, for each group (±0.03)', () => {
    expect(Math.abs(sameGroupShare(0.19, 0.8, 0.95, true) - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(sameGroupShare(0.19, 0.8, 0.95, false) - 0.95)).toBeLessThan(0.03);
    expect(Math.abs(sameGroupShare(0.4, 0.5, 0.7, true) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(sameGroupShare(0.4, 0.5, 0.7, false) - 0.7)).toBeLessThan(0.03);
  });

  it('neighbourhood ties stay in the neighbourhood (unless it has no one of the chosen group); no one is tied to themselves', () => {
    const w = createWorld(smallScenario({ community: { tiesPerResident: 3, kinTies: 1 } }, { residents: 5000 }));
    const { cell, ties, tiesPer, kinTies } = w.residents;
    let local = 0;
    let inCell = 0;
    for (let r = 0; r < w.residents.count; r++) {
      for (let k = 0; k < tiesPer; k++) {
        const o = ties[k * w.residents.count + r];
        expect(o).not.toBe(r);
        if (k < kinTies) continue;
        local++;
        if (cell[o] === cell[r]) inCell++;
      }
    }
    expect(inCell / local).toBeGreaterThan(0.99);
  });
});
