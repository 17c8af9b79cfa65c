import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../../src/cli/args.ts';
import { BUILT_IN_TARGETS, parseTargetSet, TargetSetError } from '../../src/evidence/registry.ts';
import { parseScenarioText, resolveScenario, ScenarioError } from '../../src/scenario/index.ts';
import { planSweep, SweepError } from '../../src/sweep/plan.ts';
import { Sweep } from '../../src/sweep/schema.ts';
import { parseDraft } from '../../src/ui/state/local-draft.ts';
import { decodeComparison, decodeRun, encodeRun } from '../../src/ui/state/share-link.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';
import { fuzzCounts } from '../helpers/fuzz-counts.ts';

/**
 * Fuzzing every boundary where outside data comes in: scenario files, share links (run and comparison),
 * the saved draft, sweep files, target files and command lines. Each input is either accepted (and then
 * valid by the schema) or refused with a message that names a field; nothing else may be thrown, and no
 * input is evaluated. At least 10,000 cases per run; the counts are printed.
 */

const count = fuzzCounts('boundaries');

/** A problem line names where it is: "field.path: …", "(top level): …", or says the text is not JSON. */
const SEGMENT = String.raw`(?:[A-Za-z_$][\w$]*|\[\d+\]|\[".*?"\])`;
const NAMED = new RegExp(String.raw`^(\(top level\)|not valid JSON|${SEGMENT}(?:\.?${SEGMENT})*)[: ]`, 's');

const preset = JSON.parse(readFileSync('scenarios/task-force.json', 'utf8')) as Record<string, unknown>;
delete preset.$schema;

/** Strings a hostile user tries: markup, prototype keys, huge or odd numbers as text, control characters. */
const nasty = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'prototype',
  '1e400',
  '-0',
  'NaN',
  '0x10',
  '\u0000',
  '\u202e',
  '../../etc/passwd',
  ''.padEnd(5000, 'x'),
);
const anyValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: nasty },
  { weight: 1, arbitrary: fc.constantFrom(1e308, -1e308, 2 ** 53, -1, 0, 0.5, 1.5, null, true, [], {}) },
);

/** A path into a scenario-like object: real sections and fields, and made-up ones. */
const key = fc.oneof(
  fc.constantFrom(
    'run',
    'jurisdictions',
    'community',
    'crime',
    'trust',
    'fear',
    'entanglement',
    'policy',
    'years',
    'seed',
    'residents',
    'model',
    'endDay',
    'activationDay',
    'gridWidth',
    '__proto__',
    'constructor',
  ),
  fc.string({ maxLength: 8 }),
);
const pathArb = fc.array(fc.oneof({ weight: 4, arbitrary: key }, { weight: 1, arbitrary: fc.nat(5) }), { minLength: 1, maxLength: 4 });

/** The preset with one value replaced somewhere (creating what is missing on the way). */
function mutate(base: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const root = structuredClone(base) as Record<string, unknown>;
  let at: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i];
    const next = Object.hasOwn(at, k) ? at[k] : undefined;
    if (!next || typeof next !== 'object')
      Object.defineProperty(at, k, { value: typeof path[i + 1] === 'number' ? [] : {}, enumerable: true, writable: true, configurable: true });
    at = at[k] as Record<string | number, unknown>;
  }
  Object.defineProperty(at, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return root;
}

