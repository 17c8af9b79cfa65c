import type { Scenario } from '../scenario/schema.ts';
import { createWorld } from './create/create-world.ts';
import { runSurvey, type SurveyResult } from './lenses/survey.ts';
import { summarise, weeklySeries, type RunSummary, type WeeklySeries } from './metrics/summary.ts';
import { runToEnd } from './pipeline.ts';
import { quarterlySeries } from './metrics/quarters.ts';

/** One replicate of one scenario: the unit of work a pool of workers shares out. Plain data. */
export interface ReplicateTask {
  scenario: Scenario;
  seed: number;
  replicate: number;
  /** Households the simulated survey interviews per jurisdiction and period (0: no survey). */
  surveyHouseholds?: number;
  /** Keep the weekly series (for time-series bands). */
  weekly?: boolean;
  /** Add each quarter around activation to the summary (for event-study targets). */
  quarterly?: boolean;
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
  const summary = summarise(w);
  if (t.quarterly) summary.quarters = quarterlySeries(w);
  const survey = t.surveyHouseholds ? runSurvey(w, t.surveyHouseholds) : undefined;
  if (survey) summary.survey = survey;
  return { replicate: t.replicate, summary, weekly: t.weekly ? weeklySeries(w) : undefined, survey };
}
