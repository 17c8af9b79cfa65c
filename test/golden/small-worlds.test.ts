import { describe, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/index.ts';
import { expectGolden } from '../helpers/golden.ts';
import { resolveScenario } from '../../src/scenario/index.ts';

/**
 * Two small fixed-seed worlds whose summaries are committed, between them every policy model and
 * option: a tenth of a second each, so mutation testing (`npm run mutation`) can run them against every
 * mutant of the engine first. Like the golden run they fail on any change in results: if the change is
 * intended, bump ENGINE_VERSION, rerun with UPDATE_GOLDEN=1 and say why in the commit.
 */
const run = { years: 1, activationDay: 120, burnInWeeks: 8, seed: 20261205, replicates: 2 };
// Busy towns, so that a year of a few thousand residents holds enough of every event: many undocumented
// residents, crime and stops at several times the defaults, ICE arrests at large.
const busy = { latinoShare: 0.5, latinoUndocumentedShare: 0.5, nonLatinoNoncitizenShare: 0.2, officersPer1000: 4 };
const common = {
  run,
  crime: {
    types: { simpleAssault: { ratePer1000: 60 }, aggravatedAssault: { ratePer1000: 15 }, robbery: { ratePer1000: 10 }, burglaryTheft: { ratePer1000: 150 } },
  },
  policing: { stopsPerOfficerDay: 2 },
  enforcement: { federalArrestsPerYear: 0.05 },
};
const WORLDS = {
  'patrol-and-jail': resolveScenario({
    name: 'small: task force, targeted jail screening with trust-building, untreated county',
    ...common,
    jurisdictions: [
      { name: 'Task force', residents: 900, gridWidth: 3, gridHeight: 2, ...busy, policy: { model: 'taskForce', deputisedShare: 0.4 } },
      { name: 'Jail', residents: 700, gridWidth: 2, gridHeight: 2, ...busy, policy: { model: 'jailEnforcement', screening: 'targeted', trustBuilding: true } },
      { name: 'Untreated', residents: 500, gridWidth: 2, gridHeight: 2, ...busy, policy: { model: 'none' } },
    ],
  }),
  'warrants-ended-sanctuary': resolveScenario({
    name: 'small: warrant service, universal jail screening that ends, sanctuary county',
    ...common,
    jurisdictions: [
      { name: 'Warrants', residents: 800, gridWidth: 2, gridHeight: 2, ...busy, policy: { model: 'warrantService' } },
      { name: 'Jail, ended', residents: 800, gridWidth: 2, gridHeight: 2, ...busy, policy: { model: 'jailEnforcement', screening: 'universal', endDay: 250 } },
      { name: 'Sanctuary', residents: 500, gridWidth: 2, gridHeight: 2, ...busy, policy: { model: 'none', sanctuary: true } },
    ],
  }),
};

describe('small golden worlds', () => {
  for (const [id, scenario] of Object.entries(WORLDS)) {
    const file = `test/golden/small-${id}.json`;
    it(`${id} matches ${file} (engine ${ENGINE_VERSION})`, () => {
      expectGolden(file, scenario, 120);
    });
  }
});
