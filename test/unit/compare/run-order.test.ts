import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interleaved } from '../../../src/compare/run-order.ts';

describe('the order a comparison runs in (issue 20, finding 10)', () => {
  it('runs each (scenario, replicate) once, and any prefix holds whole rounds but for the last, so what finished before a stop is paired', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 50 }), fc.nat(), (scenarios, replicates, cut) => {
        const order = interleaved(scenarios, replicates);
        expect(new Set(order.map((o) => `${o.scenario}/${o.replicate}`)).size).toBe(scenarios * replicates);
        const done = order.slice(0, cut % (order.length + 1));
        const perScenario = Array.from({ length: scenarios }, (_, k) => done.filter((o) => o.scenario === k).map((o) => o.replicate));
        // Every scenario has the same replicates finished, give or take the round in progress.
        const counts = perScenario.map((r) => r.length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        // So once every scenario has one, the first scenario's finished replicates pair with the others'.
        if (done.length >= scenarios) for (const r of perScenario) expect(r.slice(0, counts.at(-1))).toEqual(perScenario[0].slice(0, counts.at(-1)));
      }),
    );
  });
});
