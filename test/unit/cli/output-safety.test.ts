import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, writeOutput } from '../../../src/cli/files.ts';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * What a command writes never replaces what it should not (issue 20, findings 1 to 3): no device, pipe,
 * symbolic link or folder, no input of any kind whichever flag names it, and a finished result that
 * cannot be written where asked is saved elsewhere and named.
 */
const { dir: tmp, file } = scratchFolder('trustfall-outputs-');
const scenarioText = JSON.stringify({ name: 'small', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 600 }] });
const small = file('small.json', scenarioText);
const targetsText = readFileSync('docs/calibration/stated-upper-bound.targets.json', 'utf8');
const paramsText = JSON.stringify([{ path: 'crime.offenderShare', min: 0.01, max: 0.05 }]);

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Refused before running anything: exit 2, the message matches, no stack trace, no progress. */
function refused(r: { code: number | null; err: string }, message: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/elapsed/);
}

describe('outputs are only regular files or new paths', () => {
  it('refuses a named pipe, a symbolic link, a device and a trailing slash, and leaves them as they were', () => {
    const fifo = join(tmp, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    refused(sim('run', small, '--csv', fifo), /--csv .*not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);

    const real = file('real.csv', 'keep me');
    const link = join(tmp, 'link.csv');
    symlinkSync(real, link);
    refused(sim('run', small, '--csv', link), /--csv .*symbolic link/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe('keep me');

    refused(sim('run', small, '--csv', '/dev/null'), /--csv \/dev\/null: .*(not a regular file|symbolic link)/);
    refused(sim('run', small, '--csv', join(tmp, 'x.csv/')), /ends with a slash/);
    expect(existsSync(join(tmp, 'x.csv'))).toBe(false);
  });
});

describe('no command writes onto any of its inputs', () => {
  const cases: { what: string; args: (f: { targets: string; params: string }) => string[]; input: 'targets' | 'params'; flag: RegExp }[] = [
    {
      what: 'calibrate --out onto the targets',
      args: (f) => ['calibrate', small, '--params', 'crime.offenderShare', '--targets', f.targets, '--out', f.targets],
      input: 'targets',
      flag: /--out/,
    },
    {
      what: 'calibrate --state onto the targets',
      args: (f) => ['calibrate', small, '--params', 'crime.offenderShare', '--targets', f.targets, '--out', join(tmp, 'c.json'), '--state', f.targets],
      input: 'targets',
      flag: /--state/,
    },
    {
      what: 'the calibration report landing on the targets',
      args: (f) => ['calibrate', small, '--params', 'crime.offenderShare', '--targets', f.targets, '--out', f.targets.replace(/\.report\.json$/, '.json')],
      input: 'targets',
      flag: /report/,
    },
    {
      what: 'the ABC Markdown report landing on the targets',
      args: (f) => [
        'calibrate',
        small,
        '--method',
        'abc',
        '--params',
        'crime.offenderShare',
        '--targets',
        f.targets,
        '--out',
        f.targets.replace(/\.md$/, '.json'),
      ],
      input: 'targets',
      flag: /markdown/,
    },
    {
      what: 'an ABC shard --out onto the targets',
      args: (f) => ['calibrate', small, '--method', 'abc', '--shard', '1/2', '--params', 'crime.offenderShare', '--targets', f.targets, '--out', f.targets],
      input: 'targets',
      flag: /--out/,
    },
    {
      what: 'a sensitivity shard --out onto the --params file',
      args: (f) => ['sensitivity', small, '--params', f.params, '--shard', '1/2', '--out', f.params],
      input: 'params',
      flag: /--out/,
    },
    {
      what: 'calibrate --resume --out onto the --params file',
      args: (f) => ['calibrate', small, '--params', f.params, '--resume', '--out', f.params],
      input: 'params',
      flag: /--out/,
    },
  ];
  for (const c of cases) {
    it(c.what, () => {
      const d = join(tmp, c.what.replace(/\W+/g, '-'));
      mkdirSync(d);
      const targets = join(d, /Markdown/.test(c.what) ? 't.md' : /report landing/.test(c.what) ? 't.report.json' : 't.json');
      const f = { targets, params: join(d, 'p.json') };
      file(join(d.slice(tmp.length + 1), targets.slice(d.length + 1)), targetsText);
      file(join(d.slice(tmp.length + 1), 'p.json'), paramsText);
      const before = hash(f[c.input]);
      const r = sim(...c.args(f), '--quiet');
      refused(r, /is an input file/);
      expect(r.err).toMatch(c.flag);
      expect(hash(f[c.input])).toBe(before);
    });
  }
});

describe('finished work survives a failed write', () => {
  it('saves the text to a recovery file and names it when the output cannot be written', () => {
    const gone = join(tmp, 'removed-during-the-run');
    let error: unknown;
    try {
      writeOutput(join(gone, 'results.csv'), 'the finished results');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OutputError);
    const saved = /the results are saved in (.+)$/.exec((error as Error).message)?.[1];
    expect(saved, (error as Error).message).toBeDefined();
    expect(readFileSync(saved!, 'utf8')).toBe('the finished results');
    rmSync(saved!);
  });

  it('says plainly, without a stack trace, that standard output cannot be written', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts run "${small}" --json --quiet > /dev/full`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write to standard output \(ENOSPC\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
