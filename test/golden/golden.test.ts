import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, runScenario, runTask } from '../../src/engine/index.ts';
import { toJson } from '../../src/report/json.ts';
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
    const { weekly: _weekly, ...report } = runScenario(scenario);
    const survey = runTask({ scenario, seed: scenario.run.seed, replicate: 0, surveyHouseholds: 300 }).survey;
    const text = JSON.stringify(JSON.parse(toJson({ ...report, survey })), null, 1) + '\n';
    if (process.env.UPDATE_GOLDEN) writeFileSync(FILE, text);
    expect(existsSync(FILE), `${FILE} is missing: create it with UPDATE_GOLDEN=1`).toBe(true);
    expect(text).toBe(readFileSync(FILE, 'utf8'));
  });
});
