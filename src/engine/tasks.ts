import type { Scenario } from '../scenario/schema.ts';
import { createWorld } from './create/create-world.ts';
import { runSurvey, type SurveyResult } from './lenses/survey.ts';
import { summarise, weeklySeries, type RunSummary, type WeeklySeries } from './metrics/summary.ts';
import { runToEnd } from './pipeline.ts';

/** One replicate of one scenario: the unit of work a pool of workers shares out. Plain data. */
export interface ReplicateTask {
  scenario: Scenario;
  seed: number;
  replicate: number;
  /** Households the simulated survey interviews per jurisdiction and period (0: no survey). */
  surveyHouseholds?: number;
  /** Keep the weekly series (for time-series bands). */
  weekly?: boolean;
}

export interface ReplicateResult {
  replicate: number;
  summary: RunSummary;
  weekly?: WeeklySeries;
  survey?: SurveyResult;
}

/** Runs a replicate to its end. Depends only on the task, so any worker gives the same result. */
export function runTask(t: ReplicateTask): ReplicateResult {
  const w = createWorld(t.scenario, t.seed, t.replicate);
  runToEnd(w);
  return {
    replicate: t.replicate,
    summary: summarise(w),
    weekly: t.weekly ? weeklySeries(w) : undefined,
    survey: t.surveyHouseholds ? runSurvey(w, t.surveyHouseholds) : undefined,
  };
}
