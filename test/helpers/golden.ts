import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { runScenario, runTask } from '../../src/engine/index.ts';
import { toJson } from '../../src/report/json.ts';
import type { Scenario } from '../../src/scenario/index.ts';

/**
 * Runs a scenario (and a survey of its first replicate) and checks the summary against its committed
 * file, byte for byte; UPDATE_GOLDEN=1 writes the file instead. A change in results fails it: if the
 * change is intended, bump ENGINE_VERSION, rerun with UPDATE_GOLDEN=1 and say why in the commit.
 */
export function expectGolden(file: string, scenario: Scenario, surveyHouseholds: number): void {
  const { weekly: _weekly, ...report } = runScenario(scenario);
  const survey = runTask({ scenario, seed: scenario.run.seed, replicate: 0, surveyHouseholds }).survey;
  const text = JSON.stringify(JSON.parse(toJson({ ...report, survey })), null, 1) + '\n';
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
  expect(existsSync(file), `${file} is missing: create it with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(file, 'utf8'));
}
