import { msg, str } from '@lit/localize';
import { Seed, SEED_MAX } from '../../scenario/boundaries.ts';
import { resolveScenario, type Scenario, ScenarioError, scenarioHash } from '../../scenario/index.ts';

/**
 * The seed a tool panel runs with: the app's (the Seed field, or a link's), which may differ from the
 * file's `run.seed`; the file's when the app gives none. A seed the field refuses stops the tool with
 * a reason rather than running another seed in silence.
 */
function toolSeed(appSeed: number | undefined, fileSeed: number): number {
  if (appSeed === undefined) return fileSeed;
  if (!Seed.safeParse(appSeed).success) throw new Error(msg(str`The seed must be a whole number from 0 to ${SEED_MAX}; fix it in the scenario panel first.`));
  return appSeed;
}

/**
 * What a tool panel starts from: the edited scenario resolved, the seed it runs with and the scenario's
 * hash (for the manifest); or the reasons it cannot start, field by field.
 */
export function toolStart(
  draft: Record<string, unknown>,
  appSeed: number | undefined,
): { scenario: Scenario; seed: number; hash: string } | { problem: string } {
  try {
    const scenario = resolveScenario(draft, 'the edited scenario');
    return { scenario, seed: toolSeed(appSeed, scenario.run.seed), hash: scenarioHash(scenario) };
  } catch (e) {
    return { problem: e instanceof ScenarioError ? e.problems.join('; ') : (e as Error).message };
  }
}
