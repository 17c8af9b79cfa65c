import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTask } from '../../../src/engine/index.ts';
import { DEFAULT_SENSITIVITY_OUTPUTS, OutputName, parseOutput, readOutput } from '../../../src/report/outputs.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';

/**
 * Output names (`change.j0.latino.reportedShare`, `j0.all.after.clearanceRate`) have one parser, to a
 * typed reference, shared by sensitivity, calibration and sweeps (issue 23); their defaults live once.
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? (p.endsWith('generated') ? [] : files(p)) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('output names', () => {
  it('parse to references, and anything else is refused with the grammar', () => {
    expect(parseOutput('change.j0.latino.reportedShare')).toEqual({ change: true, jurisdiction: 0, group: 'latino', metric: 'reportedShare' });
    expect(parseOutput('j2.all.before.reportedShare.simpleAssault')).toEqual({
      change: false,
      jurisdiction: 2,
      group: 'all',
      period: 'before',
      metric: 'reportedShare.simpleAssault',
    });
    for (const bad of [
      '',
      'j0',
      'jx.all.after.crimes',
      'j0.everyone.after.crimes',
      'j0.all.during.crimes',
      'j0.all.after.nothing',
      'change.j0.all.after.crimes',
      'j100.all.after.crimes',
    ])
      expect(OutputName.safeParse(bad).error?.issues[0].message, bad).toMatch(/is not an output; write j0\.latino\.after/);
  });

  it('read from summaries: the mean over replicates, a change as after / before − 1, null where undefined', () => {
    const scenario = resolveScenario({ run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 800 }] });
    const runs = [0, 1].map((replicate) => runTask({ scenario, seed: 1, replicate }).summary);
    const g = (r: number) => runs[r].jurisdictions[0].groups.all;
    expect(readOutput('j0.all.after.crimes', runs)).toBeCloseTo(((g(0).after.crimes ?? 0) + (g(1).after.crimes ?? 0)) / 2, 12);
    expect(readOutput('change.j0.all.crimes', runs.slice(0, 1))).toBeCloseTo((g(0).after.crimes ?? 0) / (g(0).before.crimes ?? 1) - 1, 12);
    expect(readOutput('j3.all.after.crimes', runs)).toBeNull();
    expect(readOutput('not an output', runs)).toBeNull();
    for (const o of DEFAULT_SENSITIVITY_OUTPUTS) expect(() => parseOutput(o)).not.toThrow();
  });

  it('are parsed nowhere else, and their default lists are written once', () => {
    for (const p of [...files('src'), ...files('workers')]) {
      if (p.endsWith(join('report', 'outputs.ts'))) continue;
      const code = readFileSync(p, 'utf8');
      expect(code, p).not.toMatch(/'change\.j0\.latino\.reportedShare'\s*,\s*\n?\s*'change\.j0\.latino\.cooperationRate'/);
      expect(code, p).not.toMatch(/startsWith\('change\.'\)/);
    }
  });
});
