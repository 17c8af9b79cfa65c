import type { RunSummary } from '../engine/index.ts';
import { fitReport, needsTwin, type FitReport } from '../evidence/fit.ts';
import { twinScenario } from '../evidence/twin.ts';
import type { TargetSet } from '../evidence/schema.ts';
import { resolveScenario, schemaNodeAt, type Scenario, type SchemaNode } from '../scenario/index.ts';
import { getAt, parsePath, setAt } from '../scenario/paths.ts';
import { converged, initialSimplex, nelderMeadStep, type SimplexState } from './nelder-mead.ts';

/** A parameter to calibrate, searched within [min, max]. */
export interface CalibrationParam {
  path: string;
  min: number;
  max: number;
  integer: boolean;
  /**
   * A structural factor (sensitivity only): the values it takes, each on an equal slice of [0, 1] (an
   * on/off switch, a choice's values, or a mechanism's strength 0 against the scenario's own value,
   * written null). min and max then number the levels, 0 to levels − 1.
   */
  levels?: (boolean | number | string | null)[];
}

/** How a parameter is asked for: a field, an optional range, or `switch` (a mechanism off, strength 0, against on as in the scenario). */
export interface ParamSpec {
  path: string;
  min?: number;
  max?: number;
  switch?: boolean;
}

/** Runs replicates of each scenario and returns their summaries (CLI: worker threads; browser: Workers). */
export type Evaluate = (scenario: Scenario) => Promise<RunSummary[]>;

/** Everything needed to continue a calibration later: saved after every iteration. */
export interface CalibrationState {
  format: 'trustfall-calibration';
  version: 1;
  params: CalibrationParam[];
  targetSets: string[];
  replicates: number;
  seed: number;
  simplex: SimplexState;
  /** Every evaluation so far, in order: the point (0–1 per parameter) and its loss. */
  history: { x: number[]; loss: number }[];
}

/**
 * The loss of a fit: for each target that applies, ((simulated mean − published value) / half the band)²,
 * capped at 100 so one wild target cannot swamp the rest; a target with no simulated value costs 100.
 * Inside its band a target costs at most 1. A bound (`bound: true`) costs nothing inside its band and
 * (distance beyond the nearer edge / half the band)² outside it: its value is where the band ends, not
 * an estimate to pull toward.
 */
export function loss(reports: FitReport[]): number {
  let total = 0;
  for (const r of reports) {
    for (const t of r.results) {
      if (t.simulated === null) continue;
      const mean = t.simulated.mean;
      const half = Math.max((t.band[1] - t.band[0]) / 2, 1e-9);
      const off = mean === null ? 0 : t.bound ? Math.max(t.band[0] - mean, mean - t.band[1], 0) : mean - t.value;
      total += mean === null ? 100 : Math.min(100, (off / half) ** 2);
    }
  }
  return total;
}

/**
 * Checks that each path names a numeric scenario field and fills its range from the schema when not
 * given. With `factors` (sensitivity analysis), on/off fields, choices and `switch` specs are accepted as
 * structural factors with levels; calibration tunes numbers only.
 */
export function resolveParams(specs: ParamSpec[], factors = false): CalibrationParam[] {
  return specs.map((p) => {
    const node = schemaNodeAt(parsePath(p.path));
    const factor = factorLevels(p, node);
    if (factor) {
      if (!factors) throw new Error(`--params: ${p.path} is ${factor.what}: sensitivity can vary it as a structural factor, calibrate tunes numbers only`);
      if (p.min !== undefined || p.max !== undefined) throw new Error(`--params: ${p.path} is ${factor.what} and takes no range`);
      return { path: p.path, min: 0, max: factor.levels.length - 1, integer: true, levels: factor.levels };
    }
    if (!node || (node.type !== 'number' && node.type !== 'integer')) throw new Error(`--params: ${p.path} is not a numeric scenario field (see sim params)`);
    const min = p.min ?? node.minimum;
    const max = p.max ?? node.maximum;
    if (min === undefined || max === undefined || !(min < max)) throw new Error(`--params: ${p.path} needs a range with min below max`);
    if ((node.minimum !== undefined && min < node.minimum) || (node.maximum !== undefined && max > node.maximum))
      throw new Error(`--params: range ${min} to ${max} for ${p.path} leaves the allowed ${node.minimum} to ${node.maximum}`);
    return { path: p.path, min, max, integer: node.type === 'integer' };
  });
}

/** The levels of a structural factor, or undefined for a number to vary across a range. */
function factorLevels(p: ParamSpec, node: SchemaNode | undefined): { what: string; levels: (boolean | number | string | null)[] } | undefined {
  if (p.switch) {
    if (!node || (node.type !== 'number' && node.type !== 'integer') || (node.minimum ?? 0) > 0)
      throw new Error(`--params: ${p.path}:switch needs a numeric field that can be 0 (a mechanism's strength)`);
    // null: the field as the scenario has it (the mechanism on).
    return { what: 'a mechanism switched off (0) or on (as in the scenario)', levels: [0, null] };
  }
  if (node?.type === 'boolean') return { what: 'an on/off switch', levels: [false, true] };
  if (Array.isArray(node?.enum) && node.enum.length > 1) return { what: `a choice (${node.enum.join(', ')})`, levels: node.enum as string[] };
  return undefined;
}

/** A factor's level at coordinate x in [0, 1]: equal slices, the last one closed. */
function levelAt(levels: readonly unknown[], x: number): number {
  return Math.min(levels.length - 1, Math.floor(x * levels.length));
}

