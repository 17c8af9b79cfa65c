/**
 * One replicate of a county at real scale (default 4,400,000 residents, about Maricopa County: Latino share
 * 0.31, a Task Force agreement, a neighbourhood per 800 residents), timed in parts: set-up, burn-in
 * (BURN_IN weeks, default 4) and one measured year. Run in a process of its own (`npm run bench` starts it
 * so), because its peak resident set size, divided by the residents, is the memory figure: everything the
 * process holds, not only the typed arrays. Prints one JSON line.
 */
import { createWorld, runToEnd, stepDays } from '../../src/engine/index.ts';
import { resolveScenario } from '../../src/scenario/index.ts';

const residents = Number(process.argv[2] ?? 4_400_000);
const burnInWeeks = Number(process.argv[3] ?? 4);
const side = Math.min(200, Math.max(8, Math.round(Math.sqrt(residents / 800))));
const scenario = resolveScenario({
  name: `county ${residents}`,
  run: { years: 1, activationDay: 0, burnInWeeks },
  jurisdictions: [
    {
      name: 'County',
      residents,
      gridWidth: side,
      gridHeight: side,
      latinoShare: 0.31,
      policy: { model: 'taskForce', deputisedShare: 0.15, statusQuestioningProb: 0.5, profilingMultiplier: 4, arrestBiasMultiplier: 1.52 },
    },
  ],
});
const t0 = performance.now();
const w = createWorld(scenario, 1, 0);
const t1 = performance.now();
stepDays(w, -w.day);
const t2 = performance.now();
runToEnd(w);
const t3 = performance.now();
// Peak, not current: the set-up's temporary arrays count too.
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  JSON.stringify({
    residents: w.residents.count,
    grid: side,
    setUpSeconds: (t1 - t0) / 1000,
    burnInWeeks,
    burnInSeconds: (t2 - t1) / 1000,
    yearSeconds: (t3 - t2) / 1000,
    peakRssBytesPerResident: peakRss / w.residents.count,
  }) + '\n',
);
