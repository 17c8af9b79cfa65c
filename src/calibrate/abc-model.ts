import type { RunSummary } from '../engine/index.ts';
import { fitReport, needsTwin, runNeeds } from '../evidence/fit.ts';
import type { TargetSet } from '../evidence/schema.ts';
import { twinScenario } from '../evidence/twin.ts';
import type { Scenario } from '../scenario/index.ts';
import { readOutput } from '../sensitivity/morris.ts';
import type { AbcEvaluate } from './abc.ts';
import { type CalibrationParam, loss, scenarioAt } from './calibrate.ts';

/** One run to make: a scenario at a seed and replicate. */
export interface RunTask {
  scenario: Scenario;
  seed: number;
  replicate: number;
  /** Keep each quarter around activation (event-study targets). */
  quarterly?: boolean;
  /** Households the simulated survey interviews (stated-intention targets; 0 for none). */
  surveyHouseholds?: number;
}

/**
 * Outputs no target names, whose posterior predictive the ABC report shows beside the targets'
 * (what the calibrated model then says about the policy effects it was not fitted to).
 */
const UNTARGETED_OUTPUTS = [
  'change.j0.latino.reportedShare',
  'change.j0.latino.cooperationRate',
  'j0.latinoNoncitizen.after.violentVictimisationPer1000',
  'j0.all.after.clearanceRate',
];

/** The key of a target's statistic: its set and id. */
export const targetStat = (set: TargetSet, id: string) => `${set.id}/${id}`;

/**
 * The distance of parameter sets from target sets, for the ABC sampler: each point runs `replicates`
 * replicates of its own (proposal n uses replicates n·R to n·R + R − 1, so no two proposals share
 * noise and a synthetic truth made on far replicates is never reused), with its no-agreement twin on
 * the same replicates when a target is paired. The distance is the root mean square of each target's
 * (simulated mean − published value) / half its band (the calibration loss per target), so 1 means
 * "on average at the edge of the bands". Every batch of points is one batch of runs on the pool.
 */
export function modelDistance(o: {
  base: Record<string, unknown>;
  params: CalibrationParam[];
  targets: TargetSet[];
  seed: number;
  replicates: number;
  run: (tasks: RunTask[]) => Promise<RunSummary[]>;
  outputs?: readonly string[];
}): AbcEvaluate {
  const R = o.replicates;
  return async (points, indices) => {
    const scenarios = points.map((x) => scenarioAt(o.base, o.params, x));
    // The parameters searched never change which jurisdictions have an agreement, so one point decides.
    const paired = scenarios.length > 0 && o.targets.some((t) => needsTwin(t, scenarios[0]));
    const needs = runNeeds(o.targets);
    const tasks = scenarios.flatMap((scenario, i) => {
      const replicates = Array.from({ length: R }, (_, r) => indices[i] * R + r);
      const own = replicates.map((replicate) => ({ scenario, seed: o.seed, replicate, ...needs }));
      const twin = paired ? twinScenario(scenario) : undefined;
      return twin ? [...own, ...replicates.map((replicate) => ({ scenario: twin, seed: o.seed, replicate, ...needs }))] : own;
    });
    const summaries = await o.run(tasks);
    const per = paired ? 2 * R : R;
    return scenarios.map((scenario, i) => {
      const mine = summaries.slice(i * per, i * per + R);
      const twins = paired ? summaries.slice(i * per + R, (i + 1) * per) : undefined;
      const reports = o.targets.map((t) => fitReport(t, scenario, mine, twins));
      const applicable = reports.reduce((a, r) => a + r.score.applicable, 0);
      const stats: Record<string, number | null> = {};
      reports.forEach((r, s) => {
        for (const t of r.results) stats[targetStat(o.targets[s], t.id)] = t.simulated?.mean ?? null;
      });
      for (const out of o.outputs ?? UNTARGETED_OUTPUTS) stats[out] = readOutput(out, mine);
      return { distance: applicable > 0 ? Math.sqrt(loss(reports) / applicable) : Number.POSITIVE_INFINITY, stats };
    });
  };
}
