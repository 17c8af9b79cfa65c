import { describe, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/index.ts';
import { expectGolden } from '../helpers/golden.ts';
import { resolveScenario } from '../../src/scenario/index.ts';

/**
 * A fixed-seed run whose summary is committed. It fails on any change in results: if the change is
 * intended, bump ENGINE_VERSION, rerun with UPDATE_GOLDEN=1 and say why in the commit.
 */
const FILE = 'test/golden/three-counties.json';
/** Every mechanism on: a Task Force, an untreated county, and a jail with targeted screening and trust-building; a survey. */
const scenario = resolveScenario({
  name: 'golden: task force, untreated county, targeted jail screening with trust-building',
  run: { years: 1, activationDay: 150, burnInWeeks: 20, seed: 20261128, replicates: 2 },
  jurisdictions: [
    { name: 'Treated', residents: 4000, gridWidth: 5, gridHeight: 3, policy: { model: 'taskForce', deputisedShare: 0.3 } },
    { name: 'Untreated', residents: 3000, gridWidth: 3, gridHeight: 4, policy: { model: 'none' } },
    { name: 'Jail', residents: 3000, gridWidth: 3, gridHeight: 3, policy: { model: 'jailEnforcement', screening: 'targeted', trustBuilding: true } },
  ],
  policing: { stopsPerOfficerDay: 1 },
});

describe('golden run', () => {
  it(`matches ${FILE} (engine ${ENGINE_VERSION})`, () => {
    expectGolden(FILE, scenario, 300);
  });
});
