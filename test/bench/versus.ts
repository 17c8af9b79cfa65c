/**
 * `npm run bench:versus [-- REF [ROUNDS]]`: runs `npm run bench` of an earlier version (a git commit or
 * tag; default the last commit of engine 0.3.0) and of the working tree in turn, ROUNDS times each
 * (default 3), and prints the median speed of each per size and their ratio, with memory. Taking them
 * in turn matters on a shared machine whose speed drifts from minute to minute. The earlier version is checked out in a
 * temporary git worktree that shares this checkout's node_modules. Wall-clock figures: compare them on
 * one machine at one time, never assert them in tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The last commit of engine 0.3.0, before the model 0.4 work. */
const ENGINE_0_3 = '7ac93d1';

interface Bench {
  rows: { residents: number; residentDaysPerSecond: number; bytesPerResident: number }[];
  defaultPreset: { seconds: number };
}

function bench(dir: string): Bench {
  const out = execFileSync('npx', ['tsx', 'test/bench/run.ts', '--json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!) as Bench;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const ref = process.argv[2] ?? ENGINE_0_3;
const rounds = Number(process.argv[3] ?? 3);
const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'trustfall-bench-'));
try {
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const before: Bench[] = [];
  const now: Bench[] = [];
  for (let round = 1; round <= rounds; round++) {
    process.stderr.write(`== round ${round} of ${rounds}: ${ref}\n`);
    before.push(bench(dir));
    process.stderr.write(`== round ${round} of ${rounds}: working tree\n`);
    now.push(bench(root));
  }
  console.log(`\nworking tree against ${ref}: medians of ${rounds} rounds taken in turn on this machine`);
  for (const row of now[0].rows) {
    const speed = (b: Bench[]) => median(b.map((x) => x.rows.find((r) => r.residents === row.residents)?.residentDaysPerSecond ?? NaN));
    const oldRow = before[0].rows.find((r) => r.residents === row.residents);
    if (!oldRow) continue;
    const a = speed(now);
    const b = speed(before);
    console.log(
      `${String(row.residents).padStart(9)} residents: ${(a / 1e6).toFixed(1)} M vs ${(b / 1e6).toFixed(1)} M resident-days/s ` +
        `(${((a / b - 1) * 100).toFixed(1)}%), ${row.bytesPerResident.toFixed(1)} vs ${oldRow.bytesPerResident.toFixed(1)} bytes/resident`,
    );
  }
  const preset = (b: Bench[]) => median(b.map((x) => x.defaultPreset.seconds));
  console.log(`default preset: ${preset(now).toFixed(2)} s vs ${preset(before).toFixed(2)} s per replicate`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
