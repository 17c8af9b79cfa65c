import { resolveScenario, type Scenario } from '../scenario/index.ts';

/**
 * The scenario's no-agreement twin: the same town, seeds and parameters with every jurisdiction's 287(g)
 * model set to none (contrasts such as trust-building kept). Run for the same seeds and replicates, it is
 * the counterfactual a paired effect is measured against.
 */
export function twinScenario(s: Scenario): Scenario {
  const raw = structuredClone(s) as Record<string, unknown> & Scenario;
  raw.name = `${s.name} (no-agreement twin)`;
  for (const j of raw.jurisdictions) j.policy = { ...j.policy, model: 'none', endDay: null };
  return resolveScenario(raw);
}
