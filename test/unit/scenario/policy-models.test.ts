import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveParams } from '../../../src/engine/params.ts';
import { TargetSet } from '../../../src/evidence/schema.ts';
import { BUILT_IN_TARGETS } from '../../../src/evidence/registry.ts';
import { policyLabel } from '../../../src/report/policy-labels.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';
import { MODELS } from '../../../src/vocabulary/codes.ts';
import { POLICY_MODELS } from '../../../src/vocabulary/policy-models.ts';

/**
 * The 287(g) models as one table (issue 23): the scenario schema, the engine's parameters, the labels
 * and the target sets all read it, and the engine's systems branch on what a model does, never on its id.
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('the policy-model table', () => {
  it('is what the schema accepts, in code order, and names only policy fields as doses', () => {
    expect([...MODELS]).toEqual(POLICY_MODELS.map((m) => m.id));
    // Every policy field, as a resolved scenario holds it.
    const fields = Object.keys(resolveScenario({ jurisdictions: [{ residents: 300 }] }).jurisdictions[0].policy);
    for (const m of POLICY_MODELS) {
      for (const d of m.dose) expect(fields, `${m.id}: ${d}`).toContain(d);
      expect(() => resolveScenario({ jurisdictions: [{ residents: 300, policy: { model: m.id } }] })).not.toThrow();
    }
    expect(() => resolveScenario({ jurisdictions: [{ residents: 300, policy: { model: 'raids' } }] })).toThrow();
  });

  it('gives the engine what each model does', () => {
    for (const m of POLICY_MODELS) {
      const p = deriveParams(resolveScenario({ jurisdictions: [{ residents: 300, policy: { model: m.id } }] }));
      expect([p.agreement[0], p.screensAtBooking[0], p.questionsOnPatrol[0]], m.id).toEqual([m.agreement, m.screensAtBooking, m.questionsOnPatrol].map(Number));
    }
  });

  it('names each model in words, and lets target sets apply only to the measured ones', () => {
    for (const m of POLICY_MODELS) expect(policyLabel(m.id, false, false)).toBe(m.label);
    const set = structuredClone(BUILT_IN_TARGETS['us-baselines']) as unknown as { targets: { appliesTo?: string }[] };
    for (const m of POLICY_MODELS) {
      set.targets[0].appliesTo = m.id;
      expect(TargetSet.safeParse(set).success, m.id).toBe(m.measured);
    }
  });

  it('is the only place the engine learns which model is which: no system compares a model id', () => {
    const ids = POLICY_MODELS.filter((m) => m.id !== 'none').map((m) => m.id);
    for (const p of files('src/engine')) {
      const code = readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const id of ids) expect(code, `${p} names ${id}`).not.toContain(`'${id}'`);
      expect(code, p).not.toMatch(/MODEL_(NONE|JAIL|WARRANT|TASK_FORCE)/);
    }
  });
});
