import type { RunSummary } from '../engine/index.ts';
import { fitReport, needsTwin, runNeeds } from '../evidence/fit.ts';
import type { TargetSet } from '../evidence/schema.ts';
import { twinScenario } from '../evidence/twin.ts';
import type { Scenario } from '../scenario/index.ts';
import { POLICY_EFFECT_OUTPUTS, readOutput } from '../report/outputs.ts';
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
const UNTARGETED_OUTPUTS = POLICY_EFFECT_OUTPUTS;

/** The key of a target's statistic: its set and id. */
export const targetStat = (set: TargetSet, id: string) => `${set.id}/${id}`;

/**
 * The distance of parameter sets from target sets, for the ABC sampler: each point runs `replicates`
 * replicates of its own (proposal n uses replicates n·R to n·R + R − 1, so no two proposals share
 * noise and a synthetic truth made on far replicates is never reused), with its no-agreement twin on
 * the same replicates when a target is paired. The distance is the root mean square of each target's
 * (simulated mean − published value) / half its band (the calibration loss per target), so 1 means
 * "on average at the edge of the bands". A batch of points runs on the pool in chunks of at most
 * CHUNK_TASKS runs.
 */
export function modelDistance(o: {
  base: Record<string, unknown>;
  params: CalibrationParam[];
  targets: TargetSet[];
  seed: number;
  replicates: number;
  /** Runs a chunk of tasks; `at` says where the chunk sits in the whole batch (for progress). */
  run: (tasks: RunTask[], at: { before: number; total: number }) => Promise<RunSummary[]>;
  outputs?: readonly string[];
}): AbcEvaluate {
  const R = o.replicates;
  return async (points, indices) => {
    if (points.length === 0) return [];
    // The parameters searched never change which jurisdictions have an agreement, so one point decides.
    const paired = o.targets.some((t) => needsTwin(t, scenarioAt(o.base, o.params, points[0])));
    const needs = runNeeds(o.targets);
    const per = paired ? 2 * R : R;
    // A batch is run a chunk of points at a time and each chunk's summaries are reduced to distances
    // before the next, so memory stays bounded however many particles × replicates a batch holds.
    const chunk = Math.max(1, Math.floor(CHUNK_TASKS / per));
    const total = points.length * per;
    const out: { distance: number; stats: Record<string, number | null> }[] = [];
    for (let from = 0; from < points.length; from += chunk) {
      const scenarios = points.slice(from, from + chunk).map((x) => scenarioAt(o.base, o.params, x));
      const tasks = scenarios.flatMap((scenario, i) => {
        const replicates = Array.from({ length: R }, (_, r) => indices[from + i] * R + r);
        const own = replicates.map((replicate) => ({ scenario, seed: o.seed, replicate, ...needs }));
        const twin = paired ? twinScenario(scenario) : undefined;
        return twin ? [...own, ...replicates.map((replicate) => ({ scenario: twin, seed: o.seed, replicate, ...needs }))] : own;
      });
      const summaries = await o.run(tasks, { before: from * per, total });
      scenarios.forEach((scenario, i) => {
        const mine = summaries.slice(i * per, i * per + R);
        const twins = paired ? summaries.slice(i * per + R, (i + 1) * per) : undefined;
        out.push(distanceOf(o, scenario, mine, twins));
      });
    }
    return out;
  };
}

/** The most runs whose summaries one chunk of a batch holds in memory at once. */
const CHUNK_TASKS = 4096;

function distanceOf(
  o: { targets: TargetSet[]; outputs?: readonly string[] },
  scenario: Scenario,
  mine: RunSummary[],
  twins: RunSummary[] | undefined,
): { distance: number; stats: Record<string, number | null> } {
  const reports = o.targets.map((t) => fitReport(t, scenario, mine, twins));
  const applicable = reports.reduce((a, r) => a + r.score.applicable, 0);
  const stats: Record<string, number | null> = {};
  reports.forEach((r, s) => {
    for (const t of r.results) stats[targetStat(o.targets[s], t.id)] = t.simulated?.mean ?? null;
  });
  for (const out of o.outputs ?? UNTARGETED_OUTPUTS) stats[out] = readOutput(out, mine);
  return { distance: applicable > 0 ? Math.sqrt(loss(reports) / applicable) : Number.POSITIVE_INFINITY, stats };
}
