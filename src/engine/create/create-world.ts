import type { Scenario } from '../../scenario/schema.ts';
import { kindIsLatino, jurKindOf } from '../../vocabulary/codes.ts';
import { createMetrics } from '../metrics/accumulate.ts';
import { deriveParams } from '../params.ts';
import { createStreams } from '../rng.ts';
import { expectedReportingOf } from '../behaviour.ts';
import { learnFromMemory } from '../systems/offending.ts';
import { assignExposure } from './exposure.ts';
import { refreshTargets } from '../systems/attitudes.ts';
import type { World } from '../world.ts';
import { createGeometry } from './geometry.ts';
import { createOffenders } from './offenders.ts';
import { createOfficers } from './officers.ts';
import { createPopulation } from './population.ts';
import { createTies } from './ties.ts';
import { createEventLog } from '../view/event-log.ts';

/**
 * Builds the world of one replicate: places, households, residents and their ties, officers, offenders,
 * each resident's exposure to news of police working with ICE (from their household and ties), attitudes
 * at their starting targets, and what offenders start out having learned of reporting.
 */
export function createWorld(scenario: Scenario, seed = scenario.run.seed, replicate = 0): World {
  const rng = createStreams(seed, replicate);
  const params = deriveParams(scenario);
  const geometry = createGeometry(scenario);
  const pop = createPopulation(scenario, geometry, rng.population);
  createTies(scenario, geometry, pop.residents, pop.cells, pop.jurisdictions, rng.ties);
  assignExposure(scenario, pop.residents, (r) => pop.households.size[pop.residents.household[r]]);
  const w: World = {
    scenario,
    params,
    seed,
    replicate,
    day: -params.burnInDays,
    rng,
    geometry,
    residents: pop.residents,
    households: pop.households,
    cells: pop.cells,
    officers: createOfficers(scenario, geometry),
    offenders: createOffenders(scenario, pop.residents, pop.jurisdictions, rng.careers),
    jurisdictions: pop.jurisdictions,
    eventHead: new Int32Array(params.burnInDays + params.days).fill(-1),
    metrics: createMetrics(geometry.jurisdictions, params.days),
    // About two events per resident: several simulated years at default rates, little memory.
    events: createEventLog(Math.min(1 << 20, Math.max(1 << 14, 2 * pop.residents.count))),
  };
  scaleOffendingToAged12(w);
  refreshTargets(w);
  initialAttitudes(w);
  initialExpectations(w);
  return w;
}

/** Everyone starts at their target, with a little spread in trust so residents are not identical. */
function initialAttitudes(w: World): void {
  const res = w.residents;
  const u = w.rng.population;
  for (let r = 0; r < res.count; r++) {
    const i = jurKindOf(res.jur[r], res.kind[r]);
    res.trust[r] = Math.min(1, Math.max(0, w.jurisdictions.trustTarget[i] + 0.2 * (u() - 0.5)));
    res.fear[r] = w.jurisdictions.fearTarget[i];
  }
}

/**
 * Crime rates are per 1,000 persons aged 12 or more (NCVS), and only they are victims: offenders' activity
 * is scaled by their share so the rates come out in that unit.
 */
function scaleOffendingToAged12(w: World): void {
  const age = w.residents.age;
  let aged12 = 0;
  for (let r = 0; r < age.length; r++) if (age[r] >= 12) aged12++;
  w.params.offenderBasePerDay *= age.length > 0 ? aged12 / age.length : 1;
}

/**
 * Offenders start out having seen, in each neighbourhood and county, the crimes they would have seen over
 * their memory at the base rates, reported as often as the residents there would report them now (the
 * mean expected reporting of each neighbourhood's residents aged 12 or more by ethnicity, over the crime
 * mix): what they learned is at its settled level, without noise, and realised reports take over from it.
 */
function initialExpectations(w: World): void {
  const res = w.residents;
  const p = w.params;
  const cells = w.cells;
  const js = w.jurisdictions;
  const n12 = new Float64Array(cells.seenCrimes.length);
  const sum = new Float64Array(cells.seenCrimes.length);
  for (let r = 0; r < res.count; r++) {
    if (res.age[r] < 12) continue;
    const i = res.cell[r] * 2 + (kindIsLatino(res.kind[r]) ? 1 : 0);
    n12[i] += 1;
    sum[i] += expectedReportingOf(w, r);
  }
  let perDay = 0;
  for (let t = 0; t < p.ratePerResidentYear.length; t++) perDay += p.ratePerResidentYear[t] / 365;
  const memoryDays = 7 / (1 - p.offenderMemoryWeekly);
  for (let i = 0; i < n12.length; i++) {
    const crimes = perDay * n12[i] * memoryDays;
    const reported = n12[i] > 0 ? (crimes * sum[i]) / n12[i] : 0;
    cells.seenCrimes[i] = crimes;
    cells.seenReported[i] = reported;
    const j = w.geometry.cellJur[i >> 1] * 2 + (i & 1);
    js.seenCrimes[j] += crimes;
    js.seenReported[j] += reported;
  }
  learnFromMemory(w);
}
