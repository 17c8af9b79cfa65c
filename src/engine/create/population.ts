import type { Scenario } from '../../scenario/schema.ts';
import { GROUP_OF_KIND, LAWFUL_RESIDENT, NATURALISED, RESIDENT_GROUPS, UNDOCUMENTED, US_BORN, kindOf, jurKindOf, kindStatus } from '../../vocabulary/codes.ts';
import { pick, poisson, type Uniform } from '../rng.ts';
import type { Cells, Households, JurisdictionState, Residents } from '../world.ts';
import type { Geometry } from './geometry.ts';

export interface Population {
  residents: Residents;
  households: Households;
  cells: Cells;
  jurisdictions: JurisdictionState;
}

/**
 * Creates households neighbourhood by neighbourhood, so that the residents of one household and of one
 * neighbourhood have consecutive ids. Neighbourhoods differ in their Latino share (segregation), and
 * statuses are drawn per household: the head's from the jurisdiction's shares, the others' from the
 * head's, which yields mixed-status households. Ages are drawn by position in the household.
 */
export function createPopulation(s: Scenario, g: Geometry, u: Uniform): Population {
  const J = g.jurisdictions;
  const n = s.jurisdictions.reduce((a, j) => a + j.residents, 0);
  const tiesPer = s.community.tiesPerResident;
  const residents: Residents = {
    count: n,
    kind: new Uint8Array(n),
    jur: new Uint8Array(n),
    jurKind: new Uint8Array(n),
    cell: new Int32Array(n),
    household: new Int32Array(n),
    custody: new Uint8Array(n),
    victimisations: new Uint8Array(n),
    reports: new Uint8Array(n),
    victimisationsAt: { start: new Uint8Array(n), activation: new Uint8Array(n) },
    reportsAt: { start: new Uint8Array(n), activation: new Uint8Array(n) },
    age: new Uint8Array(n),
    trust: new Float32Array(n),
    fear: new Float32Array(n),
    belief: new Uint16Array(n),
    exposure: new Uint8Array(n),
    record: new Uint8Array(n),
    trustAtActivation: new Float32Array(n),
    householdNext: new Int8Array(n),
    ties: new Int32Array(n * tiesPer),
    tiesPer,
    kinTies: Math.min(tiesPer, s.community.kinTies),
    offenderSlot: new Int32Array(n).fill(-1),
    nextEvent: new Int32Array(n).fill(-1),
  };
  const hhStart = new Int32Array(n);
  const hhSize = new Uint8Array(n);
  const cells: Cells = {
    start: new Int32Array(g.cells),
    count: new Int32Array(g.cells),
    latinoCount: new Int32Array(g.cells),
    seenCrimes: new Float64Array(g.cells * 2),
    seenReported: new Float64Array(g.cells * 2),
    perceived: new Float32Array(g.cells * 2),
    completion: new Float32Array(g.cells * 2),
    cynicism: new Float32Array(g.cells),
    enforcementEvents: new Float32Array(g.cells),
    enforcementRate: new Float32Array(g.cells),
    seenLevel: new Float32Array(g.cells),
  };
  const js: JurisdictionState = {
    resStart: new Int32Array(J + 1),
    resCount: new Int32Array(J),
    latinoResidents: new Int32Array(J),
    undocumented: new Int32Array(0),
    undocumentedStart: new Int32Array(J + 1),
    enforcementRate: new Float64Array(J),
    enforcementToday: new Float64Array(J),
    pulse: new Float64Array(J),
    entanglement: new Float64Array(J),
    feltEntanglement: new Float64Array(J),
    seenCrimes: new Float64Array(J * 2),
    seenReported: new Float64Array(J * 2),
    trustTarget: new Float32Array(J * 16),
    fearTarget: new Float32Array(J * 16),
    reportFearWeight: new Float64Array(J).fill(1),
    present: new Float64Array(J * RESIDENT_GROUPS * 3),
  };
  const statuses = new Uint8Array(8);
  let r = 0;
  let h = 0;
  for (let j = 0; j < J; j++) {
    const sj = s.jurisdictions[j];
    js.resStart[j] = r;
    js.resCount[j] = sj.residents;
    const nCells = g.cellBase[j + 1] - g.cellBase[j];
    for (let c = g.cellBase[j]; c < g.cellBase[j + 1]; c++) {
      const local = c - g.cellBase[j];
      const target = Math.floor(((local + 1) * sj.residents) / nCells) - Math.floor((local * sj.residents) / nCells);
      const latinoShare = Math.min(1, Math.max(0, sj.latinoShare * (1 + s.community.segregation * (2 * u() - 1))));
      cells.start[c] = r;
      const end = r + target;
      while (r < end) {
        const latino = u() < latinoShare;
        const mean = latino ? s.community.householdSizeLatino : s.community.householdSizeNonLatino;
        const size = Math.min(8, end - r, 1 + poisson(u, mean - 1));
        drawStatuses(s, sj, latino, size, u, statuses);
        let mixed = false;
        for (let k = 0; k < size; k++) if (statuses[k] === UNDOCUMENTED) mixed = true;
        hhStart[h] = r;
        hhSize[h] = size;
        for (let k = 0; k < size; k++) residents.householdNext[r + k] = size === 1 ? 0 : k + 1 < size ? 1 : 1 - size;
        for (let k = 0; k < size; k++, r++) {
          residents.kind[r] = kindOf(latino, mixed, statuses[k]);
          residents.age[r] = drawAge(k, u);
          residents.jurKind[r] = jurKindOf(j, residents.kind[r]);
          const present = (j * RESIDENT_GROUPS + GROUP_OF_KIND[residents.kind[r]]) * 3;
          js.present[present] += 1;
          if (residents.age[r] >= 12) js.present[present + 1] += 1;
          if (k === 0) js.present[present + 2] += 1;
          residents.jur[r] = j;
          residents.cell[r] = c;
          residents.household[r] = h;
          if (latino) {
            cells.latinoCount[c]++;
            js.latinoResidents[j]++;
          }
        }
        h++;
      }
      cells.count[c] = target;
    }
  }
  js.resStart[J] = r;
  js.undocumented = collectUndocumented(residents, js, J);
  return { residents, households: { count: h, start: hhStart.slice(0, h), size: hhSize.slice(0, h) }, cells, jurisdictions: js };
}

