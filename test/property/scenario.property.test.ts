import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listParameters, resolveScenario, ScenarioError } from '../../src/scenario/index.ts';
import { setAt } from '../../src/scenario/paths.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';
import { smallScenarioInput } from './arbitraries.ts';

/** Numeric parameters of the schema with their ranges, for generating bad values. */
const numeric = listParameters().filter((p) => typeof p.node.minimum === 'number' && typeof p.node.maximum === 'number' && !p.path.includes('[]'));

describe(`scenario files (fast-check seed ${FC_SEED})`, () => {
  it('round trip: a valid scenario written as JSON and read back is the same scenario', () => {
    fc.assert(
      fc.property(smallScenarioInput, (input) => {
        const s = resolveScenario(input);
        expect(resolveScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
    );
  });

  it('a value outside its range is refused, naming the field path and the allowed range', () => {
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.boolean(), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (param, above, by) => {
        const bad = above ? (param.node.maximum as number) + by : (param.node.minimum as number) - by;
        const input = setAt({}, param.path.split('.'), bad);
        let error: unknown;
        try {
          resolveScenario(input);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ScenarioError);
        const problems = (error as ScenarioError).problems;
        expect(
          problems.some((p) => p.startsWith(`${param.path}: `) && p.includes(`from ${param.node.minimum} to ${param.node.maximum}`)),
          problems.join('\n'),
        ).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a value of the wrong type is refused, naming the field path', () => {
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.oneof(fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer())), (param, bad) => {
        expect(() => resolveScenario(setAt({}, param.path.split('.'), bad))).toThrow(new RegExp(`${param.path.replace(/\./g, '\\.')}: `));
      }),
      { numRuns: 60 },
    );
  });
});
