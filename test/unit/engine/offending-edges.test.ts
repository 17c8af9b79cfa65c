import { describe, expect, it } from 'vitest';
import { createWorld, FREE, inspectResident, type World } from '../../../src/engine/index.ts';
import { neighbourCell } from '../../../src/engine/create/geometry.ts';
import { completionChance, OFFENDING_HEADROOM, offend } from '../../../src/engine/systems/offending.ts';
import type { ScenarioInput } from '../../../src/scenario/index.ts';
import { smallScenario } from '../../helpers/small.ts';

/**
 * Edges of offending found by mutation testing: draws that land exactly on a boundary, chances of 0, and
 * what offenders learn where they have seen nothing. One opportunity is scripted by replacing the world's
 * streams (systems read `w.rng.<name>` at each call), so each test knows which resident is chosen and why.
 */

/** Alea's largest draw: its draws are multiples of 2^-32 in [0, 1). */
const TOP = 1 - 2 ** -32;

const world = (over: ScenarioInput = {}, jurisdiction: Record<string, unknown> = {}) =>
  createWorld(
    smallScenario({ ...over, run: { years: 1, activationDay: 120, burnInWeeks: 0 } }, { residents: 800, gridWidth: 2, gridHeight: 2, ...jurisdiction }),
  );

/** The first offender slot whose offender is free, and that offender's home neighbourhood. */
function firstOffender(w: World): { slot: number; offender: number; home: number } {
  const o = w.offenders;
  for (let i = 0; i < o.count; i++)
    if (o.home[i] >= 0 && w.residents.custody[o.resident[i]] === FREE) return { slot: i, offender: o.resident[i], home: o.home[i] };
  throw new Error('no free offender');
}

/** Residents of neighbourhood c who can be victims: free, aged 12 or more, not the offender. */
function victimsIn(w: World, c: number, offender: number): number[] {
  const res = w.residents;
  const out: number[] = [];
  for (let r = w.cells.start[c]; r < w.cells.start[c] + w.cells.count[c]; r++) if (r !== offender && res.custody[r] === FREE && res.age[r] >= 12) out.push(r);
  return out;
}

/** The draw that makes residentInCell pick resident r of neighbourhood c. */
const drawFor = (w: World, c: number, r: number) => (r - w.cells.start[c] + 0.5) / w.cells.count[c];

/**
 * Scripts today's offending: only `slot` meets an opportunity (offending draw 0), and the victims stream
 * gives roam, direction, type, one draw per candidate (each picking the resident given), then the choice.
 */
function script(w: World, slot: number, cell: number, v: { roam: number; dir?: number; type?: number; candidates: number[]; choice: number }): void {
  let i = 0;
  w.rng.offending = () => (i++ === slot ? 0 : TOP);
  const draws = [v.roam, v.dir ?? 0, v.type ?? 0.5, ...v.candidates.map((r) => drawFor(w, cell, r)), v.choice];
  let k = 0;
  w.rng.victims = () => (k < draws.length ? draws[k++] : 0.5);
}

