/**
 * `npm run bench:ab [-- REF [RESIDENTS [PAIRS]]]`: the steadiest speed comparison on a shared machine.
 * Both engines (an earlier commit, default the last of engine 0.3.0, checked out in a temporary git
 * worktree, and the working tree) are imported into one process, and one replicate of the bench's
 * full model runs on each in turn, PAIRS times (default 6) at RESIDENTS (default 1,000,000). It prints
 * each pair's times and the median ratio (working tree / earlier): below 1 is faster.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fullModelInput } from './full-model.ts';

interface Engine {
  createWorld(s: unknown, seed: number, replicate: number): unknown;
  runToEnd(w: unknown): void;
}

const ref = process.argv[2] ?? '7ac93d1';
const residents = Number(process.argv[3] ?? 1_000_000);
const pairs = Number(process.argv[4] ?? 6);
const dir = mkdtempSync(join(tmpdir(), 'trustfall-ab-'));
try {
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { stdio: 'ignore' });
  symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
  const load = async (root: string) => {
    const engine = (await import(join(root, 'src/engine/index.ts'))) as Engine;
    const { resolveScenario } = (await import(join(root, 'src/scenario/index.ts'))) as { resolveScenario: (x: unknown) => unknown };
    return { engine, scenario: resolveScenario(fullModelInput(residents, 1)) };
  };
  const before = await load(dir);
  const now = await load(resolve('.'));
  const time = (e: { engine: Engine; scenario: unknown }, replicate: number) => {
    const w = e.engine.createWorld(e.scenario, 1, replicate);
    const t0 = performance.now();
    e.engine.runToEnd(w);
    return (performance.now() - t0) / 1000;
  };
  const ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so a drift in the machine's speed does not favour one side.
    const a = i % 2 === 0 ? time(before, i) : NaN;
    const b = time(now, i);
    const a2 = i % 2 === 0 ? a : time(before, i);
    ratios.push(b / a2);
    console.log(`${ref} ${a2.toFixed(2)} s, working tree ${b.toFixed(2)} s, ratio ${(b / a2).toFixed(3)}`);
  }
  ratios.sort((x, y) => x - y);
  console.log(`median ratio over ${pairs} pairs at ${residents} residents: ${ratios[Math.floor(pairs / 2)].toFixed(3)}`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