function drawStatuses(s: Scenario, sj: Scenario['jurisdictions'][number], latino: boolean, size: number, u: Uniform, out: Uint8Array): void {
  let head = US_BORN;
  const x = u();
  if (latino) {
    if (x < sj.latinoNaturalisedShare) head = NATURALISED;
    else if (x < sj.latinoNaturalisedShare + sj.latinoLawfulShare) head = LAWFUL_RESIDENT;
    else if (x < sj.latinoNaturalisedShare + sj.latinoLawfulShare + sj.latinoUndocumentedShare) head = UNDOCUMENTED;
  } else if (x < sj.nonLatinoNoncitizenShare) {
    head = x < sj.nonLatinoNoncitizenShare / 4 ? UNDOCUMENTED : LAWFUL_RESIDENT;
  }
  out[0] = head;
  for (let k = 1; k < size; k++) {
    const y = u();
    if (head === UNDOCUMENTED) out[k] = y < s.community.undocumentedMemberShare ? UNDOCUMENTED : US_BORN;
    else if (head === LAWFUL_RESIDENT) out[k] = y < 0.5 ? LAWFUL_RESIDENT : US_BORN;
    else if (head === NATURALISED) out[k] = y < 0.5 ? NATURALISED : US_BORN;
    else out[k] = US_BORN;
  }
}

/**
 * Age of the k-th member of a household: the head is an adult; the second is an adult partner more often
 * than a child; later members are mostly children. Ages stay fixed through a run (a few years).
 */
function drawAge(k: number, u: Uniform): number {
  const adult = k === 0 || u() < (k === 1 ? 0.6 : 0.2);
  return adult ? 18 + Math.floor(u() * 62) : Math.floor(u() * 18);
}

function collectUndocumented(res: Residents, js: JurisdictionState, J: number): Int32Array {
  let total = 0;
  for (let r = 0; r < res.count; r++) if (kindStatus(res.kind[r]) === UNDOCUMENTED) total++;
  const out = new Int32Array(total);
  let k = 0;
  for (let j = 0; j < J; j++) {
    js.undocumentedStart[j] = k;
    for (let r = js.resStart[j]; r < js.resStart[j + 1]; r++) if (kindStatus(res.kind[r]) === UNDOCUMENTED) out[k++] = r;
  }
  js.undocumentedStart[J] = k;
  return out;
}

/** A random resident of cell c (residents of a cell have consecutive ids). */
export function residentInCell(cells: Cells, c: number, u: Uniform): number {
  return cells.start[c] + pick(u, cells.count[c]);
}
