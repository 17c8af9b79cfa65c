/**
 * `npm run bench`: speed and memory of the full model (every mechanism on) at 10,000, 100,000 and
 * 1,000,000 residents, the time of one replicate of the default preset, a county at real scale (4.4 M
 * residents, in a process of its own for its peak resident set size), and the 1 M rate against engine
 * 0.4.0 in the same run (bench:ab, 6 pairs). Prints a table; pass --json for machine-readable figures.
 * `npm run bench -- --peers` instead runs a toy trust model as plain objects, in this engine's style,
 * and in flocc and AgentScript, at 100,000 and 1,000,000 residents (peers.ts). Wall-clock figures vary with the machine and its load: compare
 * them on one machine, never assert them in tests.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createWorld, runToEnd, type World } from '../../src/engine/index.ts';
import { parseScenarioText, resolveScenario, type Scenario } from '../../src/scenario/index.ts';
import { fullModelInput } from './full-model.ts';
import { runPeers } from './peers.ts';
import { DEFAULT_PRESET, presetPath } from '../../src/scenario/presets.ts';

/** Bytes held in the world's typed arrays, found by walking it. */
function typedBytes(w: World): number {
  let total = 0;
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) total += v.byteLength;
    else if (v !== w.scenario) for (const x of Object.values(v)) walk(x);
  };
  walk(w);
  return total;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

interface Row {
  residents: number;
  residentDaysPerSecond: number;
  bytesPerResident: number;
  createSeconds: number;
  runs: number;
}

function measure(residents: number, years: number, runs: number): Row {
  const s: Scenario = resolveScenario(fullModelInput(residents, years));
  const rates: number[] = [];
  const creates: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const w = createWorld(s, 1, i);
    const t1 = performance.now();
    runToEnd(w);
    const t2 = performance.now();
    const days = w.params.days + w.params.burnInDays;
    rates.push((w.residents.count * days) / ((t2 - t1) / 1000));
    creates.push((t1 - t0) / 1000);
    bytes = typedBytes(w) / w.residents.count;
  }
  return { residents, residentDaysPerSecond: median(rates), bytesPerResident: bytes, createSeconds: median(creates), runs };
}

function defaultPreset(runs: number): { seconds: number; residents: number; years: number } {
  const s = parseScenarioText(readFileSync(presetPath(DEFAULT_PRESET), 'utf8'));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    runToEnd(createWorld(s, s.run.seed, i));
    times.push((performance.now() - t0) / 1000);
  }
  return { seconds: median(times), residents: s.jurisdictions.reduce((a, j) => a + j.residents, 0), years: s.run.years };
}

if (process.argv.includes('--peers')) {
  runPeers();
  process.exit(0);
}
const json = process.argv.includes('--json');
const log = (line: string) => (json ? process.stderr : process.stdout).write(line + '\n');
log(`Trustfall bench (Node ${process.version}); full model: 3 counties (Task Force + trust-building, Jail Enforcement, sanctuary)`);
const rows: Row[] = [];
for (const [n, years, runs] of [
  [10_000, 2, 5],
  [100_000, 1, 3],
  [1_000_000, 1, 3],
] as const) {
  const row = measure(n, years, runs);
  rows.push(row);
  log(
    `${String(n).padStart(9)} residents: ${(row.residentDaysPerSecond / 1e6).toFixed(1).padStart(6)} M resident-days/s (median of ${runs}), ` +
      `${row.bytesPerResident.toFixed(1)} bytes/resident, set-up ${row.createSeconds.toFixed(2)} s`,
  );
}
const preset = defaultPreset(5);
log(
  `default preset (${presetPath(DEFAULT_PRESET)}, ${preset.residents} residents, ${preset.years} years + burn-in): ${preset.seconds.toFixed(2)} s per replicate (median of 5)`,
);
const county = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/county.ts'], { encoding: 'utf8' })) as Record<string, number>;
log(
  `county ${county.residents} residents (${county.grid}×${county.grid} neighbourhoods, Task Force): set-up ${county.setUpSeconds.toFixed(1)} s, ` +
    `burn-in ${county.burnInWeeks} weeks ${county.burnInSeconds.toFixed(1)} s (${((county.burnInSeconds / county.burnInWeeks) * 104).toFixed(0)} s at the default 104), ` +
    `one year ${county.yearSeconds.toFixed(1)} s; peak RSS ${county.peakRssBytesPerResident.toFixed(1)} bytes/resident`,
);
// Against the last commit of engine 0.4.0, both engines in one process in turn (see ab.ts); needs the git history.
let versus = 'skipped (needs a git checkout with history)';
try {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/ab.ts', '672a37a', '1000000', '6'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  versus = out.trim().split('\n').at(-1) ?? versus;
} catch {}
log(`against engine 0.4.0 (1,000,000 residents, working tree / 0.4.0 time, below 1 is faster): ${versus}`);
log(
  'budgets: ≥ 30 M resident-days/s at 1,000,000 residents; ≤ 128 bytes/resident; default preset < 2 s per replicate; ' +
    'county: one year < 30 s, peak RSS ≤ 96 bytes/resident; ratio to 0.4.0 ≤ 1.10',
);
if (json) process.stdout.write(JSON.stringify({ node: process.version, rows, defaultPreset: preset, county, versus }) + '\n');
