import { describe, expect, it } from 'vitest';
import { createWorld, jurKindOf, runToEnd, stepDays, summarise, type World } from '../../../src/engine/index.ts';
import { C, COUNTERS, TRUST_BINS } from '../../../src/engine/metrics/accumulate.ts';
import type { ScenarioInput } from '../../../src/scenario/index.ts';
import { smallScenario } from '../../helpers/small.ts';

/**
 * Edges of the weekly pass found by mutation testing: trust and fear pushed past 0 and 1 by extreme but
 * valid parameters, trust of exactly 1 in the histogram, the activation day's own snapshot, and the fear
 * target of undocumented residents in mixed-status households.
 */

const small = (over: ScenarioInput, policy: Record<string, unknown> = {}, jurisdiction: Record<string, unknown> = {}) =>
  smallScenario(over, { residents: 1500, gridWidth: 3, gridHeight: 2, ...jurisdiction }, policy);

const range = (a: Float32Array) => a.reduce(([lo, hi], x) => [Math.min(lo, x), Math.max(hi, x)], [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);

/** Every block (jurisdiction × group) of a counter array: its histogram total and its full-snapshot head count. */
function histogramTotals(a: Float64Array, from: number, blocks: number): { hist: number; full: number }[] {
  const out = [];
  for (let b = 0; b < blocks; b++) {
    const at = from + b * COUNTERS;
    let hist = 0;
    for (let k = 0; k < TRUST_BINS; k++) hist += a[at + C.trustHist + k];
    out.push({ hist, full: a[at + C.fullResidents] });
  }
  return out;
}

/** The trust histogram counts each resident of a full snapshot once, in every finished week and both periods (and nothing in other weeks). */
function expectHistogramsWhole(w: World): void {
  const m = w.metrics;
  const blocks = m.week.length / COUNTERS;
  let counted = 0;
  for (let week = 0; week < m.weeksDone; week++)
    for (const { hist, full } of histogramTotals(m.weeks, week * m.week.length, blocks)) {
      expect(hist).toBe(full);
      counted += full;
    }
  for (const period of [0, 1]) for (const { hist, full } of histogramTotals(m.period, period * m.week.length, blocks)) expect(hist).toBe(full);
  expect(counted).toBeGreaterThan(0);
}

describe('the weekly pass at its edges', () => {
  it('trust building on a baseline of 1 pushes trust toward 1.05: it stops at 1, and trust of exactly 1 is in the top bin of the histogram', () => {
    // Guards the clamp of trust at 1, the histogram's last bin for t = 1, and that only full snapshots (once each) fill the histogram.
    const w = createWorld(small({ run: { years: 0.5, activationDay: 28, burnInWeeks: 0 }, trust: { baseline: 1 } }, { model: 'none', trustBuilding: true }));
    runToEnd(w);
    const [lo, hi] = range(w.residents.trust);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBe(1);
    expectHistogramsWhole(w);
  });

  it('a baseline of 0 with belief and cynicism pulls trust targets below 0, and influence from lagging sources pulls fear below its target of 0: both stop at 0', () => {
    // Guards the clamps of trust and fear at 0 (targets below 0 and negative influence are reachable with valid parameters).
    const s = small(
      {
        run: { years: 0.5, activationDay: 28, burnInWeeks: 0 },
        trust: { baseline: 0 },
        fear: { baselineUsBorn: 0, baselineNaturalised: 0, baselineMixedHousehold: 0, driftPerDay: 0, influencePerWeek: 1 },
        entanglement: { fearEffectCitizen: 0, fearEffectNoncitizen: 1, trustEffect: 1 },
      },
      { model: 'jailEnforcement' },
      { latinoShare: 0.5 },
    );
    const w = createWorld(s);
    runToEnd(w);
    const [trustLo] = range(w.residents.trust);
    const [fearLo, fearHi] = range(w.residents.fear);
    expect(trustLo).toBe(0);
    expect(fearLo).toBe(0);
    expect(fearHi).toBeLessThanOrEqual(1);
  });

  it('the snapshot on the activation day itself counts residents whose trust fell more than 0.1 that day', () => {
    // Guards sinceActivation = day >= activation day: day 27 ends week 3, a full snapshot, with no burn-in.
    const w = createWorld(
      small({ run: { years: 1, activationDay: 27, burnInWeeks: 0 }, trust: { stopShock: 0.5 }, policing: { stopsPerOfficerDay: 5 } }, { model: 'none' }),
    );
    stepDays(w, 28);
    expect(w.day).toBe(28);
    const after = summarise(w).jurisdictions[0].groups.all.after;
    // Stops on the day cost half a unit of trust: some of that day's stopped residents fell more than 0.1.
    expect(after.trustFellShare).toBeGreaterThan(0);
  });

  it('undocumented residents of mixed-status households keep their own fear baseline, even when the mixed-household one is higher', () => {
    // Guards the mixed-household floor: it lifts citizens and lawful residents in mixed households, not the undocumented.
    const w = createWorld(small({ fear: { baselineUndocumented: 0.2, baselineMixedHousehold: 0.5 } }));
    const target = (kind: number) => w.jurisdictions.fearTarget[jurKindOf(0, kind)];
    // kind = latino × 8 + mixed × 4 + status (3: undocumented).
    expect(target(7)).toBe(Math.fround(0.2));
    expect(target(15)).toBe(Math.fround(0.2));
    expect(target(12)).toBe(Math.fround(0.5));
    expect(target(14)).toBe(Math.fround(0.5));
  });
});
