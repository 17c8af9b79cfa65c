import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder } from '../../helpers/cli.ts';

/**
 * The data-safety property of issue 20: for every long command, after a failed write (a full disk)
 * or an interruption (Ctrl-C at an arbitrary moment), the finished results exist, at the output path
 * or at the recovery path the command prints, an existing output is either replaced whole or left as
 * it was, and no input file changed. (The output-path kinds refused before any run, a symbolic link,
 * a device, a folder, a trailing slash, an input, are fuzzed in fuzz-state-files.property.test.ts.)
 */
const { dir, file } = scratchFolder('trustfall-data-safety-');
const town = (residents: number, model = 'taskForce') =>
  JSON.stringify({ name: `town ${model}`, run: { years: 1, activationDay: 120, burnInWeeks: 8 }, jurisdictions: [{ residents, policy: { model } }] });
const inputs = {
  small: file('small.json', town(500)),
  smallTwin: file('small-twin.json', town(500, 'none')),
  big: file('big.json', town(120000)),
  bigTwin: file('big-twin.json', town(120000, 'none')),
  params: file('params.json', JSON.stringify([{ path: 'crime.offenderShare', min: 0.01, max: 0.05 }])),
  targets: file('targets.json', readFileSync('docs/calibration/stated-upper-bound.targets.json', 'utf8')),
  smallSweep: file('small-sweep.json', sweep('small.json')),
  bigSweep: file('big-sweep.json', sweep('big.json')),
};
function sweep(base: string): string {
  return JSON.stringify({
    name: 'sweep',
    base,
    design: 'grid',
    parameters: [{ path: 'jurisdictions[0].policy.deputisedShare', values: [0.1, 0.2, 0.3, 0.4, 0.5] }],
    replicates: 2,
    seed: 1,
  });
}
const hashes = () => Object.fromEntries(Object.entries(inputs).map(([k, p]) => [k, createHash('sha256').update(readFileSync(p)).digest('hex')]));
const original = hashes();

/** A long command on a small or big county, writing into `out` (its main output is out/result.*). */
interface LongCommand {
  name: string;
  args: (size: 'small' | 'big', out: string) => string[];
  /** The file a finished run leaves (beside it the command may write others). */
  result: string;
}
const COMMANDS: LongCommand[] = [
  {
    name: 'compare --csv',
    args: (s, out) => ['compare', inputs[s], inputs[`${s}Twin`], '--replicates', '6', '--csv', join(out, 'result.csv')],
    result: 'result.csv',
  },
  { name: 'sweep --out', args: (s, out) => ['sweep', inputs[`${s}Sweep`], '--out', join(out, 'result.json')], result: 'result.json' },
  {
    name: 'sensitivity --shard --out',
    args: (s, out) => ['sensitivity', inputs[s], '--params', inputs.params, '--trajectories', '4', '--shard', '1/1', '--out', join(out, 'result.json')],
    result: 'result.json',
  },
  {
    name: 'calibrate (Nelder–Mead) --out --state',
    args: (s, out) => [
      'calibrate',
      inputs[s],
      ...['--params', inputs.params, '--targets', inputs.targets, '--budget', '6', '--replicates', '1'],
      ...['--out', join(out, 'result.json'), '--state', join(out, 'state.json')],
    ],
    result: 'result.json',
  },
  {
    name: 'calibrate --method abc --out',
    args: (s, out) => [
      'calibrate',
      inputs[s],
      ...['--method', 'abc', '--params', inputs.params, '--targets', inputs.targets],
      ...'--particles 8 --generations 1 --replicates 1'.split(' '),
      ...['--out', join(out, 'result.json')],
    ],
    result: 'result.json',
  },
];

/** Runs the CLI; `env` adds to the environment, `interrupt` sends Ctrl-C once the child has written anything or after `ms`. */
function cli(
  args: string[],
  o: { env?: Record<string, string>; interruptAfter?: number } = {},
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './test/helpers/full-disk.mjs', 'src/cli/main.ts', ...args], {
    env: { ...process.env, FORCE_COLOR: '0', ...o.env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const timer = o.interruptAfter !== undefined ? setTimeout(() => child.kill('SIGINT'), o.interruptAfter) : undefined;
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err });
    }),
  );
}

/** Every path a message names as holding results: the recovery file or the kept state or shard. */
const namedPaths = (err: string) => [...err.matchAll(/(?:saved in|kept in|Wrote) (\/\S+?)(?=[\s,;)]|\.?$)/gm)].map((m) => m[1].replace(/\.$/, ''));

describe('data safety: finished work survives a failed or interrupted write, and inputs never change', () => {
  for (const c of COMMANDS) {
    it(`${c.name}: on a full disk the finished results go to a recovery file that is named, and an earlier output stays whole`, async () => {
      const out = join(dir, `full-${c.name.replace(/\W+/g, '-')}`);
      mkdirSync(out);
      // The earlier output a failed write must not damage.
      const earlier = join(out, c.result);
      writeFileSync(earlier, 'an earlier result');
      const r = await cli(c.args('small', out), { env: { TRUSTFALL_FULL_FOLDER: out } });
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(/ENOSPC/);
      expect(r.err).not.toMatch(/\n\s+at /);
      const saved = /the results are saved in (\S+)$/m.exec(r.err)?.[1];
      expect(saved, r.err).toBeDefined();
      const text = readFileSync(saved!, 'utf8');
      expect(text.length).toBeGreaterThan(20);
      if (saved!.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
      rmSync(saved!);
      expect(readFileSync(earlier, 'utf8')).toBe('an earlier result');
      expect(hashes()).toEqual(original);
    }, 120_000);
  }

  for (const c of COMMANDS) {
    it(`${c.name}: Ctrl-C at any moment leaves the finished work where the command says, or the whole result`, async () => {
      const out = join(dir, `stopped-${c.name.replace(/\W+/g, '-')}`);
      mkdirSync(out);
      const r = await cli(c.args('big', out), { interruptAfter: 4000 });
      // Stopped by the signal before the command could take it (still loading), finished, or stopped with work kept.
      expect([0, 130, null], r.err).toContain(r.code);
      if (r.code === 0) expect(existsSync(join(out, c.result))).toBe(true);
      if (r.code === 130) {
        const named = [...namedPaths(r.err), ...(existsSync(join(out, c.result)) ? [join(out, c.result)] : [])];
        const nothing = /nothing to (compare|report)|before the first/.test(r.err);
        expect(named.length > 0 || nothing || readdirSync(out).length > 0, r.err).toBe(true);
      }
      // Whatever is in the folder is whole: no temporary or half-written file.
      for (const f of readdirSync(out)) {
        expect(f, 'a temporary file left behind').not.toMatch(/\.tmp$/);
        const text = readFileSync(join(out, f), 'utf8');
        if (f.endsWith('.json')) expect(() => JSON.parse(text), f).not.toThrow();
        else expect(text.split('\n').length, f).toBeGreaterThan(2);
      }
      if (r.code === null) expect(r.signal).toBe('SIGINT');
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(hashes()).toEqual(original);
    }, 180_000);
  }
});
