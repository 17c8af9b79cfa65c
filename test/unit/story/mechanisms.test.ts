import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listParameters } from '../../../src/scenario/json-schema.ts';
import { MECHANISMS, MECHANISM_IDS, WHY_MECHANISMS, policyMechanisms } from '../../../src/story/mechanisms.ts';

/** The bold headings of docs/MODEL.md § 7 (Submodels), up to the metrics, which describe what is counted, not a mechanism. */
function submodels(): string[] {
  const text = readFileSync('docs/MODEL.md', 'utf8');
  const section = text.slice(text.indexOf('## 7. Submodels'), text.indexOf('**Metrics**'));
  return [...section.matchAll(/^\*\*(.+?)\*\*/gm)].map((m) => m[1]);
}

describe('How it works (the mechanisms in plain words)', () => {
  it('explains every submodel of docs/MODEL.md § 7 exactly once, and names none it does not have', () => {
    const headings = submodels();
    expect(headings.length).toBeGreaterThan(10);
    const explained = MECHANISMS.flatMap((m) => m.submodels);
    expect([...explained].sort()).toEqual([...headings].sort());
  });

  it('names every parameter of the model (all but the run’s and the survey’s settings) in some mechanism', () => {
    const named = new Set(MECHANISMS.flatMap((m) => m.parameters));
    const model = listParameters()
      .map((p) => p.path)
      .filter((p) => !/^(\$schema|schemaVersion|name|description|run\.|survey\.|jurisdictions\[\]\.name$)/.test(p));
    expect(model.filter((p) => !named.has(p))).toEqual([]);
  });

  it('lists only parameters the scenario schema has, each once per mechanism', () => {
    const paths = new Set(listParameters().map((p) => p.path));
    for (const m of MECHANISMS) {
      expect(
        m.parameters.filter((p) => !paths.has(p)),
        m.id,
      ).toEqual([]);
      expect(new Set(m.parameters).size, m.id).toBe(m.parameters.length);
    }
  });

  it('has one entry per id, each with a title and words', () => {
    expect(MECHANISMS.map((m) => m.id)).toEqual([...MECHANISM_IDS]);
    for (const m of MECHANISMS) {
      expect(m.title().length).toBeGreaterThan(5);
      expect(m.words().join(' ').length).toBeGreaterThan(80);
    }
  });

  it("links each sentence of the story's why account, and each policy, to the mechanisms it works through", () => {
    expect(WHY_MECHANISMS).toHaveLength(4);
    expect(policyMechanisms(['taskForce']).slice(0, 2)).toEqual(['patrol', 'booking']);
    expect(policyMechanisms(['jailEnforcement'])[0]).toBe('booking');
    expect(policyMechanisms(['warrantService', 'none'])[0]).toBe('booking');
    expect(policyMechanisms(['none'])[0]).toBe('removal');
    expect(policyMechanisms(['none'])).toContain('reporting');
  });
});
