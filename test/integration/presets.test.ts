import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUPS, METRICS, PERIODS, createWorld, runScenario, stepDays, summarise } from '../../src/engine/index.ts';
import { twinScenario } from '../../src/evidence/twin.ts';
import { parseScenarioText } from '../../src/scenario/index.ts';
import { PRESETS, presetPath } from '../../src/scenario/presets.ts';

describe('presets run end to end', () => {
  it.each(PRESETS.map((p) => p.id))('%s', (id) => {
    const s = parseScenarioText(readFileSync(presetPath(id), 'utf8'), id);
    const report = runScenario(s);
    expect(report.jurisdictions).toHaveLength(s.jurisdictions.length);
    for (const j of report.jurisdictions) {
      for (const g of GROUPS) {
        for (const p of PERIODS) {
          const m = j.groups[g][p];
          for (const def of METRICS) expect(m, `${j.name} ${g} ${p}`).toHaveProperty(def.key);
          expect(m.residents.mean!).toBeGreaterThan(0);
        }
      }
      const all = j.groups.all;
      expect(all.before.violentVictimisationPer1000.mean!).toBeGreaterThan(5);
      expect(all.after.crimes.mean!).toBeGreaterThan(0);
      if (j.model === 'taskForce') expect(all.after.statusQuestioned.mean!).toBeGreaterThan(0);
      else expect(all.after.statusQuestioned.mean).toBe(0);
    }
    // (Conservation is checked from independent counts in conservation.test.ts.)
    expect(report.weekly.weeks).toBe(Math.ceil(report.days / 7));
  });
});

describe('twin worlds', () => {
  it.each(PRESETS.map((p) => p.id))('%s is identical to its no-agreement twin before activation', (id) => {
    const s = parseScenarioText(readFileSync(presetPath(id), 'utf8'), id);
    const twin = twinScenario(s);
    const a = createWorld(s);
    const b = createWorld(twin);
    stepDays(a, s.run.burnInWeeks * 7 + s.run.activationDay);
    stepDays(b, s.run.burnInWeeks * 7 + s.run.activationDay);
    expect(a.day).toBe(s.run.activationDay);
    expect(Buffer.from(a.residents.trust.buffer).equals(Buffer.from(b.residents.trust.buffer))).toBe(true);
    expect(Buffer.from(a.residents.belief.buffer).equals(Buffer.from(b.residents.belief.buffer))).toBe(true);
    expect(Buffer.from(a.residents.custody.buffer).equals(Buffer.from(b.residents.custody.buffer))).toBe(true);
    expect(summarise(a).jurisdictions.map((j) => j.groups)).toEqual(summarise(b).jurisdictions.map((j) => j.groups));
  });
});
