import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The tests StrykerJS runs against each mutant of the engine (`npm run mutation`), quickest and most
 * telling first. Stryker runs one file at a time and stops a mutant's run at its first failing test, and
 * the engine runs about fourteen times slower instrumented, so the order is the cost: the two small
 * golden worlds (a fifth of a second each, every policy model and option, failing on any change in
 * results) kill most mutants before anything else starts; then the engine's property and behaviour tests.
 * Left out, as too slow to run against a thousand mutants on two cores: the three-county golden run
 * (the small worlds cover its mechanisms), the offending and booking tests (tens of seconds each
 * instrumented), and the CLI, UI and fuzz suites; and the purity and bit-packing tests, which read the
 * source text Stryker rewrites.
 */
const ORDER = [
  'test/unit/engine/expected-reporting.test.ts',
  'test/unit/engine/careers.test.ts',
  'test/golden/small-worlds.test.ts',
  'test/integration/conservation.test.ts',
  'test/property/behaviour.property.test.ts',
  'test/unit/engine/mechanisms.test.ts',
  'test/unit/engine/entanglement.test.ts',
  'test/unit/engine/survey.test.ts',
  'test/unit/engine/network.test.ts',
  'test/unit/engine/groups.test.ts',
  'test/unit/engine/geometry.test.ts',
  'test/unit/engine/window.test.ts',
  'test/unit/engine/portable-math.test.ts',
  // Edges mutation testing found untested: boundary draws, chances of 0, clamps (small worlds, scripted streams).
  'test/unit/engine/offending-edges.test.ts',
  'test/unit/engine/custody-edges.test.ts',
  'test/unit/engine/attitudes-edges.test.ts',
  'test/property/engine.property.test.ts',
  'test/property/chunked-stepping.property.test.ts',
  'test/property/timeline.property.test.ts',
];

const rank = (spec: TestSpecification) => {
  const i = ORDER.findIndex((file) => spec.moduleId.endsWith(file));
  return i < 0 ? ORDER.length : i;
};

class MostTellingFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

// Not mergeConfig: it would append these files to the base list instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ORDER,
    sequence: { sequencer: MostTellingFirst },
  },
});
