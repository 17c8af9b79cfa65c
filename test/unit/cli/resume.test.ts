import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * `--resume` continues a search only with the settings it started with (issue 20, finding 6): other
 * targets, another range, another seed, replicates or particles, or another scenario are refused,
 * naming each difference, where they were taken silently and mixed two searches.
 */
const { dir, file } = scratchFolder('trustfall-resume-');
const base = { name: 'tiny', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 500 }] };
const tiny = file('tiny.json', JSON.stringify(base));
const other = file('other.json', JSON.stringify({ ...base, jurisdictions: [{ residents: 600 }] }));

function refused(r: { code: number | null; err: string }, ...messages: RegExp[]): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(/--resume: .* was made with other settings/);
  for (const m of messages) expect(r.err).toMatch(m);
  expect(r.err).not.toMatch(/\n\s+at |elapsed/);
}

describe('--resume with other settings', () => {
  it('Nelder–Mead: refuses other targets, ranges, seed, replicates or scenario, and continues with the same', () => {
    const out = join(dir, 'nm.json');
    const args = ['--params', 'crime.offenderShare:0.01:0.05', '--targets', 'us-baselines', '--replicates', '1', '--budget', '3', '--out', out, '--quiet'];
    const first = sim('calibrate', tiny, ...args);
    expect(first.code, first.err).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'nm.state.json'), 'utf8'));
    expect(state.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    const again = (...over: string[]) => {
      const a = [...args];
      for (let i = 0; i < over.length; i += 2) {
        const at = a.indexOf(over[i]);
        if (at >= 0) a[at + 1] = over[i + 1];
        else a.push(over[i], over[i + 1]);
      }
      return a;
    };
    refused(sim('calibrate', tiny, ...again('--targets', 'reporting-drop-measured'), '--resume'), /targets: us-baselines \(now reporting-drop-measured/);
    refused(
      sim('calibrate', tiny, ...again('--params', 'crime.offenderShare:0.01:0.06'), '--resume'),
      /crime\.offenderShare 0\.01 to 0\.05 \(now crime\.offenderShare 0\.01 to 0\.06\)/,
    );
    refused(sim('calibrate', tiny, ...again('--seed', '5'), '--resume'), /--seed 1 \(now 5\)/);
    refused(sim('calibrate', tiny, ...again('--replicates', '2'), '--resume'), /--replicates 1 \(now 2\)/);
    refused(sim('calibrate', other, ...args, '--resume'), /scenario: [0-9a-f]{12} \(now [0-9a-f]{12}/);
    const same = sim('calibrate', tiny, ...args, '--resume');
    expect(same.code, same.err).toBe(0);
  });

  it('ABC: refuses other particles or targets', () => {
    const out = join(dir, 'abc.json');
    const args = [
      '--method',
      'abc',
      '--params',
      'crime.offenderShare:0.01:0.05',
      '--targets',
      'us-baselines',
      '--particles',
      '8',
      '--generations',
      '1',
      '--replicates',
      '1',
      '--out',
      out,
      '--quiet',
    ];
    const first = sim('calibrate', tiny, ...args);
    expect(first.code, first.err).toBe(0);
    refused(sim('calibrate', tiny, ...args.map((a) => (a === '8' ? '10' : a)), '--resume'), /--particles 8 \(now 10\)/);
    refused(sim('calibrate', tiny, ...args.map((a) => (a === 'us-baselines' ? 'detainer-mix' : a)), '--resume'), /targets: us-baselines \(now detainer-mix/);
  });
});
