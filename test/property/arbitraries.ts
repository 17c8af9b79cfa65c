import fc from 'fast-check';
import { MODELS } from '../../src/engine/index.ts';
import type { ScenarioInput } from '../../src/scenario/index.ts';

/** Small but varied scenarios: one or two jurisdictions, any model, odd grids, strong or weak effects. */
export const smallScenarioInput: fc.Arbitrary<ScenarioInput> = fc
  .record({
    years: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
    activationShare: fc.double({ min: 0, max: 0.9, noNaN: true }),
    burnInWeeks: fc.integer({ min: 0, max: 6 }),
    jurisdictions: fc.array(
      fc.record({
        residents: fc.integer({ min: 200, max: 2500 }),
        gridWidth: fc.integer({ min: 1, max: 5 }),
        gridHeight: fc.integer({ min: 1, max: 4 }),
        latinoShare: fc.double({ min: 0, max: 1, noNaN: true }),
        model: fc.constantFrom(...MODELS),
        sanctuary: fc.boolean(),
        trustBuilding: fc.boolean(),
        profilingMultiplier: fc.double({ min: 1, max: 20, noNaN: true }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    tiesPerResident: fc.integer({ min: 0, max: 5 }),
    stopsPerOfficerDay: fc.double({ min: 0, max: 4, noNaN: true }),
    offenderShare: fc.double({ min: 0, max: 0.1, noNaN: true }),
    removalProb: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((a) => ({
    run: { years: a.years, activationDay: Math.floor(a.activationShare * a.years * 365), burnInWeeks: a.burnInWeeks },
    jurisdictions: a.jurisdictions.map((j) => ({
      residents: j.residents,
      gridWidth: j.gridWidth,
      gridHeight: j.gridHeight,
      latinoShare: j.latinoShare,
      policy: { model: j.model, sanctuary: j.sanctuary && j.model === 'none', trustBuilding: j.trustBuilding, profilingMultiplier: j.profilingMultiplier },
    })),
    community: { tiesPerResident: a.tiesPerResident },
    policing: { stopsPerOfficerDay: a.stopsPerOfficerDay },
    crime: { offenderShare: a.offenderShare },
    enforcement: { removalProb: a.removalProb },
  }));
