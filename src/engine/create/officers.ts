import type { Scenario } from '../../scenario/schema.ts';
import type { Officers } from '../world.ts';
import type { Geometry } from './geometry.ts';

/** Officers per jurisdiction; the first `deputisedShare` of each force are deputised. */
export function createOfficers(s: Scenario, g: Geometry): Officers {
  const counts = s.jurisdictions.map((j) => Math.max(1, Math.round((j.officersPer1000 * j.residents) / 1000)));
  const total = counts.reduce((a, b) => a + b, 0);
  const o: Officers = { count: total, jur: new Uint8Array(total), cell: new Int32Array(total), deputised: new Uint8Array(total) };
  let i = 0;
  counts.forEach((n, j) => {
    const deputised = Math.round(s.jurisdictions[j].policy.deputisedShare * n);
    for (let k = 0; k < n; k++, i++) {
      o.jur[i] = j;
      o.cell[i] = g.cellBase[j];
      o.deputised[i] = k < deputised ? 1 : 0;
    }
  });
  return o;
}
