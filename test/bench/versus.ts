/**
 * `npm run bench:versus [-- REF]`: runs `npm run bench` of an earlier version (a git commit or tag;
 * default the last commit of engine 0.3.0) and of the working tree one after the other on this machine,
 * and prints the ratio of their speeds and memory per size. The earlier version is checked out in a
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

const ref = process.argv[2] ?? ENGINE_0_3;
const root = resolve('.');
const dir = mkdtempSync(join(tmpdir(), 'trustfall-bench-'));
try {
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { stdio: 'ignore' });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  process.stderr.write(`== ${ref}\n`);
  const before = bench(dir);
  process.stderr.write('== working tree\n');
  const now = bench(root);
  console.log(`\nworking tree against ${ref} (same machine, run one after the other)`);
  for (const row of now.rows) {
    const old = before.rows.find((r) => r.residents === row.residents);
    if (!old) continue;
    const speed = row.residentDaysPerSecond / old.residentDaysPerSecond;
    console.log(
      `${String(row.residents).padStart(9)} residents: ${(row.residentDaysPerSecond / 1e6).toFixed(1)} M vs ${(old.residentDaysPerSecond / 1e6).toFixed(1)} M resident-days/s ` +
        `(${((speed - 1) * 100).toFixed(1)}%), ${row.bytesPerResident.toFixed(1)} vs ${old.bytesPerResident.toFixed(1)} bytes/resident`,
    );
  }
  console.log(`default preset: ${now.defaultPreset.seconds.toFixed(2)} s vs ${before.defaultPreset.seconds.toFixed(2)} s per replicate`);
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
