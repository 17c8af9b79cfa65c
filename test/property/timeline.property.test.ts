import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, runToEnd, stepDays, summarise, type World } from '../../src/engine/index.ts';
import { FIXED_AFTER_SET_UP } from '../../src/engine/timeline/snapshot.ts';
import { heldFrom } from '../../src/engine/view/event-log.ts';
import { advanceRecording, createTimeline, seekDay } from '../../src/engine/timeline/timeline.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';

const scenario = resolveScenario({
  run: { years: 0.8, activationDay: 100, burnInWeeks: 6 },
  jurisdictions: [
    { residents: 1500, gridWidth: 3, gridHeight: 3, policy: { model: 'taskForce' } },
    { residents: 800, gridWidth: 2, gridHeight: 2, policy: { model: 'jailEnforcement' } },
  ],
});
const DAYS = Math.round(scenario.run.years * 365);

/** Every typed array and scalar reachable from the world (but the scenario), by path: the whole state. */
function state(w: World): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (v: unknown, path: string) => {
    if (ArrayBuffer.isView(v)) out.set(path, Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
    else if (typeof v === 'number' || typeof v === 'boolean') out.set(path, String(v));
    else if (typeof v === 'function') out.set(path, String((v as () => number)()));
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  const { scenario: _s, events, metrics, ...rest } = w;
  // What the log holds (not the slots past its newest event, nor `oldest`, which says what a seek
  // dropped), and the weeks finished (not the slots of later weeks, written again as they pass).
  const held = Array.from({ length: events.written - heldFrom(events, 0) }, (_, k) => (heldFrom(events, 0) + k) % events.capacity);
  const log = Object.fromEntries((['day', 'kind', 'resident', 'other', 'trust'] as const).map((k) => [k, held.map((i) => events[k][i])]));
  const weeks = metrics.weeks.slice(0, metrics.weeksDone * metrics.week.length);
  walk({ ...rest, metrics: { ...metrics, weeks }, events: { written: events.written, ...log } }, 'w');
  return out;
}

function expectSameState(a: World, b: World): void {
  const sa = state(a);
  const sb = state(b);
  expect([...sa.keys()]).toEqual([...sb.keys()]);
  const differ = [...sa.keys()].filter((k) => sa.get(k) !== sb.get(k));
  expect(differ).toEqual([]);
}

describe('timeline', () => {
  it('keeps the fields it does not copy as they were built, through a whole run', () => {
    const w = createWorld(scenario, 3, 0);
    const fixed = (x: World) =>
      Object.entries(FIXED_AFTER_SET_UP).flatMap(([part, keys]) =>
        keys.map((k) => {
          const v = (x[part as keyof World] as unknown as Record<string, unknown>)[k];
          return ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : String(v);
        }),
      );
    const before = fixed(w);
    const params = JSON.stringify(w.params, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
    runToEnd(w);
    expect(fixed(w)).toEqual(before);
    expect(JSON.stringify(w.params, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(params);
  });

  it('a world taken back to any day and run on is the world that never went back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: DAYS }),
        fc.integer({ min: 0, max: DAYS }),
        fc.integer({ min: 0, max: DAYS }),
        fc.integer({ min: 7, max: 60 }),
        (ahead, back, on, every) => {
          const w = createWorld(scenario, 5, 1);
          stepDays(w, -w.day);
          const tl = createTimeline(undefined, every);
          advanceRecording(tl, w, ahead);
          seekDay(tl, w, back);
          expect(w.day).toBe(Math.min(back, DAYS));
          seekDay(tl, w, on);
          const reference = createWorld(scenario, 5, 1);
          stepDays(reference, -reference.day + on);
          expectSameState(w, reference);
          expect(summarise(w)).toEqual(summarise(reference));
        },
      ),
      { seed: FC_SEED, numRuns: 25 },
    );
  });

  it('stays within its memory budget by thinning the snapshots, and can still reach every day', () => {
    const w = createWorld(scenario, 2, 0);
    stepDays(w, -w.day);
    const one = 2300 * 30; // about one snapshot of this world
    const tl = createTimeline(4 * one, 7);
    advanceRecording(tl, w, DAYS);
    expect(tl.bytes).toBeLessThanOrEqual(4 * one);
    expect(tl.every).toBeGreaterThan(7);
    expect(tl.snapshots[0].day).toBe(0);
    seekDay(tl, w, 123);
    const reference = createWorld(scenario, 2, 0);
    stepDays(reference, -reference.day + 123);
    expectSameState(w, reference);
  });
});
