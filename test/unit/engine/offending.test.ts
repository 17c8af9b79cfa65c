import { describe, expect, it } from 'vitest';
import { createWorld, runToEnd, stepDays, summarise, type World } from '../../../src/engine/index.ts';
import { completionChance, OFFENDING_HEADROOM } from '../../../src/engine/systems/offending.ts';
import type { ScenarioInput } from '../../../src/scenario/index.ts';
import { smallScenario } from '../../helpers/small.ts';

/** Student's t quantiles for 1–7 degrees of freedom: 97.5% and 99.5%. */
const T95 = [12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36];
const T99 = [63.66, 9.92, 5.84, 4.6, 4.03, 3.71, 3.5];

/** Mean and interval (95%, or 99% where several cases are checked at once) of a few replicates' values. */
function interval(xs: number[], t = T95): { mean: number; lo: number; hi: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (t[n - 2] * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half };
}

const groupsOf = (w: World) => summarise(w).jurisdictions[0].groups;

/** No immigration enforcement at all, so only the reporting shift differs between the paired worlds. */
const quiet: ScenarioInput = {
  run: { years: 2, activationDay: 100, burnInWeeks: 8 },
  enforcement: { federalArrestsPerYear: 0, federalDetainerProbPriority: 0, federalDetainerProbOther: 0 },
};

/** The same with no case ever cleared: reporting then changes nothing but offenders' choices (no incapacitation). */
function noClearance(over: ScenarioInput): ScenarioInput {
  const none = { clearanceBase: 0, clearancePerWitness: 0 };
  const crime = (over.crime ?? {}) as Record<string, unknown>;
  return {
    ...over,
    crime: { ...crime, types: { simpleAssault: none, aggravatedAssault: none, robbery: none, burglaryTheft: none } },
  };
}

