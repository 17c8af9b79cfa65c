import { describe, expect, it } from 'vitest';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * Parameters to vary (issue 20, findings 7 and 8): one field named two ways, a field the command sets
 * itself, loose numbers, and --params files with the wrong shape are all refused before anything runs,
 * with a message and no stack trace.
 */
const { file } = scratchFolder('trustfall-params-');
const base = { name: 'tiny', run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ residents: 500 }] };
const tiny = file('tiny.json', JSON.stringify(base));

/** Small settings, so that a regression runs briefly (into the scratch folder) instead of hanging the suite. */
const cheap: Record<string, string[]> = {
  calibrate: ['--budget', '1', '--replicates', '1', '--out', file('out.json', '{}').replace(/out\.json$/, 'never.json')],
  sensitivity: ['--trajectories', '2', '--levels', '2', '--replicates', '1'],
};

function refused(r: { code: number | null; err: string }, message: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/\n\s+at |elapsed/);
}

describe('--params on the command line', () => {
  it('sees one field however its index is written, and refuses it twice', () => {
    for (const cmd of ['calibrate', 'sensitivity'])
      refused(
        sim(cmd, tiny, '--params', 'jurisdictions[00].residents,jurisdictions[0].residents', ...cheap[cmd]),
        /jurisdictions\[0\]\.residents is named twice/,
      );
    refused(sim('sensitivity', tiny, '--params', 'crime.offenderShare,crime.offenderShare', ...cheap.sensitivity), /crime\.offenderShare is named twice/);
  });

  it('refuses fields the command sets itself', () => {
    refused(sim('calibrate', tiny, '--params', 'run.seed', ...cheap.calibrate), /run\.seed cannot be varied/);
    refused(sim('sensitivity', tiny, '--params', 'run.replicates:1:5', ...cheap.sensitivity), /run\.replicates cannot be varied/);
  });

  it('reads ranges as decimal numbers only, and no more than min and max', () => {
    refused(sim('sensitivity', tiny, '--params', 'crime.offenderShare:0x0:0x1'), /is not path, path:min:max or path:switch/);
    refused(sim('sensitivity', tiny, '--params', 'crime.offenderShare:0.01:0.05:9'), /is not path, path:min:max or path:switch/);
    refused(sim('sensitivity', tiny, '--params', ' '), /--params needs the scenario fields to vary/);
    refused(sim('sensitivity', tiny, '--params', ':0:1'), /is not path, path:min:max or path:switch/);
  });

  it('refuses a budget smaller than the first simplex, which could not be kept', () => {
    refused(
      sim('calibrate', tiny, '--params', 'crime.offenderShare,fear.reportingEffect,trust.reportingEffect', '--budget', '2', ...cheap.calibrate.slice(2)),
      /--budget 2: Nelder–Mead's first simplex takes 4 evaluations for 3 parameters/,
    );
  });

  it('refuses an empty --outputs and an output named twice', () => {
    refused(sim('sensitivity', tiny, '--params', 'crime.offenderShare', '--outputs', ''), /--outputs "": an empty name/);
    refused(
      sim('sensitivity', tiny, '--params', 'crime.offenderShare', '--outputs', 'j0.all.after.crimes,j0.all.after.crimes'),
      /j0\.all\.after\.crimes is named twice/,
    );
  });
});

describe('--params files', () => {
  const cases: [string, unknown, RegExp][] = [
    ['a number written as text', [{ path: 'crime.offenderShare', min: '0.01', max: 0.05 }], /\[0\]\.min: .*expected number/],
    ['a number in a list', [{ path: 'crime.offenderShare', min: [0.01], max: 0.05 }], /\[0\]\.min: .*expected number/],
    ['a misspelt key', [{ path: 'crime.offenderShare', maxx: 0.05 }], /\[0\]: Unrecognized key: "maxx"/],
    ['null', [null], /\[0\]: .*expected object/],
    ['a path that is a number', [{ path: 5 }], /\[0\]\.path: .*expected string/],
    ['an empty list', [], /the file: .*>=1/],
    ['not a list', { path: 'crime.offenderShare' }, /the file: .*expected array/],
  ];
  for (const [what, content, message] of cases) {
    it(`refuses ${what}, naming the entry`, () => {
      const f = file(`${what.replace(/\W+/g, '-')}.json`, JSON.stringify(content));
      for (const cmd of ['calibrate', 'sensitivity']) refused(sim(cmd, tiny, '--params', f, ...cheap[cmd]), message);
    });
  }
});

describe('sweeps', () => {
  it('see one field however its index is written, and refuse the seed and the replicates', () => {
    const twice = file(
      'sweep-twice.json',
      JSON.stringify({
        base,
        parameters: [
          { path: 'jurisdictions[0].residents', values: [500] },
          { path: 'jurisdictions[00].residents', values: [600] },
        ],
      }),
    );
    refused(sim('sweep', twice), /parameters\[1\] \(jurisdictions\[00\]\.residents\): the same field as parameters\[0\]/);
    const seed = file('sweep-seed.json', JSON.stringify({ base, parameters: [{ path: 'run.seed', values: [1, 2] }] }));
    refused(sim('sweep', seed), /run\.seed cannot be varied/);
  });
});
