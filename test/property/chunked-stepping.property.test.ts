import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld, frame, step, stepDays, summarise, weeklySeries, type World } from '../../src/engine/index.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';

/**
 * Model-based test of stepping: a world driven by any sequence of commands (steps of any size, frames
 * and summaries read between them, as the Worker and the CLI do) stays identical, day by day, to a
 * reference world stepped one day at a time without interruption.
 */
const scenario = resolveScenario({
  run: { years: 0.6, activationDay: 90, burnInWeeks: 6 },
  jurisdictions: [
    { residents: 1500, gridWidth: 3, gridHeight: 3, policy: { model: 'taskForce' } },
    { residents: 800, gridWidth: 2, gridHeight: 2 },
  ],
});

interface Real {
  world: World;
  reference: World;
  eventCursor: number;
}
interface Model {
  day: number;
}

/** The same state: day, every resident's attitudes and custody, and the metrics so far. */
function same(a: World, b: World): void {
  expect(a.day).toBe(b.day);
  expect(Buffer.from(a.residents.trust.buffer).equals(Buffer.from(b.residents.trust.buffer))).toBe(true);
  expect(Buffer.from(a.residents.belief.buffer).equals(Buffer.from(b.residents.belief.buffer))).toBe(true);
  expect(Buffer.from(a.residents.custody.buffer).equals(Buffer.from(b.residents.custody.buffer))).toBe(true);
  expect(Buffer.from(a.metrics.period.buffer).equals(Buffer.from(b.metrics.period.buffer))).toBe(true);
}

class StepCommand implements fc.Command<Model, Real> {
  constructor(readonly days: number) {}
  check(m: Readonly<Model>): boolean {
    return m.day < scenario.run.years * 365;
  }
  run(m: Model, r: Real): void {
    const before = r.world.day;
    stepDays(r.world, this.days);
    while (r.reference.day < r.world.day) step(r.reference);
    expect(r.world.day - before).toBeLessThanOrEqual(this.days);
    m.day = r.world.day;
    same(r.world, r.reference);
  }
  toString(): string {
    return `step ${this.days}`;
  }
}

/** Reading a frame or the summaries between steps (what the page does) must not change the run. */
class ReadCommand implements fc.Command<Model, Real> {
  check(): boolean {
    return true;
  }
  run(_m: Model, r: Real): void {
    const f = frame(r.world, r.eventCursor);
    r.eventCursor = f.eventCursor;
    summarise(r.world);
    weeklySeries(r.world);
    same(r.world, r.reference);
  }
  toString(): string {
    return 'read frame, summary and weekly series';
  }
}

describe(`chunked stepping (fast-check seed ${FC_SEED})`, () => {
  it('any sequence of steps and reads gives the same world as one unbroken run, day by day', () => {
    const commands = [fc.integer({ min: 1, max: 45 }).map((d) => new StepCommand(d)), fc.constant(new ReadCommand())];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 25 }), fc.integer({ min: 0, max: 1000 }), (cmds, seed) => {
        // Both worlds start after burn-in, as the Worker hands them over.
        const world = createWorld(scenario, seed);
        const reference = createWorld(scenario, seed);
        while (world.day < 0) step(world);
        while (reference.day < 0) step(reference);
        fc.modelRun(() => ({ model: { day: 0 }, real: { world, reference, eventCursor: world.events.written } }), cmds);
        expect(summarise(world)).toEqual(summarise(reference));
      }),
      { numRuns: 12 },
    );
  });
});