describe('offenders choose a victim, then decide', () => {
  it('the chance of going through follows (learned / reference)^(−elasticity), capped at 1 after the headroom', () => {
    expect(completionChance(0.36, 0.36, 0.79) * OFFENDING_HEADROOM).toBeCloseTo(1, 12);
    expect(completionChance(0.18, 0.36, 0.79) * OFFENDING_HEADROOM).toBeCloseTo(2 ** 0.79, 12);
    expect(completionChance(0.72, 0.36, 0.79) * OFFENDING_HEADROOM).toBeCloseTo(2 ** -0.79, 12);
    expect(completionChance(0.001, 0.36, 0.79)).toBe(1);
    expect(completionChance(0.2, 0.36, 0)).toBeCloseTo(1 / OFFENDING_HEADROOM, 12);
  });

  /** Relative change in each group's victimisation after activation when Latino reporting is lowered, replicate by replicate. */
  function lowerLatinoReporting(over: ScenarioInput, replicates: number): { latino: number[]; nonLatino: number[] } {
    const jur = { residents: 12000, latinoShare: 0.4, gridWidth: 4, gridHeight: 4 };
    const run = { years: 2, activationDay: 100, burnInWeeks: 8 };
    const base = smallScenario({ ...over, run }, jur);
    const lower = smallScenario({ ...over, run, crime: { ...((over.crime ?? {}) as object), latinoReportingShift: -0.7 } }, jur);
    const latino: number[] = [];
    const nonLatino: number[] = [];
    for (let rep = 0; rep < replicates; rep++) {
      const a = createWorld(base, 3, rep);
      const b = createWorld(lower, 3, rep);
      runToEnd(a);
      runToEnd(b);
      const [ga, gb] = [groupsOf(a), groupsOf(b)];
      latino.push(gb.latino.after.victimisationPer1000! / ga.latino.after.victimisationPer1000! - 1);
      nonLatino.push(gb.nonLatino.after.victimisationPer1000! / ga.nonLatino.after.victimisationPer1000! - 1);
    }
    return { latino, nonLatino };
  }

  it('(a) lowering one group\u2019s reporting raises crimes against it and leaves every other group\u2019s victimisation unchanged (offenders\u2019 choices alone)', () => {
    const { latino, nonLatino } = lowerLatinoReporting(noClearance({}), 6);
    const l = interval(latino);
    const o = interval(nonLatino);
    expect(l.lo).toBeGreaterThan(0.3);
    expect(o.lo).toBeLessThanOrEqual(0);
    expect(o.hi).toBeGreaterThanOrEqual(0);
    // Narrow enough that a neighbourhood-wide response (about the Latino share of the Latino rise) would have shown.
    expect(o.hi - o.lo).toBeLessThan(l.mean / 4);
  });

  it('(a) with cases cleared, what spills over is only the incapacitation lost with the reports: a small share of the group\u2019s own rise', () => {
    const { latino, nonLatino } = lowerLatinoReporting({}, 6);
    const l = interval(latino);
    const o = interval(nonLatino);
    // Clearance adds noise (who is caught, and so stays off the street), so the group's own rise is only
    // asked to be clearly positive here; the spill-over is what this test is about.
    expect(l.lo).toBeGreaterThan(0.1);
    expect(o.hi).toBeLessThan(l.lo);
    expect(o.mean).toBeLessThan(l.mean / 5);
  });

  it('(b) the realised elasticity of offending against a victim equals the input, whatever the candidates per crime and the segregation', () => {
    const cases = [
      { elasticity: 0.4, candidates: 3, segregation: 0.5 },
      { elasticity: 0.79, candidates: 3, segregation: 0.5 },
      { elasticity: 1.2, candidates: 3, segregation: 0.5 },
      { elasticity: 0.79, candidates: 1, segregation: 0 },
      { elasticity: 0.79, candidates: 8, segregation: 0.9 },
    ];
    for (const c of cases) {
      const over = (shift: number): ScenarioInput =>
        noClearance({
          ...quiet,
          community: { segregation: c.segregation },
          crime: { reportingElasticity: c.elasticity, candidatesPerCrime: c.candidates, latinoReportingShift: shift },
        });
      const jur = { residents: 16000, latinoShare: 0.5, gridWidth: 4, gridHeight: 4 };
      const realised: number[] = [];
      for (let rep = 0; rep < 6; rep++) {
        const a = createWorld(smallScenario(over(0), jur), 5, rep);
        const b = createWorld(smallScenario(over(-0.7), jur), 5, rep);
        runToEnd(a);
        runToEnd(b);
        const [ga, gb] = [groupsOf(a).latino, groupsOf(b).latino];
        const crimes = Math.log(
          (gb.before.victimisationPer1000! + gb.after.victimisationPer1000!) / (ga.before.victimisationPer1000! + ga.after.victimisationPer1000!),
        );
        const reporting = Math.log((gb.before.expectedReporting! + gb.after.expectedReporting!) / (ga.before.expectedReporting! + ga.after.expectedReporting!));
        realised.push(-crimes / reporting);
      }
      // Five cases at once: each at 99%.
      const r = interval(realised, T99);
      expect(r.lo, JSON.stringify({ ...c, ...r })).toBeLessThanOrEqual(c.elasticity);
      expect(r.hi, JSON.stringify({ ...c, ...r })).toBeGreaterThanOrEqual(c.elasticity);
      expect(r.hi - r.lo, JSON.stringify({ ...c, ...r })).toBeLessThan(0.6);
    }
  });

  it('(c) after reporting recovers, what offenders learned follows it with the documented half-life', () => {
    const countyLearned = (w: World) => w.jurisdictions.seenReported[1] / w.jurisdictions.seenCrimes[1];
    for (const halfLife of [182, 364]) {
      const s = smallScenario(
        { ...quiet, run: { years: 3, activationDay: 100, burnInWeeks: 26 }, crime: { learningHalfLifeDays: halfLife } },
        {
          residents: 16000,
          latinoShare: 0.5,
        },
      );
      const ratios: number[] = [];
      for (let rep = 0; rep < 6; rep++) {
        const w = createWorld(s, 9, rep);
        const twin = createWorld(s, 9, rep);
        stepDays(w, 26 * 7);
        stepDays(twin, 26 * 7);
        // Offenders are made to believe Latino victims report half as often as they do, as after a fall that has now passed.
        for (const a of [w.cells.seenReported, w.jurisdictions.seenReported]) for (let i = 1; i < a.length; i += 2) a[i] /= 2;
        const gap0 = countyLearned(w) - countyLearned(twin);
        stepDays(w, halfLife);
        stepDays(twin, halfLife);
        // Against the twin that learned without the shock, so the drift of what both observe cancels.
        ratios.push((countyLearned(w) - countyLearned(twin)) / gap0);
      }
      // Half the gap is left after one half-life: 0.5 inside the replicates' interval, and the interval
      // narrow enough to tell it from a learning twice as fast (0.25) or twice as slow (0.71).
      const r = interval(ratios);
      expect(r.lo, `half-life ${halfLife}: ${JSON.stringify(r)}`).toBeLessThanOrEqual(0.5);
      expect(r.hi, `half-life ${halfLife}: ${JSON.stringify(r)}`).toBeGreaterThanOrEqual(0.5);
      expect(r.hi - r.lo, `half-life ${halfLife}: ${JSON.stringify(r)}`).toBeLessThan(0.3);
    }
  });
});
