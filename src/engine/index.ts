/** The engine's public surface: what the CLI, the Worker and the tests use. */
export { createWorld } from './create/create-world.ts';
export { step, stepDays, stepInChunks, stepInChunksAsync, runToEnd } from './pipeline.ts';
export {
  summarise,
  weeklySeries,
  type SeriesSelection,
  type RunSummary,
  type WeeklySeries,
  type JurisdictionResult,
  type PopulationCount,
} from './metrics/summary.ts';
export { isMetricKey, METRICS, metricDef, type MetricDef, type MetricKind, type MetricKey, type MetricValues } from './metrics/definitions.ts';
export { quarterlySeries, EVENT_QUARTERS, type QuarterlySeries } from './metrics/quarters.ts';
export { estimate, aggregateSummaries, averageWeekly, type Estimate, type MetricEstimates } from './metrics/aggregate.ts';
export { runScenario, type RunReport, type RunOptions } from './run.ts';
export { ENGINE_VERSION } from './version.ts';
export type { World } from './world.ts';
export * from '../vocabulary/codes.ts';
export { layout, frame, frameTransferables, RESIDENT_DRAW_LIMIT, type Layout, type Frame } from './view/frame.ts';
export { CELL_MEASURES, VIEW_MEASURES, type CellMeasure, type ViewMeasure } from './view/cell-view.ts';
export { windowLayout, type WindowLayout } from './view/drawn-residents.ts';
export { inspectResident, type ResidentInfo, type TimelineEntry } from './view/inspect.ts';
export { EVENT_KINDS, EV, type EventKind } from './view/event-log.ts';
export { runTask, type ReplicateTask, type ReplicateResult } from './tasks.ts';
export { runSurvey, ratio, SURVEY_GROUPS, type SurveyResult, type SurveyRound, type SurveyEstimate, type SurveyGroup } from './lenses/survey.ts';
export { differenceInDifferences, recordedRate, type DidEstimate, type Measured } from './lenses/did.ts';
export { createTimeline, advanceRecording, seekDay, timelineMemory, type Timeline } from './timeline/timeline.ts';
