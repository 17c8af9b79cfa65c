import { createWorld, runToEnd, summarise, type World } from '../../src/engine/index.ts';
import { resolveScenario, type Scenario, type ScenarioInput } from '../../src/scenario/index.ts';

/** A small, fast scenario (a few thousand residents, short burn-in) with overrides merged in. */
export function smallScenario(over: ScenarioInput = {}, jurisdiction: Record<string, unknown> = {}, policy: Record<string, unknown> = {}): Scenario {
  return resolveScenario({
    ...over,
    run: { years: 1, activationDay: 120, burnInWeeks: 8, ...(over.run ?? {}) },
    jurisdictions: over.jurisdictions ?? [{ residents: 3000, gridWidth: 4, gridHeight: 3, ...jurisdiction, policy: { ...policy } }],
  });
}

/** Runs a scenario to its end and returns the world. */
export function runWorld(s: Scenario, seed = s.run.seed, replicate = 0): World {
  const w = createWorld(s, seed, replicate);
  runToEnd(w);
  return w;
}

/** Runs and summarises. */
export function runSummary(s: Scenario, seed = s.run.seed) {
  return summarise(runWorld(s, seed));
}
