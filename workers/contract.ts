/**
 * The one boundary between the page and the engine's Worker: plain data in and out. Frames and
 * layouts carry typed arrays that cross as transferred buffers, not copies.
 */
import type {
  Frame,
  Layout,
  ReplicateResult,
  ViewMeasure,
  WindowLayout,
  ReplicateTask,
  ResidentInfo,
  RunSummary,
  SeriesSelection,
  WeeklySeries,
} from '../src/engine/index.ts';
import { CHART_SPANS, LINE_GROUPS } from '../src/report/live-charts.ts';
import type { Scenario } from '../src/scenario/index.ts';
import type { LifelineKind } from './lifeline.ts';

/** Identifies a run well enough to reproduce it. */
export interface Manifest {
  engineVersion: string;
  scenarioHash: string;
  seed: number;
}

export type CreateResult =
  | { ok: true; scenario: Scenario; manifest: Manifest; layout: Layout; days: number; activationDay: number; frame: Frame }
  | { ok: false; problems: string[] };

/**
 * The result of advancing or seeking: the new day, a frame to draw, and the weeks that closed meanwhile
 * (after a seek: every finished week up to the day, replacing what the page held).
 */
export interface Tick {
  day: number;
  done: boolean;
  frame: Frame;
  weeks: WeeklySeries;
  /** True when `weeks` is the whole series so far (a seek), not the weeks since the last tick. */
  replaceWeeks: boolean;
  /** The furthest day simulated: the timeline can be scrubbed from 0 to here. */
  furthest: number;
  /** Memory held by the timeline's snapshots, and their spacing in days. */
  snapshots: { count: number; bytes: number; every: number };
}

export interface EngineApi {
  /** Validates the scenario, builds the world and runs its burn-in; progress in [0, 1]. */
  create(input: unknown, seed: number, onProgress?: (share: number) => void): Promise<CreateResult>;
  /** Steps up to `days` days (stops at the end) and returns what to draw. */
  advance(days: number): Promise<Tick>;
  /**
   * Takes the run to `day` (0 to the furthest day simulated; later days are run): from the nearest
   * snapshot before it, so the town, the series and the inspector show that day, and playing on gives
   * exactly the run that never went back.
   */
  seek(day: number): Promise<Tick>;
  /** Rebuilds the same scenario and seed from day 0. */
  reset(): Promise<CreateResult>;
  /**
   * In a county drawn by neighbourhood: the residents of these neighbourhoods (the view zoomed in) are
   * drawn one by one from now on, and frames carry their state. An empty list ends the window. Refused
   * (with the count) beyond RESIDENT_DRAW_LIMIT residents.
   */
  setWindow(cells: number[]): Promise<WindowLayout | { tooMany: number } | null>;
  /** A frame of the day the run stands on (after a new window or measure, while paused). */
  frameNow(): Promise<Frame>;
  /** What frames colour residents by from now on (trust, its change since activation, fear, reporting). */
  setViewMeasure(measure: ViewMeasure): Promise<void>;
  /** Summary of the days run so far, by jurisdiction, group and period. */
  summary(): Promise<RunSummary>;
  /** The whole weekly series so far. */
  weekly(): Promise<WeeklySeries>;
  inspect(resident: number): Promise<ResidentInfo>;
  /** Runs one replicate to the end, independent of the loaded run (for the pool of the compare view). */
  runTask(task: ReplicateTask): Promise<ReplicateResult>;
  /**
   * Takes the lifeline `name` (a Web Lock, or an IndexedDB connection where there are none) and holds
   * it for as long as the Worker lives; resolves once it is held. A Worker that ends (terminated,
   * closed, crashed) lets go of it, which is how the page learns of it (workers/lifeline.ts).
   */
  holdLifeline(name: string, kind: LifelineKind): Promise<void>;
}

/** The weekly series each tick carries: the live charts' metrics and lines (the rest is asked for on export). */
export const TICK_SERIES: SeriesSelection = { groups: [...LINE_GROUPS], metrics: CHART_SPANS.map(([key]) => key) };
