import { describe, expect, it } from 'vitest';
import { calibrate, loss, resolveParams, scenarioAt, type CalibrationState } from '../../src/calibrate/calibrate.ts';
import { runTask, type RunSummary } from '../../src/engine/index.ts';
import { fitReport } from '../../src/evidence/fit.ts';
import { BUILT_IN_TARGETS } from '../../src/evidence/registry.ts';
import { resolveScenario, type Scenario } from '../../src/scenario/index.ts';

/** A small county with deliberately bad values: too little simple assault, too little reporting, far too much property clearance. */
const BAD = {
  name: 'bad start',
  run: { years: 1, activationDay: 300, burnInWeeks: 52 },
  jurisdictions: [{ residents: 6000, gridWidth: 4, gridHeight: 4, policy: { model: 'none' } }],
  crime: { types: { simpleAssault: { ratePer1000: 6, reportingBase: 0.2 }, burglaryTheft: { clearanceBase: 0.35 } } },
};
const PARAMS = resolveParams([
  { path: 'crime.types.simpleAssault.ratePer1000', min: 1, max: 40 },
  { path: 'crime.types.simpleAssault.reportingBase' },
  { path: 'crime.types.burglaryTheft.clearanceBase', min: 0, max: 0.5 },
]);
/** The baselines these three parameters move (the others depend on parameters the test leaves alone, and on chance in a town this small). */
const CONTROLLED = ['violent-victimisation', 'simple-assault-reported', 'property-clearance'];
const baselines = BUILT_IN_TARGETS['us-baselines'];
const targets = [{ ...baselines, targets: baselines.targets.filter((t) => CONTROLLED.includes(t.id)) }];
const evaluate = async (s: Scenario): Promise<RunSummary[]> => [0, 1].map((replicate) => runTask({ scenario: s, seed: 1, replicate }).summary);
const run = (budget: number, resume?: CalibrationState) =>
  calibrate({ base: structuredClone(BAD), params: PARAMS, targets, evaluate, budget, resume, seed: 1, replicates: 2 });

describe('calibration', () => {
  it('recovers a fit that meets the baselines its parameters move, from deliberately bad starting values', async () => {
    const start = fitReport(targets[0], resolveScenario(BAD), await evaluate(resolveScenario(BAD)));
    expect(start.score.met).toBeLessThan(start.score.applicable);
    const result = await run(70);
    expect(result.report[0].score.met).toBe(result.report[0].score.applicable);
    expect(result.bestLoss).toBeLessThan(loss([start]));
    expect(result.best.crime.types.simpleAssault.ratePer1000).toBeGreaterThan(12);
    expect(result.best.crime.types.burglaryTheft.clearanceBase).toBeLessThan(0.2);
  });

  it('stopped and resumed, it ends exactly where an uninterrupted calibration ends', async () => {
    const whole = await run(24);
    const first = await run(11);
    expect(first.state.history.length).toBeLessThan(whole.state.history.length);
    const resumed = await run(24, JSON.parse(JSON.stringify(first.state)));
    expect(resumed.state.simplex.points[0]).toEqual(whole.state.simplex.points[0]);
    expect(resumed.bestLoss).toBe(whole.bestLoss);
  });

  it('a stop request is honoured before the next evaluation, and the best point needs no run of its own', async () => {
    let calls = 0;
    let stopAt = 6;
    const counting = async (s: Scenario) => {
      calls++;
      return evaluate(s);
    };
    const opts = { base: structuredClone(BAD), params: PARAMS, targets, budget: 40, seed: 1, replicates: 2 };
    // Stop asked for after the 6th evaluation (mid-iteration: the first simplex alone takes 4).
    const stopped = await calibrate({ ...opts, evaluate: counting, shouldStop: () => calls >= stopAt });
    expect(stopped.stopped).toBe('stopped');
    expect(calls).toBe(6);
    expect(stopped.state.history).toHaveLength(6);
    expect(stopped.report[0].score.applicable).toBeGreaterThan(0);
    // Stopped even before the first simplex is complete: the best point evaluated stands in.
    calls = 0;
    stopAt = 2;
    const early = await calibrate({ ...opts, evaluate: counting, shouldStop: () => calls >= stopAt });
    expect(calls).toBe(2);
    expect(early.bestLoss).toBe(Math.min(...early.state.history.map((h) => h.loss)));
  });

  it('refuses a parameter that is not a numeric field or a range outside the allowed one', () => {
    expect(() => resolveParams([{ path: 'name' }])).toThrow(/not a numeric scenario field/);
    expect(() => resolveParams([{ path: 'jurisdictions[0].policy.model' }])).toThrow(/is a choice .*calibrate tunes numbers only/);
    expect(() => resolveParams([{ path: 'jurisdictions[0].policy.sanctuary' }])).toThrow(/is an on\/off switch/);
    expect(() => resolveParams([{ path: 'crime.offenderShare', min: 0, max: 2 }])).toThrow(/leaves the allowed 0 to 1/);
  });

  it('for sensitivity, takes switches, choices and a mechanism off or on as structural factors with levels', () => {
    const [trustBuilding, model, off] = resolveParams(
      [{ path: 'jurisdictions[0].policy.trustBuilding' }, { path: 'jurisdictions[0].policy.model' }, { path: 'entanglement.reportingEffect', switch: true }],
      true,
    );
    expect(trustBuilding.levels).toEqual([false, true]);
    expect(model.levels).toEqual(['none', 'jailEnforcement', 'warrantService', 'taskForce']);
    expect(off.levels).toEqual([0, null]);
    const base = { jurisdictions: [{ policy: { model: 'taskForce' } }], entanglement: { reportingEffect: 1.7 } };
    const at = (x: number[]) => scenarioAt(structuredClone(base), [trustBuilding, model, off], x);
    // Equal slices of [0, 1] per level; null keeps the scenario's own value.
    expect(at([0.49, 0.24, 0.49])).toMatchObject({
      jurisdictions: [{ policy: { trustBuilding: false, model: 'none' } }],
      entanglement: { reportingEffect: 0 },
    });
    expect(at([0.5, 0.76, 0.5])).toMatchObject({
      jurisdictions: [{ policy: { trustBuilding: true, model: 'taskForce' } }],
      entanglement: { reportingEffect: 1.7 },
    });
    expect(at([1, 0.5, 1]).jurisdictions[0].policy.model).toBe('warrantService');
    expect(() => resolveParams([{ path: 'run.years', switch: true }], true)).toThrow(/switch needs a numeric field that can be 0/);
    expect(() => resolveParams([{ path: 'jurisdictions[0].policy.sanctuary', min: 0, max: 1 }], true)).toThrow(/takes no range/);
  });
});
