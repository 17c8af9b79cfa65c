import type { Scenario } from '../../scenario/schema.ts';
import { KINDS } from '../codes.ts';
import { createMetrics } from '../metrics/accumulate.ts';
import { deriveParams } from '../params.ts';
import { createStreams } from '../rng.ts';
import { expectedReporting } from '../behaviour.ts';
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
 * attitudes at their starting targets, and offenders' starting expectations of reporting.
 */
export function createWorld(scenario: Scenario, seed = scenario.run.seed, replicate = 0): World {
  const rng = createStreams(seed, replicate);
  const params = deriveParams(scenario);
  const geometry = createGeometry(scenario);
  const pop = createPopulation(scenario, geometry, rng.population);
  createTies(scenario, geometry, pop.residents, pop.cells, pop.jurisdictions, rng.ties);
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
    const i = res.jur[r] * KINDS + res.kind[r];
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
 * Offenders start out expecting the reporting they would actually meet: the mean expected chance of
 * reporting of each neighbourhood's residents by ethnicity, over the crime mix.
 */
function initialExpectations(w: World): void {
  const res = w.residents;
  const s = w.scenario;
  const p = w.params;
  const cells = w.cells;
  const sum = cells.expectedSum;
  const n = cells.expectedCount;
  for (let r = 0; r < res.count; r++) {
    const x = p.statusShift[res.kind[r] & 3] + s.trust.reportingEffect * (res.trust[r] - s.trust.baseline) - s.fear.reportingEffect * res.fear[r];
    const i = res.cell[r] * 2 + (res.kind[r] >= 8 ? 1 : 0);
    sum[i] += expectedReporting(p.expectedReportingTable, x);
    n[i] += 1;
  }
  const mean = expectedReporting(p.expectedReportingTable, 0);
  for (let i = 0; i < sum.length; i++) {
    cells.perceived[i] = n[i] > 0 ? sum[i] / n[i] : mean;
    cells.perceivedRef[i] = cells.perceived[i];
  }
  sum.fill(0);
  n.fill(0);
}
