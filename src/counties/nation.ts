import { estimate, type Estimate, type ReplicateResult } from '../engine/index.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { resolveScenario, type Scenario } from '../scenario/index.ts';
import type { Agreement, County, CountyFile } from './record.ts';
import { inForce, scenarioFromCounty } from './to-scenario.ts';

/**
 * The national run: every county of the chosen states with the agreement in force on the day, each run
 * beside its no-agreement twin (same seeds) at one scale, and the paired differences added up by county
 * and for the whole. A county without an agreement is not run: its twin is itself, so its difference
 * is zero by construction (counties are run one at a time, so no spillover across county lines reaches
 * it; statewide agreements are not modelled). Sharded by state, shards merge into exactly the unsharded
 * report, because every total is recomputed from the counties' per-replicate differences in FIPS order.
 */

export interface NationOptions {
  scale: number;
  asOf: string;
  seed: number;
  replicates: number;
  /** Postal codes; all 50 states and DC when absent. */
  states?: readonly string[];
  /** The K-th of N slices of the states (sorted by postal code, every N-th to a slice). */
  shard?: { k: number; n: number };
}

export interface NationCountyPlan {
  county: County;
  /** The agreement the county runs (see inForce). */
  agreement: Agreement;
  /** One simulated resident for this many real ones. */
  scale: number;
  scenario: Scenario;
  /** The same county with no agreement: the twin the policy's effect is measured against. */
  twin: Scenario;
}

export interface NationPlan {
  states: string[];
  treated: NationCountyPlan[];
  /** Counties of those states without an agreement on the day, and their Latino residents (real people). */
  untreatedCounties: number;
  untreatedLatinoPeople: number;
}

/** The states a run (or one shard of it) covers, and the counties in them with an agreement to run. */
export function nationPlan(file: CountyFile, o: NationOptions): NationPlan {
  const known = [...new Set(file.counties.map((c) => c.state))].sort();
  for (const s of o.states ?? []) if (!known.includes(s)) throw new RangeError(`--states: ${JSON.stringify(s)} is not the postal code of a state or DC`);
  const chosen = known.filter((s) => !o.states || o.states.includes(s));
  const states = o.shard ? chosen.filter((_, i) => i % o.shard!.n === o.shard!.k - 1) : chosen;
  const plan: NationPlan = { states, treated: [], untreatedCounties: 0, untreatedLatinoPeople: 0 };
  for (const county of file.counties) {
    if (!states.includes(county.state)) continue;
    const agreement = inForce(county, o.asOf);
    if (!agreement) {
      plan.untreatedCounties++;
      plan.untreatedLatinoPeople += latinoPeople(county);
      continue;
    }
    const built = scenarioFromCounty(file, county, { scale: o.scale, asOf: o.asOf }).scenario;
    const scenario = resolveScenario({ ...built, run: { ...built.run, seed: o.seed, replicates: o.replicates } }, county.name);
    const twin = { ...scenario, jurisdictions: scenario.jurisdictions.map((j) => ({ ...j, policy: { ...j.policy, model: 'none' as const } })) };
    plan.treated.push({ county, agreement, scale: o.scale, scenario, twin });
  }
  return plan;
}

/** What a county's agreement changed, against its twin: per replicate, and over replicates. */
export interface NationCountyResult {
  fips: string;
  name: string;
  state: string;
  model: string;
  agency: string;
  signed: string;
  /** Residents simulated (the county's household population at the scale). */
  residents: number;
  /** Latino residents of the county (real people), the weight of its reporting and victimisation changes. */
  latinoPeople: number;
  /** Latino victims' share of crimes reported, after activation: policy minus twin (0–1; null where no crime befell a Latino resident). */
  reporting: (number | null)[];
  /** Violent and property victimisations of Latino residents per 1,000 a year, after activation: policy minus twin. */
  victimisation: (number | null)[];
  /** Removals a year after activation, in real people (the simulated count times the scale): policy minus twin. */
  removals: (number | null)[];
}

export interface NationTotals {
  /** Change in Latino reporting over every Latino resident of the states covered (counties without an agreement count as no change). */
  reportingAll: Estimate;
  /** The same over the Latino residents of counties with an agreement. */
  reportingTreated: Estimate;
  victimisationAll: Estimate;
  victimisationTreated: Estimate;
  /** Added removals a year, in real people. */
  removals: Estimate;
}

export interface NationReport {
  kind: 'trustfall-nation';
  format: 1;
  engineVersion: string;
  listDate: string;
  asOf: string;
  scale: number;
  seed: number;
  replicates: number;
  states: string[];
  shard: { k: number; n: number } | null;
  untreatedCounties: number;
  untreatedLatinoPeople: number;
  counties: (NationCountyResult & { estimates: { reporting: Estimate; victimisation: Estimate; removals: Estimate } })[];
  totals: NationTotals;
}

