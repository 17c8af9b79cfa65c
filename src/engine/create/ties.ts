import { kindIsLatino } from '../../vocabulary/codes.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { pick, type Uniform } from '../rng.ts';
import type { Cells, JurisdictionState, Residents } from '../world.ts';
import { cellId, type Geometry } from './geometry.ts';
import { residentInCell } from './population.ts';

/** Draws tried in one place before looking further afield for a tie of the chosen group. */
const TRIES = 48;

/**
 * Gives every resident `tiesPer` ties outside the household. The first `kinTies` are kin and friends: in
 * the same neighbourhood with `localTieShare`, otherwise elsewhere in the jurisdiction or, for a share, in
 * a border neighbourhood of an adjacent jurisdiction. The rest are neighbourhood, church or workplace ties
 * in the same neighbourhood. Each tie's ethnicity is chosen first (the resident's own with the homophily
 * of their group), then a person of that ethnicity in the chosen place, so `homophily` is the expected
 * share of same-group ties. Ties are one-way links that carry influence to the resident who holds them;
 * shocks travel along them both ways (see systems/custody.ts).
 */
export function createTies(s: Scenario, g: Geometry, res: Residents, cells: Cells, js: JurisdictionState, u: Uniform): void {
  const K = res.tiesPer;
  const c = s.community;
  for (let r = 0; r < res.count; r++) {
    const latino = kindIsLatino(res.kind[r]);
    const same = latino ? c.homophily : c.homophilyNonLatino;
    for (let k = 0; k < K; k++) {
      const wantLatino = u() < same ? latino : !latino;
      const cell = k < res.kinTies ? kinCell(r, g, res, c.localTieShare, c.crossBorderTieShare, u) : res.cell[r];
      res.ties[k * res.count + r] = findTie(r, wantLatino, cell, res, cells, js, u);
    }
  }
}

/** Where a kin or friend tie lives: the resident's cell, a border cell next door, or -1 for anywhere in the jurisdiction. */
function kinCell(r: number, g: Geometry, res: Residents, local: number, cross: number, u: Uniform): number {
  const j = res.jur[r];
  if (u() < local) return res.cell[r];
  if (u() < cross && g.jurisdictions > 1) {
    const west = j > 0;
    const east = j < g.jurisdictions - 1;
    const nj = west && east ? (u() < 0.5 ? j - 1 : j + 1) : west ? j - 1 : j + 1;
    const x = nj < j ? g.width[nj] - 1 : 0;
    return cellId(g, nj, x, pick(u, g.height[nj]));
  }
  return -1;
}

/**
 * A resident other than r, of the wanted ethnicity, in `cell` (or anywhere in r's jurisdiction when cell
 * is -1); where the place has none, anywhere in the jurisdiction; where that has none either, anyone.
 */
function findTie(r: number, wantLatino: boolean, cell: number, res: Residents, cells: Cells, js: JurisdictionState, u: Uniform): number {
  const j = res.jur[r];
  let other = r;
  for (let pass = cell < 0 ? 1 : 0; pass < 2; pass++) {
    for (let t = 0; t < TRIES; t++) {
      other = pass === 0 ? residentInCell(cells, cell, u) : js.resStart[j] + pick(u, js.resCount[j]);
      if (other !== r && kindIsLatino(res.kind[other]) === wantLatino) return other;
    }
  }
  while (other === r && js.resCount[j] > 1) other = js.resStart[j] + pick(u, js.resCount[j]);
  return other;
}