/** Parameters whose field the scenario does not have (e.g. a fourth jurisdiction of a one-county scenario), as messages. */
export function missingParams(base: Scenario, params: CalibrationParam[]): string[] {
  return params
    .filter((p) => getAt(base, parsePath(p.path)) === undefined)
    .map(
      (p) =>
        `${p.path}: the scenario has no such field${/^jurisdictions\[/.test(p.path) ? ` (it has ${base.jurisdictions.length} jurisdiction${base.jurisdictions.length > 1 ? 's' : ''}, from [0])` : ''}`,
    );
}

/** The scenario with the parameters set to point x (each coordinate 0–1 across its range). */
export function scenarioAt(base: Record<string, unknown>, params: CalibrationParam[], x: number[], source = 'calibration point'): Scenario {
  let s: Record<string, unknown> = base;
  params.forEach((p, i) => {
    if (p.levels) {
      const level = p.levels[levelAt(p.levels, x[i])];
      if (level !== null) s = setAt(s, parsePath(p.path), level);
      return;
    }
    let v = p.min + x[i] * (p.max - p.min);
    v = p.integer ? Math.round(v) : Number(v.toPrecision(6));
    s = setAt(s, parsePath(p.path), v);
  });
  return resolveScenario(s, source);
}

/** The base scenario's own values of the parameters, as a point in the unit box (the starting point). */
function startingPoint(base: Scenario, params: CalibrationParam[]): number[] {
  return params.map((p) => {
    const v = getAt(base, parsePath(p.path)) as number;
    return Math.min(1, Math.max(0, (v - p.min) / (p.max - p.min)));
  });
}

export interface CalibrationProgress {
  iteration: number;
  evaluations: number;
  bestLoss: number;
  state: CalibrationState;
}

/**
 * Nelder–Mead over the parameters' ranges, minimising the loss against the target sets. Every
 * evaluation runs the same replicate seeds (common random numbers), so the loss is a deterministic
 * function of the parameters and the simplex method applies. Stops at convergence, at the budget of
 * evaluations, or when `shouldStop` says so; each iteration's state can be saved and resumed.
 */
export async function calibrate(opts: {
  base: Record<string, unknown>;
  params: CalibrationParam[];
  targets: TargetSet[];
  evaluate: Evaluate;
  budget: number;
  resume?: CalibrationState;
  seed: number;
  replicates: number;
  onProgress?: (p: CalibrationProgress) => void | Promise<void>;
  shouldStop?: () => boolean;
}): Promise<{ state: CalibrationState; best: Scenario; report: FitReport[]; bestLoss: number; stopped: 'converged' | 'budget' | 'stopped' }> {
  const history: { x: number[]; loss: number }[] = opts.resume ? [...opts.resume.history] : [];
  // Paired targets compare each point with its own no-agreement twin (same seeds).
  const reportsAt = async (scenario: Scenario): Promise<FitReport[]> => {
    const summaries = await opts.evaluate(scenario);
    const twins = opts.targets.some((t) => needsTwin(t, scenario)) ? await opts.evaluate(twinScenario(scenario)) : undefined;
    return opts.targets.map((t) => fitReport(t, scenario, summaries, twins));
  };
  const cache = new Map(history.map((h) => [key(h.x), h.loss]));
  /** This session's fit reports by point, so the best point's report needs no run of its own. */
  const reports = new Map<string, FitReport[]>();
  const f = async (x: number[]) => {
    const k = key(x);
    const known = cache.get(k);
    if (known !== undefined) return known;
    // A stop request is honoured before the next evaluation, not at the end of the iteration.
    if (opts.shouldStop?.()) throw STOP;
    const scenario = scenarioAt(opts.base, opts.params, x);
    const r = await reportsAt(scenario);
    const value = loss(r);
    cache.set(k, value);
    reports.set(k, r);
    history.push({ x, loss: value });
    return value;
  };
  const stateOf = (simplex: SimplexState): CalibrationState => ({
    format: 'trustfall-calibration',
    version: 1,
    params: opts.params,
    targetSets: opts.targets.map((t) => t.id),
    replicates: opts.replicates,
    seed: opts.seed,
    simplex,
    history,
  });
  let simplex: SimplexState | undefined = opts.resume?.simplex;
  let stopped: 'converged' | 'budget' | 'stopped' = 'budget';
  try {
    simplex ??= await initialSimplex(f, startingPoint(resolveScenario(opts.base), opts.params));
  } catch (e) {
    if (e !== STOP) throw e;
    stopped = 'stopped';
  }
  while (simplex && stopped !== 'stopped') {
    await opts.onProgress?.({ iteration: simplex.iterations, evaluations: history.length, bestLoss: simplex.values[0], state: stateOf(simplex) });
    if (converged(simplex, 2e-3, 1e-4)) {
      stopped = 'converged';
      break;
    }
    if (history.length >= opts.budget) break;
    if (opts.shouldStop?.()) {
      stopped = 'stopped';
      break;
    }
    try {
      simplex = await nelderMeadStep(f, simplex);
    } catch (e) {
      if (e !== STOP) throw e;
      stopped = 'stopped';
    }
  }
  // Stopped before the first simplex was complete: the best point evaluated so far stands in for it.
  if (!simplex) {
    const ranked = [...history].sort((a, b) => a.loss - b.loss);
    const x = ranked[0]?.x ?? startingPoint(resolveScenario(opts.base), opts.params);
    simplex = { points: [x], values: [ranked[0]?.loss ?? Number.POSITIVE_INFINITY], iterations: 0, evaluations: history.length };
  }
  const bestX = simplex.points[0];
  const best = scenarioAt(opts.base, opts.params, bestX);
  const report = reports.get(key(bestX)) ?? (await reportsAt(best));
  return { state: stateOf(simplex), best, report, bestLoss: simplex.values[0], stopped };
}

/** Thrown inside the objective to stop a search between evaluations. */
const STOP = Symbol('stop');

function key(x: number[]): string {
  return x.map((v) => v.toFixed(9)).join(',');
}
