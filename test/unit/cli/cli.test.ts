import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';
import { COMMANDS } from '../../../src/cli/args.ts';
import { METRICS } from '../../../src/engine/index.ts';

const { dir: tmp, file } = scratchFolder('trustfall-cli-');
const small = file(
  'small.json',
  JSON.stringify({
    name: 'small',
    run: { years: 0.5, activationDay: 60, burnInWeeks: 4 },
    jurisdictions: [{ residents: 2000, policy: { model: 'taskForce' } }],
  }),
);

describe('sim run', () => {
  it('prints exactly one JSON object with the run identity and every metric, the same twice', () => {
    const a = sim('run', small, '--json', '--seed', '7', '--replicates', '2');
    expect(a.code, a.err).toBe(0);
    const report = JSON.parse(a.out);
    expect(report).toMatchObject({ engineVersion: expect.any(String), scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/), seed: 7, replicates: 2 });
    const after = report.jurisdictions[0].groups.latinoNoncitizen.after;
    for (const m of METRICS) expect(after, m.key).toHaveProperty(m.key);
    expect(report.jurisdictions[0].groups.all.after.reportedShare).toMatchObject({ mean: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) });
    expect(report.weekly.jurisdictions[0].groups.all.meanTrust.length).toBe(report.weekly.weeks);
    const b = sim('run', small, '--json', '--seed', '7', '--replicates', '2');
    expect(b.out).toBe(a.out);
  });

  it('prints a readable table and writes the weekly CSV', () => {
    const csv = join(tmp, 'weekly.csv');
    const r = sim('run', small, '--csv', csv);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Violent crimes reported/);
    expect(r.out).toMatch(/Stop disparity/);
    const [provenance, ...lines] = readFileSync(csv, 'utf8').trim().split('\n');
    // What made it, as a comment line first: engine version, scenario hash and seed.
    expect(provenance).toMatch(/^# Trustfall weekly series: engine \d+\.\d+\.\d+; scenario [0-9a-f]{64}; seed 1; replicates 1$/);
    expect(lines[0].split(',').slice(0, 5)).toEqual(['jurisdiction', 'group', 'week', 'startDay', 'period']);
    expect(lines[0].split(',')).toHaveLength(5 + METRICS.length);
    expect(lines.length).toBeGreaterThan(4 * 20);
  });
});

describe('sim bad input', () => {
  it('refuses a malformed scenario, naming each field, with exit code 2', () => {
    const bad = file('bad.json', JSON.stringify({ run: { years: 100 }, jurisdictions: [{ policy: { model: 'tf' }, colour: 'red' }] }));
    const r = sim('run', bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('run.years: 100 is out of range; allowed a number from 0.1 to 50 (years)');
    expect(r.err).toContain('jurisdictions[0].policy.model: "tf" is not allowed');
    expect(r.err).toContain('jurisdictions[0].colour: unknown field');
  });

  it('refuses text that is not JSON and a missing file', () => {
    const r = sim('run', file('broken.json', '{ "run": '));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not valid JSON/);
    const m = sim('run', join(tmp, 'nope.json'));
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/no such file/);
  });

  it('refuses bad flags, naming the flag', () => {
    expect(sim('run', small, '--seed', 'abc').err).toMatch(/--seed: "abc" is not a number/);
    const r = sim('run', small, '--replicates', '0');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--replicates: 0 is not allowed; expected a whole number from 1 to 1000/);
    // The range is the scenario's own (one schema for the flag, the page and the files).
    expect(sim('compare', small, small, '--survey', '1').err).toMatch(/--survey: 1 is not allowed; expected 0, or a whole number from 2 to 1000000/);
    expect(sim('run', small, '--frobnicate').code).toBe(2);
  });

  it('calibrate and sensitivity refuse a missing or invalid scenario file like run does', () => {
    for (const cmd of [
      ['calibrate', '--params', 'crime.offenderShare'],
      ['sensitivity', '--params', 'crime.offenderShare,fear.reportingEffect'],
    ]) {
      const missing = sim(cmd[0], join(tmp, 'nope.json'), ...cmd.slice(1));
      expect(missing.code, missing.err).toBe(2);
      expect(missing.err).toMatch(/cannot read .*nope\.json: no such file/);
      const bad = sim(cmd[0], file('bad-cal.json', JSON.stringify({ run: { years: 99 } })), ...cmd.slice(1));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('run.years: 99 is out of range');
    }
  });

  it('refuses a scenario from a newer format version', () => {
    const r = sim('run', file('new.json', JSON.stringify({ schemaVersion: 99 })));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/schemaVersion: 99 is newer than this build understands/);
  });
});

