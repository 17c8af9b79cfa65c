import { type FitReport, fitReport, runNeeds } from '../../evidence/fit.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import { twinScenario } from '../../evidence/twin.ts';
import { type Scenario, scenarioHash } from '../../scenario/index.ts';
import { BrowserPool, poolSize } from '../compare/browser-pool.ts';

/** Replicates of the scenario and of its twin that a policy-effect card runs on its own. */
export const TWIN_REPLICATES = 4;

/** Where a card's measurement against the twin stands. */
export type TwinMeasure =
  | { state: 'running'; key: string; done: number; total: number }
  | { state: 'done'; key: string; report: FitReport; replicates: number }
  | { state: 'failed'; key: string };

/** What a measurement is of: the set, the scenario and the seed (a change of any starts another). */
export const measureKey = (set: TargetSet, scenario: Scenario, seed: number) => `${set.id}|${set.version}|${scenarioHash(scenario)}|${seed}`;

/**
 * Runs TWIN_REPLICATES replicates of a scenario and of its no-agreement twin in Workers (the same
 * seeds, so each pair is a twin world) and reads the set's targets from them, reporting progress.
 * `cancel` stops it; its result is then never reported.
 */
export function measureAgainstTwin(set: TargetSet, scenario: Scenario, seed: number, onChange: (m: TwinMeasure) => void): { cancel: () => void } {
  const key = measureKey(set, scenario, seed);
  const twin = twinScenario(scenario);
  const tasks = [scenario, twin].flatMap((s) =>
    Array.from({ length: TWIN_REPLICATES }, (_, replicate) => ({ scenario: s, seed, replicate, ...runNeeds([set]) })),
  );
  const pool = new BrowserPool(poolSize());
  let cancelled = false;
  onChange({ state: 'running', key, done: 0, total: tasks.length });
  pool
    .run(tasks, (_i, _r, done) => {
      if (!cancelled) onChange({ state: 'running', key, done, total: tasks.length });
    })
    .then((out) => {
      if (cancelled || out.cancelled) return;
      if (out.failed.length) {
        onChange({ state: 'failed', key });
        return;
      }
      const summaries = out.results.map((r) => r!.summary);
      const report = fitReport(set, scenario, summaries.slice(0, TWIN_REPLICATES), summaries.slice(TWIN_REPLICATES));
      onChange({ state: 'done', key, report, replicates: TWIN_REPLICATES });
    })
    .catch(() => {
      if (!cancelled) onChange({ state: 'failed', key });
    })
    .finally(() => pool.close());
  return {
    cancel: () => {
      cancelled = true;
      pool.cancel();
    },
  };
}