/** A county's paired differences from its runs (policy and twin, each in replicate order). */
export function countyResult(p: NationCountyPlan, policy: readonly ReplicateResult[], twin: readonly ReplicateResult[]): NationCountyResult {
  const afterYears = (Math.round(p.scenario.run.years * 365) - p.scenario.run.activationDay) / 365;
  const diff = (pick: (r: ReplicateResult) => number | null | undefined) =>
    policy.map((r, i) => {
      const a = pick(r);
      const b = pick(twin[i]);
      return a === null || a === undefined || b === null || b === undefined ? null : asWritten(a - b);
    });
  const latino = (r: ReplicateResult) => r.summary.jurisdictions[0].groups.latino.after;
  return {
    fips: p.county.fips,
    name: p.county.name,
    state: p.county.state,
    model: p.agreement.model,
    agency: p.agreement.agency,
    signed: p.agreement.signed,
    residents: p.scenario.jurisdictions[0].residents,
    latinoPeople: latinoPeople(p.county),
    reporting: diff((r) => latino(r).reportedShare),
    victimisation: diff((r) => latino(r).victimisationPer1000),
    removals: diff((r) => {
      const n = r.summary.jurisdictions[0].groups.all.after.removals;
      return n === null ? null : (n * p.scale) / afterYears;
    }),
  };
}

/** The report over the counties run (in any order) and the untreated ones: per county and in total. */
export function nationReport(
  head: Omit<NationReport, 'kind' | 'format' | 'engineVersion' | 'counties' | 'totals'>,
  results: readonly NationCountyResult[],
): NationReport {
  const counties = [...results].sort((a, b) => a.fips.localeCompare(b.fips));
  const R = head.replicates;
  const weighted = (pick: (c: NationCountyResult) => (number | null)[], withUntreated: boolean) =>
    estimate(
      Array.from({ length: R }, (_, r) => {
        let sum = 0;
        let weight = withUntreated ? head.untreatedLatinoPeople : 0;
        for (const c of counties) {
          const d = pick(c)[r];
          if (d === null || d === undefined) continue;
          sum += c.latinoPeople * d;
          weight += c.latinoPeople;
        }
        return weight > 0 ? sum / weight : null;
      }),
    );
  return {
    kind: 'trustfall-nation',
    format: 1,
    engineVersion: ENGINE_VERSION,
    ...head,
    counties: counties.map((c) => ({
      ...c,
      estimates: { reporting: estimate(c.reporting), victimisation: estimate(c.victimisation), removals: estimate(c.removals) },
    })),
    totals: {
      reportingAll: weighted((c) => c.reporting, true),
      reportingTreated: weighted((c) => c.reporting, false),
      victimisationAll: weighted((c) => c.victimisation, true),
      victimisationTreated: weighted((c) => c.victimisation, false),
      removals: estimate(Array.from({ length: R }, (_, r) => counties.reduce((s, c) => s + (c.removals[r] ?? 0), 0))),
    },
  };
}

/**
 * Joins the reports of shards (disjoint sets of states, the same run otherwise) into the report of the
 * whole, equal to the unsharded run's.
 */
export function mergeNationReports(parts: readonly NationReport[]): NationReport {
  const first = parts[0];
  const same = ['engineVersion', 'listDate', 'asOf', 'scale', 'seed', 'replicates'] as const;
  for (const p of parts) {
    for (const k of same)
      if (p[k] !== first[k]) throw new Error(`the shards differ in ${k} (${JSON.stringify(first[k])} and ${JSON.stringify(p[k])}): they are not one run`);
  }
  const states = parts.flatMap((p) => p.states);
  const twice = states.find((s, i) => states.indexOf(s) !== i);
  if (twice) throw new Error(`${twice} is in more than one shard`);
  // Shards of one split (--shard k/n) must all be there: a merge missing one would report part of the nation as the whole.
  const split = parts.find((p) => p.shard)?.shard;
  if (split) {
    if (parts.some((p) => p.shard?.n !== split.n))
      throw new Error(`the reports are not the shards of one split (every one was made with --shard k/${split.n})`);
    const have = new Set(parts.map((p) => p.shard!.k));
    const missing = Array.from({ length: split.n }, (_, i) => i + 1).filter((k) => !have.has(k));
    if (missing.length) throw new Error(`shard ${missing.map((k) => `${k}/${split.n}`).join(', ')} is missing: merge every shard of the run`);
  }
  const { kind: _k, format: _f, engineVersion: _e, counties: _c, totals: _t, ...head } = first;
  return nationReport(
    {
      ...head,
      states: states.sort(),
      shard: null,
      untreatedCounties: parts.reduce((s, p) => s + p.untreatedCounties, 0),
      untreatedLatinoPeople: parts.reduce((s, p) => s + p.untreatedLatinoPeople, 0),
    },
    parts.flatMap((p) => p.counties.map(({ estimates: _x, ...c }) => c)),
  );
}

/**
 * A difference as the report's JSON writes it (six significant digits): totals are computed from these,
 * so a merge, which reads them back from the shards, computes exactly the unsharded totals.
 */
function asWritten(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(6));
}

function latinoPeople(c: County): number {
  return Math.round(c.population * c.latinoShare);
}