describe('sim help and info', () => {
  it('documents every command and option', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    // Every command the parser knows is shown as a usage line, and every option it takes is explained.
    for (const [command, spec] of Object.entries(COMMANDS)) {
      expect(r.out, command).toMatch(new RegExp(`sim -- ${command}\\b`));
      for (const flag of spec.flags) expect(r.out, `${command} --${flag}`).toMatch(new RegExp(`--${flag}\\b`));
    }
  });

  it('lists parameters with unit, range, default and source', () => {
    const r = sim('params');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/jurisdictions\[\]\.policy\.profilingMultiplier\n.*\n {2}a number from 1 to 20 \(ratio\); default 4; source: DOJ findings letter/);
  });
});

describe('default scenario', () => {
  it('is a preset that exists (the app opens on it; the browser tests check the page)', async () => {
    const { DEFAULT_PRESET, presetPath } = await import('../../../src/scenario/presets.ts');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.start).toMatch(/vite preview/);
    expect(() => readFileSync(presetPath(DEFAULT_PRESET))).not.toThrow();
  });
  it('calibrate validates its result on replicates the search never ran, and reports both losses', () => {
    const out = join(tmp, 'cal.json');
    const r = sim('calibrate', small, '--params', 'crime.offenderShare', '--budget', '4', '--replicates', '2', '--out', out, '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/loss [\d.]+ on replicates 0 to 1\n/);
    expect(r.out).toMatch(/Validation on replicates 1000 to 1007, which the search never ran: \d+ of \d+ targets met, loss [\d.]+/);
    const report = JSON.parse(readFileSync(join(tmp, 'cal.report.json'), 'utf8'));
    expect(report.validation.replicates).toMatch(/^1000 to 1007/);
    expect(report.validation.loss).toBeGreaterThanOrEqual(0);
    expect(report.validation.fit[0].results.length).toBe(report.fit[0].results.length);
  });

  it('runs Sobol indices on the model: two parameters, each with first-order and total indices and intervals', () => {
    const r = sim(
      'sensitivity',
      small,
      '--params',
      'crime.offenderShare,fear.reportingEffect',
      '--outputs',
      'j0.all.after.crimes',
      '--method',
      'sobol',
      '--samples',
      '8',
      '--replicates',
      '1',
      '--json',
      '--quiet',
    );
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.runs).toBe(8 * 4);
    const [result] = report.results;
    expect(result.rows).toBe(8);
    expect(result.indices.map((s: { path: string }) => s.path).sort()).toEqual(['crime.offenderShare', 'fear.reportingEffect']);
    // More offenders, more crimes: the offender share carries the larger total index.
    expect(result.indices[0].path).toBe('crime.offenderShare');
    for (const s of result.indices) expect(s.total.lo).toBeLessThanOrEqual(s.total.hi);
  });

  it('shards a Sobol analysis with structural factors across processes; merge gives the unsharded report byte for byte', () => {
    const args = [
      'sensitivity',
      small,
      '--params',
      'crime.offenderShare,jurisdictions[0].policy.trustBuilding,entanglement.reportingEffect:switch',
      '--outputs',
      'change.j0.latino.reportedShare,j0.all.after.crimes',
      '--method',
      'sobol',
      '--samples',
      '8',
      '--replicates',
      '1',
      '--quiet',
    ];
    const whole = sim(...args, '--json');
    expect(whole.code, whole.err).toBe(0);
    const report = JSON.parse(whole.out);
    expect(report.runs).toBe(8 * 5);
    expect(report.parameters[1]).toMatchObject({ path: 'jurisdictions[0].policy.trustBuilding', levels: [false, true] });
    expect(report.parameters[2]).toMatchObject({ path: 'entanglement.reportingEffect', levels: [0, null] });
    const shards = [1, 2, 3].map((k) => join(tmp, `sobol-${k}.json`));
    for (const [i, out] of shards.entries()) expect(sim(...args, '--shard', `${i + 1}/3`, '--out', out).code).toBe(0);
    // Shards may come back in any order.
    const merged = sim('merge', shards[2], shards[0], shards[1]);
    expect(merged.code, merged.err).toBe(0);
    expect(merged.out).toBe(whole.out);
    const partial = sim('merge', shards[0], shards[1]);
    expect(partial.code).toBe(3);
    expect(partial.err).toMatch(/incomplete: 13 of 40 runs missing/);
    expect(partial.out).toBe('');
    const other = sim(...args, '--seed', '2', '--shard', '1/3');
    expect(other.code, other.err).toBe(0);
    const mixed = sim('merge', shards[0], file('other-shard.json', other.out));
    expect(mixed.code).toBe(2);
    expect(mixed.err).toMatch(/belongs to another analysis/);
  });

  it('fit reads an event-study target: it asks the runs for their quarters and prints each quarter', () => {
    const quarters = file(
      'quarters.json',
      JSON.stringify({
        name: 'quarters',
        run: { years: 0.75, activationDay: 91, burnInWeeks: 4 },
        jurisdictions: [{ residents: 2000, policy: { model: 'taskForce' } }],
      }),
    );
    const target = {
      id: 'stops-es',
      measure: 'Latino stops per 1,000, first two quarters, against the twin',
      value: 10,
      band: [0, 1000],
      unit: 'stops per 1,000 per year',
      population: 'Latino residents',
      appliesTo: 'taskForce',
      citation: 'a test target, not a published figure',
      simulated: { kind: 'eventStudy', key: 'stopsPer1000', group: 'latino', quarters: [0, 1], scale: 'difference' },
    };
    const set = file('es.json', JSON.stringify({ schemaVersion: 1, id: 'es', title: 'Event study', version: '1', targets: [target] }));
    const r = sim('fit', quarters, '--targets', set, '--replicates', '2', '--json', '--quiet');
    expect(r.code, r.err).toBe(0);
    const [result] = JSON.parse(r.out).reports[0].results;
    expect(result.estimand).toBe('eventStudy');
    expect(result.simulated.mean).toBeGreaterThan(0);
    expect(result.profile).toHaveLength(17);
    expect(result.profile[7]).toMatchObject({ quarter: -1, simulated: { mean: 0 } });
    const text = sim('fit', quarters, '--targets', set, '--replicates', '2', '--quiet');
    expect(text.out).toMatch(/by quarter \(13 weeks; 0 starts at activation; -1 is the reference\):\n\s+-1 0\.0 \(0\.0 to 0\.0\)\s+0 [\d.]+/);
  });

  it('ABC shards one generation at a time; merging each and reporting from the last state gives the unbroken run\u2019s posterior', () => {
    const abc = [
      '--method',
      'abc',
      '--params',
      'crime.types.simpleAssault.reportingBase:0.2:0.7',
      '--targets',
      'us-baselines',
      '--particles',
      '8',
      '--replicates',
      '1',
      '--quiet',
    ];
    const at = (name: string) => join(tmp, name);
    const whole = sim('calibrate', small, ...abc, '--generations', '1', '--out', at('abc-whole.json'));
    expect(whole.code, whole.err).toBe(0);
    // The Markdown report's command repeats the run: same seed, same targets, same particles.
    const command = /```sh\nnpm run -s sim -- (.+)\n```/.exec(readFileSync(at('abc-whole.md'), 'utf8'))?.[1];
    expect(command).toMatch(/--seed \d+ /);
    const again = sim(...command!.split(' '), '--quiet', '--out', at('abc-again.json'));
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(readFileSync(at('abc-again.json'), 'utf8')).particles).toEqual(JSON.parse(readFileSync(at('abc-whole.json'), 'utf8')).particles);
    for (const g of [0, 1]) {
      const from = g === 0 ? [] : ['--resume', '--state', at(`abc-state-${g - 1}.json`)];
      for (const k of [1, 2]) {
        const r = sim('calibrate', small, ...abc, ...from, '--shard', `${k}/2`, '--proposals', '40', '--out', at(`abc-${g}-${k}.json`));
        expect(r.code, r.err).toBe(0);
      }
      const merged = sim('merge', at(`abc-${g}-2.json`), at(`abc-${g}-1.json`), '--out', at(`abc-state-${g}.json`));
      expect(merged.code, merged.err).toBe(0);
      expect(merged.err).toMatch(new RegExp(`generation ${g} merged: 8 particles from \\d+ proposals`));
    }
    // Too few proposals for a generation: the merge says so and writes nothing.
    for (const k of [1, 2])
      sim('calibrate', small, ...abc, '--resume', '--state', at('abc-state-0.json'), '--shard', `${k}/2`, '--proposals', '4', '--out', at(`abc-few-${k}.json`));
    const few = sim('merge', at('abc-few-1.json'), at('abc-few-2.json'), '--out', at('abc-few-state.json'));
    expect(few.code).toBe(3);
    expect(few.err).toMatch(/needed more than the 4 proposals the shards drew; run them again with a larger --proposals/);
    const half = sim('merge', at('abc-1-1.json'), '--out', at('abc-half-state.json'));
    expect(half.code).toBe(3);
    expect(half.err).toMatch(/missing shards: 2/);
    // The report from the merged state: nothing left to run, the same particles as the unbroken run.
    const report = sim('calibrate', small, ...abc, '--resume', '--state', at('abc-state-1.json'), '--generations', '1', '--out', at('abc-sharded.json'));
    expect(report.code, report.err).toBe(0);
    const a = JSON.parse(readFileSync(at('abc-whole.json'), 'utf8'));
    const b = JSON.parse(readFileSync(at('abc-sharded.json'), 'utf8'));
    expect(b.particles).toEqual(a.particles);
    expect(b.parameters).toEqual(a.parameters);
    expect(b.runs).toBeGreaterThan(a.runs);
  });

  it('calibrate chooses the replicates per evaluation from a pilot when not told, and says how', () => {
    const out = join(tmp, 'cal-auto.json');
    const r = sim('calibrate', small, '--params', 'crime.offenderShare', '--budget', '2', '--out', out, '--quiet');
    expect(r.code, r.err).toBe(0);
    const m = r.out.match(/Replicates per evaluation: (\d+), chosen from a pilot of 6 so that each target's standard error is at most 0\.33 of its half-band/);
    expect(m).not.toBeNull();
    const report = JSON.parse(readFileSync(join(tmp, 'cal-auto.report.json'), 'utf8'));
    expect(report.replicates).toBe(Number(m![1]));
    expect(report.replicatesChosen.pilot).toBe(6);
    const worst = Math.max(...report.replicatesChosen.targets.map((t: { standardError: number; halfBand: number }) => t.standardError / t.halfBand));
    // Either every target's standard error is under a third of its half-band, or the limit is said.
    expect(worst <= 1 / 3 + 1e-9 || report.replicatesChosen.limited).toBe(true);
    expect(r.out).toMatch(new RegExp(`on replicates 0 to ${report.replicates - 1}\n`));
  });

  it('calibrate refuses a structural factor, naming what it is', () => {
    const r = sim('calibrate', small, '--params', 'jurisdictions[0].policy.trustBuilding', '--budget', '2', '--quiet');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is an on\/off switch: sensitivity can vary it as a structural factor, calibrate tunes numbers only/);
  });
});
