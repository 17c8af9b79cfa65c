import { z } from 'zod';
import { isMetricKey, type MetricKey, type RunSummary } from '../engine/index.ts';
import { GROUPS, type Group, PERIODS, type Period } from '../vocabulary/codes.ts';

/**
 * Outputs by name, as sensitivity analyses, calibration reports and sweeps read them (below all three,
 * so none imports another for it): `j0.latino.after.reportedShare` (jurisdiction, group, period, metric)
 * or `change.j0.latino.reportedShare` (after / before − 1). One parser turns a name into a typed
 * reference; everything else works on the reference.
 */
export type OutputRef =
  | { change: false; jurisdiction: number; group: Group; period: Period; metric: MetricKey }
  | { change: true; jurisdiction: number; group: Group; metric: MetricKey };

/** What an output name must look like, for messages. */
const OUTPUT_GRAMMAR = 'j0.latino.after.reportedShare (jurisdiction.group.period.metric) or change.j0.latino.reportedShare (after/before - 1)';

/** An output name, parsed to its reference (the one parser of output names). */
export const OutputName = z.string().transform((name, ctx): OutputRef => {
  const change = name.startsWith('change.');
  const [j, group, ...rest] = (change ? name.slice(7) : name).split('.');
  const period = change ? undefined : rest.shift();
  const metric = rest.join('.');
  const ok =
    /^j\d{1,2}$/.test(j ?? '') &&
    (GROUPS as readonly string[]).includes(group ?? '') &&
    (change || (PERIODS as readonly string[]).includes(period ?? '')) &&
    isMetricKey(metric);
  if (!ok) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(name)} is not an output; write ${OUTPUT_GRAMMAR}` });
    return z.NEVER;
  }
  const base = { jurisdiction: Number(j.slice(1)), group: group as Group, metric: metric as MetricKey };
  return change ? { change: true, ...base } : { change: false, ...base, period: period as Period };
});

/** The reference of an output name, or an Error saying what is wrong with it. */
export function parseOutput(name: string): OutputRef {
  const r = OutputName.safeParse(name);
  if (!r.success) throw new Error(r.error.issues[0].message);
  return r.data;
}

/**
 * What a policy does, as the reports show it beside their own outputs: the change in Latino reporting
 * and cooperation, Latino non-citizens' violent victimisation and the clearance of crime, after.
 */
export const POLICY_EFFECT_OUTPUTS = [
  'change.j0.latino.reportedShare',
  'change.j0.latino.cooperationRate',
  'j0.latinoNoncitizen.after.violentVictimisationPer1000',
  'j0.all.after.clearanceRate',
] as const;
/** A sensitivity analysis's outputs unless told otherwise: the policy's effects and its removals. */
export const DEFAULT_SENSITIVITY_OUTPUTS = [...POLICY_EFFECT_OUTPUTS, 'j0.all.after.removals'] as const;

/** An output's value in one run's summary, or null where the run does not define it. */
function valueIn(ref: OutputRef, s: RunSummary): number | null {
  const g = s.jurisdictions[ref.jurisdiction]?.groups[ref.group];
  if (!g) return null;
  if (!ref.change) return g[ref.period]?.[ref.metric] ?? null;
  const b = g.before[ref.metric];
  const a = g.after[ref.metric];
  return a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b - 1;
}

/** Names parsed so far (a sweep reads the same columns from every run). */
const parsed = new Map<string, OutputRef | null>();

/** An output (by name or reference) read from replicate summaries: the mean where defined, else null. */
export function readOutput(output: string | OutputRef, summaries: RunSummary[]): number | null {
  let ref: OutputRef | null | undefined;
  if (typeof output === 'string') {
    ref = parsed.get(output);
    if (ref === undefined) {
      const r = OutputName.safeParse(output);
      ref = r.success ? r.data : null;
      if (parsed.size < 10_000) parsed.set(output, ref);
    }
    if (ref === null) return null;
  } else ref = output;
  const defined = summaries.map((s) => valueIn(ref, s)).filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
}