const scenarioText = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(pathArb, anyValue).map(([p, v]) => JSON.stringify(mutate(preset, p, v))) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(80), fc.constantFrom('[', '{"run":')).map(([d, open]) => `{"run":${open.repeat(d)}1${(open === '[' ? ']' : '}').repeat(d)}}`),
  },
  { weight: 1, arbitrary: fc.tuple(fc.nat(2000)).map(([cut]) => JSON.stringify(preset).slice(0, cut)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

function checkScenarioText(text: string): boolean {
  try {
    parseScenarioText(text, 'fuzz');
    return true;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) expect(p).toMatch(NAMED);
    return false;
  }
}

describe(`fuzzing the boundaries (fast-check seed ${FC_SEED})`, () => {
  it('scenario files: accepted, or refused field by field', () => {
    fc.assert(
      fc.property(scenarioText, (text) => count('scenario file', checkScenarioText(text))),
      { numRuns: 3000 },
    );
  });

  it('run links: decoded to a scenario that is then checked, or refused with a note; never thrown', () => {
    const seedArb = fc.oneof({ weight: 3, arbitrary: fc.nat(2 ** 31 - 1) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 2 ** 32 }) });
    const realField = fc.constantFrom(
      ['run', 'years'],
      ['run', 'activationDay'],
      ['jurisdictions', 0, 'residents'],
      ['jurisdictions', 0, 'policy', 'model'],
      ['crime', 'offenderShare'],
      ['trust', 'baseline'],
      ['name'],
    );
    const tampered = fc
      .tuple(fc.oneof(realField, pathArb), fc.oneof(anyValue, fc.double({ min: 0, max: 400, noNaN: true }), fc.constantFrom('taskForce', 'none')), seedArb)
      .map(([p, v, seed]) => encodeRun({ scenario: mutate(preset, p as (string | number)[], v), seed }));
    const raw = fc.jsonValue({ maxDepth: 3 }).map((v) => '#run=' + LZString.compressToEncodedURIComponent(JSON.stringify(v)));
    const garbage = fc.string({ maxLength: 300 }).map((s) => '#run=' + s);
    const cut = fc.tuple(tampered, fc.nat(400)).map(([link, n]) => link.slice(0, 5 + n));
    fc.assert(
      fc.property(fc.oneof(tampered, raw, garbage, cut), (hash) => {
        const r = decodeRun(hash);
        expect(r).not.toBeNull();
        if (r && 'error' in r) {
          expect(r.error.length).toBeGreaterThan(0);
          count('run link', false);
          return;
        }
        expect(Number.isInteger(r!.seed) && r!.seed >= 0 && r!.seed <= 2 ** 31 - 1).toBe(true);
        count('run link', checkScenarioText(JSON.stringify(r!.scenario)));
      }),
      { numRuns: 2000 },
    );
  });

  it('comparison links: settings in the schema’s ranges, or refused', () => {
    const slot = fc.oneof(
      fc.record({ preset: fc.oneof(fc.constantFrom('task-force', 'no-agreement'), fc.string({ maxLength: 10 })) }),
      fc.record({ scenario: fc.oneof(fc.constant(preset), fc.jsonValue({ maxDepth: 2 })) }),
      anyValue,
    );
    const payload = fc.record(
      {
        v: fc.oneof(fc.constant(1), anyValue),
        slots: fc.oneof(fc.array(slot, { maxLength: 5 }), anyValue),
        replicates: fc.oneof(fc.integer({ min: -2, max: 1200 }), anyValue),
        seed: fc.oneof(fc.integer({ min: -2, max: 2 ** 32 }), anyValue),
        survey: fc.oneof(fc.integer({ min: -2, max: 2_000_000 }), anyValue),
        years: fc.oneof(fc.double({ min: -1, max: 60, noNaN: true }), anyValue),
      },
      { requiredKeys: [] },
    );
    const valid = { v: 1, slots: [{ preset: 'no-agreement' }, { scenario: preset }], replicates: 10, seed: 1, survey: 0, years: 2 };
    const mutated = fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom('v', 'slots', 'replicates', 'seed', 'survey', 'years', 'preset', 'scenario'), fc.nat(4)), {
          minLength: 1,
          maxLength: 3,
        }),
        anyValue,
      )
      .map(([p, v]) => mutate(valid, p, v));
    const settings = fc
      .record({
        replicates: fc.integer({ min: -2, max: 1200 }),
        seed: fc.integer({ min: -2, max: 2 ** 32 }),
        survey: fc.integer({ min: -2, max: 2_000_000 }),
        years: fc.double({ min: -1, max: 60, noNaN: true }),
      })
      .map((s) => ({ ...valid, ...s }));
    fc.assert(
      fc.property(
        fc.oneof(mutated, settings, payload).map((p) => '#compare=' + LZString.compressToEncodedURIComponent(JSON.stringify(p))),
        (hash) => {
          const r = decodeComparison(hash);
          expect(r).not.toBeNull();
          if (r && 'error' in r) return count('comparison link', false);
          const c = r!;
          expect(c.slots.length >= 2 && c.slots.length <= 4).toBe(true);
          expect(Number.isInteger(c.replicates) && c.replicates >= 1 && c.replicates <= 1000).toBe(true);
          expect(c.survey === 0 || (Number.isInteger(c.survey) && c.survey >= 2 && c.survey <= 1_000_000)).toBe(true);
          expect(c.years === 0 || (c.years! >= 0.1 && c.years! <= 50)).toBe(true);
          count('comparison link', true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('saved drafts: a damaged one is ignored, never thrown; a kept one has a valid seed', () => {
    const draft = fc.record(
      {
        scenario: fc.oneof({ weight: 3, arbitrary: fc.constant(preset) }, { weight: 1, arbitrary: anyValue }),
        seed: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: -3, max: 2 ** 32 }) }, { weight: 1, arbitrary: anyValue }),
        preset: fc.oneof(fc.string({ maxLength: 12 }), anyValue),
      },
      { requiredKeys: ['scenario', 'seed'] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          draft.map((d) => JSON.stringify(d)),
          fc.string({ maxLength: 100 }),
          fc.constant('{"scenario": null}'),
        ),
        (text) => {
          const d = parseDraft(text);
          if (d) {
            expect(Number.isInteger(d.seed) && d.seed >= 0 && d.seed <= 2 ** 31 - 1).toBe(true);
            expect(typeof d.scenario === 'object' && d.scenario !== null && !Array.isArray(d.scenario)).toBe(true);
          }
          count('draft', d !== null);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('sweep files: planned (every point a valid scenario), or refused with named problems', () => {
    const small = { ...preset, run: { years: 0.5, activationDay: 60, burnInWeeks: 0 }, jurisdictions: [{ residents: 500 }] };
    const param = fc.record(
      {
        path: fc.oneof(
          fc.constantFrom(
            'crime.offenderShare',
            'trust.baseline',
            'jurisdictions[0].policy.model',
            'run.years',
            '__proto__.x',
            'jurisdictions[9].residents',
            'crime',
          ),
          fc.string({ maxLength: 20 }),
        ),
        values: fc.oneof(fc.array(anyValue, { maxLength: 3 }), anyValue),
        min: anyValue,
        max: anyValue,
        steps: fc.oneof(fc.integer({ min: 0, max: 4 }), anyValue),
      },
      { requiredKeys: ['path'] },
    );
    const sweep = fc.record(
      {
        base: fc.oneof(fc.constant(small), anyValue),
        design: fc.oneof(fc.constantFrom('grid', 'latinHypercube'), anyValue),
        samples: fc.oneof(fc.integer({ min: 0, max: 4 }), anyValue),
        parameters: fc.oneof(fc.array(param, { minLength: 0, maxLength: 3 }), anyValue),
        replicates: fc.oneof(fc.integer({ min: 0, max: 3 }), anyValue),
        maxRuns: fc.oneof(fc.integer({ min: 0, max: 30 }), anyValue),
      },
      { requiredKeys: ['base', 'parameters'] },
    );
    const valid = {
      base: small,
      parameters: [
        { path: 'crime.offenderShare', values: [0.01, 0.02] },
        { path: 'trust.baseline', min: 0.4, max: 0.7, steps: 2 },
      ],
      replicates: 2,
      maxRuns: 20,
    };
    const mutated = fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.constantFrom('parameters', 'path', 'values', 'min', 'max', 'steps', 'replicates', 'maxRuns', 'design', 'samples', 'base', 'run'),
            fc.nat(2),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        anyValue,
      )
      .map(([p, v]) => mutate(valid, p, v));
    fc.assert(
      fc.property(
        fc.oneof(
          mutated,
          sweep,
          fc
            .tuple(fc.array(fc.double({ min: 0, max: 0.2, noNaN: true }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 3 }))
            .map(([values, replicates]) => ({ ...valid, parameters: [{ path: 'crime.offenderShare', values }], replicates })),
        ),
        (raw) => {
          const parsed = Sweep.safeParse(raw);
          if (!parsed.success) return count('sweep file', false);
          if (typeof parsed.data.base === 'string') return count('sweep file', false);
          try {
            const plan = planSweep(parsed.data, parsed.data.base as Record<string, unknown>);
            expect(plan.runs).toBeLessThanOrEqual(parsed.data.maxRuns);
            count('sweep file', true);
          } catch (e) {
            if (!(e instanceof SweepError)) throw e;
            for (const p of e.problems) expect(p).toMatch(/\S/);
            count('sweep file', false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('target files: accepted, or refused field by field', () => {
    const valid = JSON.parse(JSON.stringify(BUILT_IN_TARGETS['us-baselines'])) as Record<string, unknown>;
    const mutated = fc
      .tuple(
        fc.array(fc.oneof(fc.constantFrom('targets', 'id', 'metric', 'value', 'band', 'kind', 'source', 'group', 'period', 'title'), fc.nat(3)), {
          minLength: 1,
          maxLength: 3,
        }),
        anyValue,
      )
      .map(([p, v]) => mutate(valid, p, v));
    const target = fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 10 }), anyValue),
        metric: fc.oneof(fc.constantFrom('reportedShare', 'meanTrust', 'nope'), anyValue),
        value: anyValue,
        band: fc.oneof(fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })), anyValue),
        kind: fc.oneof(fc.constantFrom('level', 'paired', 'change'), anyValue),
        source: anyValue,
      },
      { requiredKeys: [] },
    );
    const set = fc.record(
      { id: fc.oneof(fc.string({ maxLength: 10 }), anyValue), title: anyValue, targets: fc.oneof(fc.array(target, { maxLength: 3 }), anyValue) },
      { requiredKeys: [] },
    );
    const numeric = fc
      .tuple(
        fc.nat(10),
        fc.constantFrom('value', 'band'),
        fc.oneof(fc.double({ noNaN: true }), fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }))),
      )
      .map(([k, field, v]) => mutate(valid, ['targets', k % 11, field], v));
    fc.assert(
      fc.property(
        fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: numeric }, { weight: 1, arbitrary: set }, { weight: 1, arbitrary: anyValue }),
        (raw) => {
          try {
            parseTargetSet(raw, 'fuzz');
            count('target file', true);
          } catch (e) {
            if (!(e instanceof TargetSetError)) throw e;
            for (const p of e.problems) expect(p).toMatch(NAMED);
            count('target file', false);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('command lines: parsed, or refused with a usage message', () => {
    const word = fc.oneof(
      fc.constantFrom('run', 'compare', 'sweep', 'merge', 'fit', 'calibrate', 'sensitivity', 'resolve', 'params', 'presets', 'help'),
      fc.constantFrom(
        '--seed',
        '--replicates',
        '--years',
        '--json',
        '--csv',
        '--quiet',
        '--workers',
        '--survey',
        '--shard',
        '--out',
        '--targets',
        '--params',
        '--budget',
        '--state',
        '--resume',
        '--outputs',
        '--trajectories',
        '--levels',
        '--help',
        '-h',
        '--nope',
        '-x',
      ),
      fc.constantFrom('1', '0', '-1', '2/3', '0/0', '3/2', '1e3', '0x10', 'Infinity', 'NaN', '', ' 7 ', 'a.json', '--', '1.5'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 7 }), (argv) => {
        try {
          const p = parseCommandLine(argv);
          for (const v of [p.flags.seed, p.flags.replicates, p.flags.years, p.flags.workers, p.flags.survey, p.flags.budget])
            if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
          count('command line', true);
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          expect(e.message.length).toBeGreaterThan(0);
          count('command line', false);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('resolves what it accepts into scenarios with every field in range (accepted cases re-checked)', () => {
    // The scenarios a fuzzed file produced are the schema's own: resolving one again gives the same.
    const s = resolveScenario(mutate(preset, ['run', 'years'], 2));
    expect(resolveScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
    count('round trip', true);
  });
});
