import { describe, expect, it } from 'vitest';
import { resolveScenario } from '../../../src/scenario/index.ts';
import { readOpenedFile, runExport } from '../../../src/ui/toolbar/files.ts';

/**
 * An exported run names the seed that ran in its scenario too (issue 21): the page's seed field, not
 * the file's run.seed, is what ran, and the command line reads the scenario's.
 */
describe('an exported run', () => {
  it('carries the seed that ran in its scenario, so the command line reruns the same run', () => {
    const scenario = resolveScenario({ run: { seed: 1 }, jurisdictions: [{ residents: 300 }] });
    const exported = runExport(scenario, { engineVersion: 'x', scenarioHash: 'y', seed: 42 } as Parameters<typeof runExport>[1]);
    expect(exported.scenario.run.seed).toBe(42);
    expect(exported.manifest.seed).toBe(42);
    expect(scenario.run.seed).toBe(1);
    const reopened = readOpenedFile(JSON.stringify(exported), 'run.json');
    expect(reopened.seed).toBe(42);
    expect(resolveScenario(reopened.scenario).run.seed).toBe(42);
  });
});
