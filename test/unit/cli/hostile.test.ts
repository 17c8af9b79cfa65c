import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';
import { OutputError, writeOutput } from '../../../src/cli/files.ts';

/**
 * The command line against input a hostile or careless user gives it: every case is refused with a
 * message that names the problem (exit 2), never a stack trace, never a damaged input file.
 */
const { dir: tmp, file } = scratchFolder('trustfall-hostile-');
const scenarioText = JSON.stringify({ name: 'small', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 2000 }] });
const small = file('small.json', scenarioText);

/** Refused as bad input: exit 2, the message matches, and no stack trace. */
function refused(r: { code: number | null; err: string }, message: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at /);
}

describe('outputs', () => {
  it('refuses to write an output onto an input, and leaves the input as it was', () => {
    refused(sim('run', small, '--csv', small, '--quiet'), /--csv .*input file/);
    expect(readFileSync(small, 'utf8')).toBe(scenarioText);
  });

  it('refuses an output in a folder that does not exist before running anything', () => {
    const r = sim('run', small, '--csv', join(tmp, 'no-such-folder', 'w.csv'));
    refused(r, /--csv .*cannot write there \(no folder/);
    expect(r.err).not.toMatch(/days/); // no progress: nothing ran
  });

  it('refuses a folder as an output file, and two outputs that are the same file', () => {
    refused(sim('run', small, '--csv', tmp, '--quiet'), /that is a folder/);
    const sweep = file(
      'sweep.json',
      JSON.stringify({ base: JSON.parse(scenarioText), parameters: [{ path: 'crime.offenderShare', values: [0.02] }], replicates: 1 }),
    );
    refused(sim('sweep', sweep, '--out', join(tmp, 'same'), '--csv', join(tmp, 'same'), '--quiet'), /writes to the same file/);
  });

  it('writes a whole file or none: a failed write leaves no partial or temporary file', () => {
    const target = join(tmp, 'atomic.txt');
    writeOutput(target, 'first');
    writeOutput(target, 'second, longer');
    expect(readFileSync(target, 'utf8')).toBe('second, longer');
    expect(() => writeOutput(join(tmp, 'missing', 'x.txt'), 'x')).toThrow(OutputError);
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of readdirSync(tmpdir()).filter((f) => f.startsWith('trustfall-recovered-') && f.endsWith(`-${process.pid}-x.txt`))) rmSync(join(tmpdir(), f));
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts params | head -n 1`], { encoding: 'utf8' });
    expect(r.stdout.trim().length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('inputs', () => {
  it('reads only regular files: a device and a folder are refused without reading', () => {
    refused(sim('run', '/dev/zero'), /not a regular file/);
    refused(sim('run', tmp), /not a regular file/);
  });

  it('reads a file saved with a byte-order mark, and refuses bytes that are not UTF-8, naming where', () => {
    const bom = file('bom.json', `\uFEFF${JSON.stringify({ name: 'saved by Notepad' })}`);
    const r = sim('resolve', bom);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).name).toBe('saved by Notepad');
    const latin1 = join(tmp, 'latin1.json');
    writeFileSync(latin1, Buffer.concat([Buffer.from('{"name": "Pe'), Buffer.from([0xf1]), Buffer.from('a"}')]));
    refused(sim('resolve', latin1), /latin1\.json is not UTF-8 text: byte 13 \(line 1\)/);
  });

  it('refuses an option given twice instead of taking the last value', () => {
    refused(sim('run', small, '--seed', '1', '--seed', '2'), /--seed is given 2 times \("1", "2"\); give it once/);
  });

  it('names the default when a check across fields fails on a value the file leaves out', () => {
    refused(
      sim('run', file('short.json', JSON.stringify({ run: { years: 0.5 } }))),
      /run\.activationDay: 365 \(the default\): must be before the end of the run \(day 183\)/,
    );
  });

  it('names a value nested too deeply to print, and a number too large to be finite', () => {
    const deep = file('deep.json', `{"run":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    refused(sim('run', deep), /run: \[…\] \(nested too deeply to show\) is a list; expected an object/);
    const huge = file('huge.json', '{"run":{"years":1e400}}');
    refused(sim('run', huge), /run\.years: Infinity is not a finite number/);
  });

  it('refuses more residents in all than one world may hold, with the memory it would take', () => {
    const big = file('big.json', JSON.stringify({ jurisdictions: [{ residents: 20_000_000 }, { residents: 20_000_000 }] }));
    refused(sim('run', big), /40000000 residents in all, about 3\.8 GB/);
  });

  it('reads numbers strictly, and refuses options a command does not use and extra files', () => {
    refused(sim('run', small, '--seed', '0x10'), /--seed: "0x10" is not a number/);
    refused(sim('run', small, '--years', 'Infinity'), /--years: "Infinity" is not a number/);
    refused(sim('run', small, '--out', join(tmp, 'x.json')), /--out does nothing for run/);
    refused(sim('resolve', small, '--seed', '3'), /--seed does nothing for resolve; resolve takes no options/);
    refused(sim('run', small, small), /run takes one file; got 2/);
    refused(sim('compare', small, small, '--workers', '100000'), /--workers: 100000 is not allowed/);
  });
});

describe('sweeps, shards and calibration state', () => {
  const base = JSON.parse(scenarioText);
  it('refuses a path into an object prototype and a field varied twice', () => {
    const proto = file('proto.json', JSON.stringify({ base, parameters: [{ path: '__proto__.polluted', values: [1] }] }));
    refused(sim('sweep', proto), /names __proto__, which is not a scenario field/);
    const twice = file(
      'twice.json',
      JSON.stringify({
        base,
        parameters: [
          { path: 'crime.offenderShare', values: [0.01] },
          { path: 'crime.offenderShare', values: [0.02] },
        ],
      }),
    );
    refused(sim('sweep', twice), /the same field as parameters\[0\]/);
  });

  it('says what a sweep field allows, from the sweep format itself', () => {
    const bad = file('badsweep.json', JSON.stringify({ base, parameters: [{ path: 'crime.offenderShare', values: [0.02] }], replicates: 0, design: 'x' }));
    const r = sim('sweep', bad);
    refused(r, /design: "x" is not allowed; expected one of "grid", "latinHypercube"/);
    expect(r.err).toMatch(/replicates: 0 is out of range; allowed a whole number from 1 to 1000/);
    expect(r.err).not.toMatch(/nothing here/);
  });

  it('refuses a parameter for a jurisdiction the scenario does not have, before running anything', () => {
    refused(
      sim('calibrate', small, '--params', 'jurisdictions[3].residents', '--out', join(tmp, 'never.json')),
      /--params: jurisdictions\[3\]\.residents: the scenario has no such field \(it has 1 jurisdiction, from \[0\]\)/,
    );
    refused(sim('sensitivity', small, '--params', 'jurisdictions[3].residents,crime.offenderShare'), /the scenario has no such field/);
  });

  it('refuses a sensitivity output for a jurisdiction the scenario does not have', () => {
    refused(
      sim('sensitivity', small, '--params', 'crime.offenderShare', '--outputs', 'j9.all.after.crimes'),
      /names jurisdiction 9, but the scenario has 1 \(j0\)/,
    );
  });

  it('refuses an unknown method, a method of the other command, and options of the other method', () => {
    refused(
      sim('sensitivity', small, '--params', 'crime.offenderShare', '--method', 'sobel'),
      /--method: "sobel" is not a method; sensitivity takes morris .* or sobol/,
    );
    refused(
      sim('sensitivity', small, '--params', 'crime.offenderShare', '--method', 'abc'),
      /--method abc is for calibrate; sensitivity takes morris or sobol/,
    );
    refused(sim('calibrate', small, '--params', 'crime.offenderShare', '--method', 'sobol'), /--method sobol is for sensitivity; calibrate takes nelder-mead/);
    refused(sim('calibrate', small, '--params', 'crime.offenderShare', '--particles', '16'), /--particles and --generations are for --method abc/);
    refused(sim('calibrate', small, '--params', 'crime.offenderShare', '--method', 'abc', '--budget', '10'), /--budget is for Nelder–Mead/);
    refused(sim('calibrate', small, '--params', 'crime.offenderShare', '--method', 'abc', '--proposals', '10'), /--proposals is for --shard/);
    refused(
      sim('calibrate', small, '--params', 'crime.offenderShare', '--method', 'abc', '--shard', '1/2', '--generations', '3'),
      /a shard evaluates one generation/,
    );
    refused(sim('calibrate', small, '--params', 'crime.offenderShare', '--method', 'abc', '--shard', '1/2', '--resume'), /--resume with --shard needs --state/);
    refused(sim('sensitivity', small, '--params', 'crime.offenderShare', '--samples', '16'), /--samples is for --method sobol/);
    refused(sim('sensitivity', small, '--params', 'crime.offenderShare', '--method', 'sobol', '--levels', '4'), /--method sobol takes --samples/);
  });

  it('counts a grid before making it: a billion points is refused at once', () => {
    const values = Array.from({ length: 1000 }, (_, k) => 0.01 + k * 1e-5);
    const grid = file(
      'grid.json',
      JSON.stringify({
        base,
        parameters: ['crime.offenderShare', 'trust.baseline', 'fear.baselineUsBorn'].map((path) => ({
          path,
          values: path === 'crime.offenderShare' ? values : values.map((v) => v + 0.3),
        })),
      }),
    );
    refused(sim('sweep', grid), /1000000000 points × 3 replicates = 3000000000 runs, more than maxRuns/);
  });

  it('refuses a shard whose run count is absurd, whose rows are not runs of its sweep, or that predates row checks', () => {
    const row = { run: 0, point: 0, replicate: 0, seed: 1, params: [], metrics: [], check: '0123456789abcdef' };
    const shard = (over: Record<string, unknown>) =>
      file(
        'shard.json',
        JSON.stringify({
          format: 'trustfall-sweep',
          version: 2,
          engineVersion: '0',
          name: 's',
          sweepHash: 'a'.repeat(64),
          totalRuns: 4,
          shard: null,
          parameters: [],
          columns: [],
          rows: [row],
          ...over,
        }),
      );
    refused(sim('merge', shard({ totalRuns: 1e9 })), /shard 1 is not a usable sweep result: totalRuns: a sweep has a whole number of runs from 1 to 10000000/);
    refused(sim('merge', shard({ rows: [{ ...row, run: 7 }] })), /rows\.0\.run: run 7 is not a run of a sweep of 4/);
    refused(sim('merge', shard({ version: 1 })), /version: written by an older Trustfall/);
    refused(sim('merge', shard({})), /the row of run 0 does not match its check/);
  });

  it('refuses to resume from a damaged calibration or ABC state, naming what is wrong', () => {
    const state = file(
      'cal.state.json',
      JSON.stringify({
        format: 'trustfall-calibration',
        version: 1,
        params: [{ path: 'crime.offenderShare', min: 0.01, max: 0.05, integer: false }],
        targetSets: [],
        replicates: 1,
        seed: 1,
        simplex: { points: [[0.5]], values: [1], iterations: 0, evaluations: 1 },
        history: [],
      }),
    );
    const r = sim('calibrate', small, '--params', 'crime.offenderShare', '--state', state, '--resume', '--out', join(tmp, 'cal.json'));
    refused(r, /not a usable calibration state:[\s\S]*simplex: the simplex has not one more point than there are parameters/);
    expect(existsSync(join(tmp, 'cal.json'))).toBe(false);
    // An ABC state with a field missing is refused naming it, and nothing is written.
    const abc = file('abc.state.json', JSON.stringify({ format: 'trustfall-abc', version: 1 }));
    const a = sim('calibrate', small, '--method', 'abc', '--params', 'crime.offenderShare', '--state', abc, '--resume', '--out', join(tmp, 'abc.json'));
    refused(a, /not a usable ABC state \(params: /);
    expect(existsSync(join(tmp, 'abc.json'))).toBe(false);
  });
});