describe('offending at its edges', () => {
  it('with no roaming an offender always offends at home, even on a roam draw of exactly 0', () => {
    // Guards the strict test roamDraw < roamShare: a share of 0 must never send anyone next door.
    const w = world({ crime: { roamShare: 0, candidatesPerCrime: 3, guardianshipEffect: 0 } });
    const { slot, offender, home } = firstOffender(w);
    const [victim] = victimsIn(w, home, offender);
    // A direction whose neighbour is another neighbourhood, so roaming would show.
    const dir = [0, 1, 2, 3].find((d) => neighbourCell(w.geometry, home, d) !== home)!;
    script(w, slot, home, { roam: 0, dir: (dir + 0.5) / 4, candidates: [victim, victim, victim], choice: 0 });
    const before = w.residents.victimisations[victim];
    offend(w);
    expect(w.residents.victimisations[victim]).toBe(before + 1);
  });

  it('a crime type whose rate is 0 never happens, even on a type draw of exactly 0', () => {
    // Guards the strict walk up the cumulative shares: a share of 0 (simple assault here) is skipped.
    const w = world({ crime: { candidatesPerCrime: 1, types: { simpleAssault: { ratePer1000: 0 } } } });
    const { slot, offender, home } = firstOffender(w);
    const [victim] = victimsIn(w, home, offender);
    script(w, slot, home, { roam: TOP, type: 0, candidates: [victim], choice: 0 });
    offend(w);
    const crimes = inspectResident(w, victim).timeline.filter((e) => e.kind === 'victimReported' || e.kind === 'victimUnreported');
    expect(crimes).toHaveLength(1);
    // The event's detail is the crime type: 1, aggravated assault, the first with a rate above 0.
    expect(crimes[0].other).toBe(1);
  });

  it('the choice among equally guarded candidates splits [0, 1) into half-open shares: a draw of exactly 1/2 picks the second of two', () => {
    // Guards target < 0 (not <= 0): otherwise the first candidate would get (0, 1/2] and more than its share of the discrete draws.
    const w = world({ crime: { candidatesPerCrime: 2, guardianshipEffect: 0 } });
    const { slot, offender, home } = firstOffender(w);
    const [first, second] = victimsIn(w, home, offender);
    script(w, slot, home, { roam: TOP, candidates: [first, second], choice: 0.5 });
    const before = [w.residents.victimisations[first], w.residents.victimisations[second]];
    offend(w);
    expect(w.residents.victimisations[first]).toBe(before[0]);
    expect(w.residents.victimisations[second]).toBe(before[1] + 1);
  });

  it('an offender never goes through against a group whose chance of going through is 0, even on a draw of exactly 0', () => {
    // Guards x >= chance × completion (not >): a zero chance must stay zero at the smallest draw.
    const w = world({ crime: { candidatesPerCrime: 1 } });
    const { slot, offender, home } = firstOffender(w);
    const [victim] = victimsIn(w, home, offender);
    // As if offenders had learned that a crime against this victim's group here is certain to be reported.
    w.cells.completion[home * 2 + (w.residents.kind[victim] >= 8 ? 1 : 0)] = 0;
    script(w, slot, home, { roam: TOP, candidates: [victim], choice: 0 });
    const before = w.residents.victimisations[victim];
    offend(w);
    expect(w.residents.victimisations[victim]).toBe(before);
  });

  it('with a reference reporting of 0 (nothing to learn from), the chance of going through is the reference one', () => {
    // Guards completionChance's early return: without it the ratio is infinite and the chance 0. (A world never
    // passes 0 itself: logit keeps every reporting base at 1e-9 or more, so the reference is above 0.)
    expect(completionChance(0.3, 0, 0.79)).toBe(1 / OFFENDING_HEADROOM);
    expect(completionChance(0, 0, 3)).toBe(1 / OFFENDING_HEADROOM);
  });

  it('where offenders have seen no crime against a group (a county with no Latino residents), they assume the reference reporting', () => {
    // Guards the divisions by remembered crimes: 0 / 0 must fall back to the prior, not leave NaN in what offenders learned.
    for (const placeLearningCrimes of [50, 0]) {
      const w = world({ crime: { placeLearningCrimes } }, { latinoShare: 0 });
      const ref = w.params.referenceReporting;
      expect(w.jurisdictions.seenCrimes[1]).toBe(0);
      for (let c = 0; c < w.cells.count.length; c++) {
        expect(w.cells.perceived[c * 2 + 1]).toBeCloseTo(ref, 6);
        expect(w.cells.completion[c * 2 + 1]).toBeCloseTo(completionChance(ref, ref, w.scenario.crime.reportingElasticity), 6);
        // The non-Latino side learned from what it saw: a chance, not NaN.
        expect(w.cells.perceived[c * 2]).toBeGreaterThan(0);
        expect(w.cells.perceived[c * 2]).toBeLessThanOrEqual(1);
      }
    }
  });
});
