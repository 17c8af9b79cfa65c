import type { Scenario } from '../../scenario/schema.ts';
import { pick, type Uniform } from '../rng.ts';
import type { Cells, JurisdictionState, Residents } from '../world.ts';
import { cellId, type Geometry } from './geometry.ts';
import { residentInCell } from './population.ts';

/**
 * Gives every resident `tiesPer` ties outside the household: most in the same neighbourhood, the rest
 * elsewhere in the jurisdiction or, for a share, in a border neighbourhood of an adjacent jurisdiction.
 * Ties lean toward the same ethnicity (homophily). Ties are one-way links that carry influence to the
 * resident who holds them; shocks travel along them both ways (see systems/custody.ts).
 */
export function createTies(s: Scenario, g: Geometry, res: Residents, cells: Cells, js: JurisdictionState, u: Uniform): void {
  const K = res.tiesPer;
  const c = s.community;
  for (let r = 0; r < res.count; r++) {
    const latino = res.kind[r] >= 8;
    for (let k = 0; k < K; k++) {
      let other = drawTie(r, g, res, cells, js, c.localTieShare, c.crossBorderTieShare, u);
      if (res.kind[other] >= 8 !== latino && u() < c.homophily) {
        other = drawTie(r, g, res, cells, js, c.localTieShare, c.crossBorderTieShare, u);
      }
      res.ties[r * K + k] = other === r ? drawAnywhereIn(res.jur[r], res, js, u) : other;
    }
  }
}

function drawTie(r: number, g: Geometry, res: Residents, cells: Cells, js: JurisdictionState, local: number, cross: number, u: Uniform): number {
  const j = res.jur[r];
  if (u() < local) return residentInCell(cells, res.cell[r], u);
  if (u() < cross && g.jurisdictions > 1) {
    const west = j > 0;
    const east = j < g.jurisdictions - 1;
    const nj = west && east ? (u() < 0.5 ? j - 1 : j + 1) : west ? j - 1 : j + 1;
    const x = nj < j ? g.width[nj] - 1 : 0;
    return residentInCell(cells, cellId(g, nj, x, pick(u, g.height[nj])), u);
  }
  return drawAnywhereIn(j, res, js, u);
}

function drawAnywhereIn(j: number, _res: Residents, js: JurisdictionState, u: Uniform): number {
  return js.resStart[j] + pick(u, js.resCount[j]);
}
