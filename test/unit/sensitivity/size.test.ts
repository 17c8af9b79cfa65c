import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * Sensitivity designs and their shards are counted before anything is allocated (issue 20, finding 4):
 * a design too large, more shards than runs, and a shard edited to claim another size, another method or
 * no parameters are refused with a message, where they filled memory, threw a RangeError or merged.
 */
const { dir, file } = scratchFolder('trustfall-sens-size-');
const tiny = file('tiny.json', JSON.stringify({ name: 'tiny', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 500 }] }));

function refused(r: { code: number | null; err: string }, message: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at |RangeError|heap/);
}

describe('sensitivity sizes', () => {
  it('refuses a design of more runs than one analysis may make, before drawing it', () => {
    refused(
      sim('sensitivity', tiny, '--params', 'crime.offenderShare', '--method', 'sobol', '--samples', '1000000'),
      /6,000,000 runs .*more than the 1,000,000/,
    );
    refused(sim('sensitivity', tiny, '--params', 'crime.offenderShare', '--replicates', '1000', '--trajectories', '600'), /more than the 1,000,000/);
  });

  it('refuses more shards than runs', () => {
    refused(
      sim('sensitivity', tiny, '--params', 'crime.offenderShare', '--trajectories', '2', '--levels', '2', '--replicates', '1', '--shard', '1/1000000'),
      /--shard 1\/1000000: more shards than the 4 runs/,
    );
  });

  it('refuses to merge a shard edited to another size, another method or no parameters', () => {
    const shard = join(dir, 'shard.json');
    const r = sim(
      'sensitivity',
      tiny,
      '--params',
      'crime.offenderShare',
      '--trajectories',
      '2',
      '--levels',
      '2',
      '--replicates',
      '1',
      '--shard',
      '1/1',
      '--out',
      shard,
    );
    expect(r.code, r.err).toBe(0);
    const good = readFileSync(shard, 'utf8');
    const edited = (
      what: string,
      edit: (s: { totalRuns: number; settings: { method: string; params: unknown[]; design: Record<string, number> } }) => void,
    ) => {
      const s = JSON.parse(good);
      edit(s);
      const f = join(dir, `${what}.json`);
      writeFileSync(f, JSON.stringify(s));
      return sim('merge', f, '--quiet');
    };
    refused(
      edited('total-1e9', (s) => (s.totalRuns = 1e9)),
      /says 1000000000 runs, but its design makes 4/,
    );
    refused(
      edited('total-1', (s) => (s.totalRuns = 1)),
      /says 1 runs, but its design makes 4/,
    );
    refused(
      edited('samples-1e8', (s) => {
        s.settings.method = 'sobol';
        s.settings.design = { samples: 1e8 };
      }),
      /more than the 1,000,000/,
    );
    refused(
      edited('no-params', (s) => (s.settings.params = [])),
      /params/,
    );
    refused(
      edited('method', (s) => (s.settings.method = 'sobol')),
      /the method does not match the design/,
    );
    const value = JSON.parse(good);
    value.runs[0].values[0] = (value.runs[0].values[0] ?? 0) + 1;
    writeFileSync(join(dir, 'value.json'), JSON.stringify(value));
    refused(sim('merge', join(dir, 'value.json'), '--quiet'), /run 0's values do not match their check/);
    const ok = sim('merge', shard, '--quiet');
    expect(ok.code, ok.err).toBe(0);
  });
});
