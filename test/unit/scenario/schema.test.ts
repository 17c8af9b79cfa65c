import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listParameters, parseScenarioText, resolveScenario, ScenarioError, scenarioHash, SCHEMA_VERSION } from '../../../src/scenario/index.ts';
import { scenarioJsonSchemaText } from '../../../src/scenario/json-schema.ts';
import { PRESETS, presetPath } from '../../../src/scenario/presets.ts';

/** The problems a bad scenario is rejected with. */
function problems(input: unknown): string[] {
  try {
    resolveScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  throw new Error('scenario was accepted');
}

describe('scenario schema', () => {
  it('fills every missing field from its default', () => {
    const s = resolveScenario({});
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.jurisdictions).toHaveLength(1);
    expect(s.jurisdictions[0].policy.model).toBe('none');
    expect(s.crime.types.robbery.charge).toBe('felony');
    expect(s.run.years).toBe(3);
  });

  it('gives every parameter a unit, a description and a source', () => {
    const params = listParameters().filter((p) => p.path !== '$schema');
    expect(params.length).toBeGreaterThan(60);
    for (const { path, node } of params) {
      expect(node.description, path).toBeTruthy();
      expect(node.unit, path).toBeTruthy();
      expect(node.source, path).toBeTruthy();
      expect(node.default, path).not.toBeUndefined();
    }
  });

  it('names the field, the value and the range of an out-of-range value', () => {
    expect(problems({ jurisdictions: [{ policy: { profilingMultiplier: 30 } }] })).toEqual([
      'jurisdictions[0].policy.profilingMultiplier: 30 is out of range; allowed a number from 1 to 20 (ratio)',
    ]);
  });

  it('names an unknown field and lists the allowed ones', () => {
    const [p] = problems({ run: { yeers: 2 } });
    expect(p).toMatch(/^run\.yeers: unknown field; allowed here: years, activationDay, burnInWeeks, seed, replicates$/);
  });

  it('names a wrong type', () => {
    expect(problems({ run: { years: 'three' } })).toEqual(['run.years: "three" is text; expected a number from 0.1 to 50 (years)']);
    expect(problems({ jurisdictions: [{ residents: 1000.5 }] })[0]).toMatch(/^jurisdictions\[0\]\.residents: 1000\.5 .*whole number from 100 to 20000000/);
  });

  it('names an unknown choice and lists the allowed ones', () => {
    expect(problems({ jurisdictions: [{ policy: { model: 'taskforce' } }] })[0]).toBe(
      'jurisdictions[0].policy.model: "taskforce" is not allowed; expected one of "none", "jailEnforcement", "warrantService", "taskForce"',
    );
  });

  it('reports every problem at once', () => {
    expect(problems({ run: { years: -1, seed: 'x' }, crime: { offenderShare: 2 } })).toHaveLength(3);
  });

  it('refuses contradictions between fields', () => {
    expect(problems({ run: { years: 1, activationDay: 400 } })[0]).toMatch(/^run\.activationDay: 400: must be before the end of the run/);
    expect(problems({ jurisdictions: [{ policy: { model: 'taskForce', sanctuary: true } }] })[0]).toMatch(
      /^jurisdictions\[0\]\.policy\.sanctuary: .*cannot be combined with the taskForce model/,
    );
    expect(problems({ jurisdictions: [{ latinoNaturalisedShare: 0.5, latinoLawfulShare: 0.4, latinoUndocumentedShare: 0.3 }] })[0]).toMatch(/add up to 1\.200/);
  });

  it('refuses text that is not JSON, naming the line', () => {
    expect(() => parseScenarioText('{\n  "run": { "years": 3, }\n}')).toThrow(/not valid JSON: .*line 2/);
    expect(() => parseScenarioText('[1, 2]')).toThrow(/expected a JSON object/);
  });

  it('migrates a version 1 file: the community effects on fear move to entanglement, retired keys are dropped', () => {
    const s = resolveScenario({
      schemaVersion: 1,
      fear: { communityEffectNoncitizen: 0.4, reportingEffect: 0.8 },
      enforcement: { signalScale: 5 },
      trust: { communityEffect: 0.2 },
      crime: { learningRate: 0.1 },
    });
    expect(s.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.entanglement.fearEffectNoncitizen).toBe(0.4);
    // A relative effect of 0.8 would mean something else on the log-odds scale: the default applies.
    expect(s.fear.reportingEffect).toBe(resolveScenario({}).fear.reportingEffect);
  });

  it('an agreement\u2019s end day: a whole number after the activation day, or null; the message says so', () => {
    expect(resolveScenario({ jurisdictions: [{ policy: { model: 'taskForce', endDay: 800 } }] }).jurisdictions[0].policy.endDay).toBe(800);
    expect(resolveScenario({}).jurisdictions[0].policy.endDay).toBeNull();
    expect(problems({ jurisdictions: [{ policy: { model: 'taskForce', endDay: 'soon' } }] })[0]).toBe(
      'jurisdictions[0].policy.endDay: "soon" is text; expected a whole number from 1 to 18250 (day), or null for none',
    );
    expect(problems({ jurisdictions: [{ policy: { model: 'taskForce', endDay: 100 } }] })[0]).toMatch(/endDay: 100: must be after the activation day \(365\)/);
  });

  it('refuses a newer schemaVersion and one older than any migration', () => {
    expect(problems({ schemaVersion: SCHEMA_VERSION + 1 })[0]).toMatch(
      new RegExp(`^schemaVersion: ${SCHEMA_VERSION + 1} is newer than this build understands`),
    );
    expect(problems({ schemaVersion: 0 })[0]).toMatch(/^schemaVersion: 0 is older than any version this build can migrate/);
  });

  it('hashes equal scenarios equally, whatever the key order, and ignores the seed', () => {
    const a = resolveScenario({ run: { years: 2, seed: 5 }, name: 'x' });
    const b = resolveScenario({ name: 'x', run: { seed: 9, years: 2 } });
    expect(scenarioHash(a)).toBe(scenarioHash(b));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash(resolveScenario({ run: { years: 2.5 } }))).not.toBe(scenarioHash(a));
  });

  it('matches the committed JSON Schema (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync('scenarios/scenario.schema.json', 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it.each(PRESETS.map((p) => p.id))('preset %s parses', (id) => {
    const s = parseScenarioText(readFileSync(presetPath(id), 'utf8'), id);
    expect(s.name.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(20);
  });
});
