import { describeAllowed, formatPath, resolveScenario, schemaNodeAt, ScenarioError, type Scenario } from '../scenario/index.ts';
import { stream } from '../engine/rng.ts';
import { parsePath as parseFieldPath, setAt, type Path } from '../scenario/paths.ts';
import type { Sweep, SweepParameter } from './schema.ts';

export type Value = number | boolean | string;

/** A sweep made concrete: every point's parameter values and scenario, in run order. */
export interface SweepPlan {
  points: { values: Value[]; scenario: Scenario }[];
  /** Runs are numbered point by point, replicate by replicate: run = point × replicates + replicate. */
  runs: number;
}

/** A field path as a list; a badly written one is a sweep problem. */
export function parsePath(path: string): Path {
  try {
    return parseFieldPath(path);
  } catch (e) {
    throw new SweepError([`parameters: ${(e as Error).message}`]);
  }
}

/** A sweep that cannot run, with one line per problem. */
export class SweepError extends Error {
  constructor(readonly problems: string[]) {
    super(`not a valid sweep:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SweepError';
  }
}

/**
 * Checks each parameter against the scenario schema and the budget, and lists every point. Nothing runs
 * until the whole plan is known to be valid.
 */
export function planSweep(sweep: Sweep, base: Record<string, unknown>): SweepPlan {
  const problems: string[] = [];
  sweep.parameters.forEach((p, i) => problems.push(...checkParameter(p, i, sweep.design)));
  if (sweep.design === 'latinHypercube' && !sweep.samples) problems.push('samples: a Latin hypercube needs the number of points to sample');
  const seen = new Map<string, number>();
  sweep.parameters.forEach((p, i) => {
    const key = canonicalPath(p.path);
    if (seen.has(key)) problems.push(`parameters[${i}] (${p.path}): the same field as parameters[${seen.get(key)}]; vary each field once`);
    else seen.set(key, i);
  });
  if (problems.length) throw new SweepError(problems);
  // Counted before any point is made, so a huge grid is refused without filling memory.
  const count = sweep.design === 'grid' ? sweep.parameters.reduce((a, p) => a * rangeCount(p), 1) : sweep.samples!;
  const runs = count * sweep.replicates;
  if (runs > sweep.maxRuns) {
    throw new SweepError([
      `${count} points × ${sweep.replicates} replicates = ${runs} runs, more than maxRuns (${sweep.maxRuns}); raise maxRuns, or fewer values or replicates`,
    ]);
  }
  const columns = sweep.design === 'grid' ? gridPoints(sweep.parameters) : hypercubePoints(sweep, count);
  const points = columns.map((values, k) => {
    let s: Record<string, unknown> = structuredClone(base);
    sweep.parameters.forEach((p, i) => (s = setAt(s, parsePath(p.path), values[i])));
    try {
      return { values, scenario: resolveScenario(s, `point ${k}`) };
    } catch (e) {
      if (e instanceof ScenarioError)
        throw new SweepError(
          e.problems.map((x) => `point ${k} (${sweep.parameters.map((p, i) => `${p.path}=${JSON.stringify(values[i])}`).join(', ')}): ${x}`),
        );
      throw e;
    }
  });
  return { points, runs };
}

function checkParameter(p: SweepParameter, i: number, design: Sweep['design']): string[] {
  const where = `parameters[${i}] (${p.path})`;
  let path: (string | number)[];
  try {
    path = parsePath(p.path);
  } catch (e) {
    return (e as SweepError).problems;
  }
  const field = formatPath(path);
  // The sweep sets these itself (seeds per replicate, replicates from the sweep file): a value would do nothing.
  if (field === 'run.seed' || field === 'run.replicates') return [`${where}: ${field} cannot be varied; the sweep's seed and replicates set it`];
  const node = schemaNodeAt(path);
  if (!node || node.properties || node.items)
    return [`${where}: unknown parameter path; it must name one scenario field, as listed by \`sim params\` (with [0] for a jurisdiction)`];
  const hasValues = p.values !== undefined;
  const hasRange = p.min !== undefined || p.max !== undefined;
  if (hasValues && hasRange) return [`${where}: give either values or min and max, not both`];
  if (hasValues && p.values!.length === 0) return [`${where}: empty list of values`];
  if (!hasValues && !hasRange) return [`${where}: give values, or min and max`];
  if (hasRange) {
    if (p.min === undefined || p.max === undefined) return [`${where}: a range needs both min and max`];
    if (!(p.min < p.max)) return [`${where}: empty range (min ${p.min} is not below max ${p.max})`];
    if (node.type !== 'number' && node.type !== 'integer')
      return [`${where}: a range needs a numeric field; ${formatPath(path)} takes ${describeAllowed(node)}`];
    if ((node.minimum !== undefined && p.min < node.minimum) || (node.maximum !== undefined && p.max > node.maximum))
      return [`${where}: range ${p.min} to ${p.max} leaves the allowed ${describeAllowed(node)}`];
    if (design === 'grid' && !p.steps) return [`${where}: a grid over a range needs steps (the number of points from min to max)`];
  }
  return [];
}

/** How many values a parameter takes in a grid. */
function rangeCount(p: SweepParameter): number {
  return p.values ? p.values.length : p.steps!;
}

function rangeValues(p: SweepParameter): Value[] {
  if (p.values) return p.values;
  const n = p.steps!;
  return Array.from({ length: n }, (_, k) => p.min! + ((p.max! - p.min!) * k) / (n - 1));
}

/** Every combination, the first parameter varying slowest. */
function gridPoints(params: SweepParameter[]): Value[][] {
  let points: Value[][] = [[]];
  for (const p of params) points = points.flatMap((pt) => rangeValues(p).map((v) => [...pt, v]));
  return points.map((pt) => pt.map((v, i) => roundForField(params[i], v)));
}

/** Latin hypercube: each parameter's range cut into `n` strata, each stratum used once, in a seeded order. */
function hypercubePoints(sweep: Sweep, n: number): Value[][] {
  const u = stream(sweep.seed, 0, 'sweep/latin-hypercube');
  const columns = sweep.parameters.map((p) => {
    const order = Array.from({ length: n }, (_, k) => k);
    for (let k = n - 1; k > 0; k--) {
      const j = Math.floor(u() * (k + 1));
      [order[k], order[j]] = [order[j], order[k]];
    }
    return order.map((stratum) => {
      if (p.values) return p.values[Math.floor((stratum * p.values.length) / n)];
      return roundForField(p, p.min! + ((stratum + u()) / n) * (p.max! - p.min!));
    });
  });
  return Array.from({ length: n }, (_, k) => columns.map((c) => c[k]));
}

function roundForField(p: SweepParameter, v: Value): Value {
  const node = schemaNodeAt(parsePath(p.path));
  if (typeof v === 'number') return node?.type === 'integer' ? Math.round(v) : Number(v.toPrecision(12));
  return v;
}

/** A path written one way, so `jurisdictions[00]` and `jurisdictions[0]` are seen as one field; as given when it does not parse. */
function canonicalPath(text: string): string {
  try {
    return formatPath(parseFieldPath(text.trim()));
  } catch {
    return text.replace(/\s+/g, '');
  }
}
