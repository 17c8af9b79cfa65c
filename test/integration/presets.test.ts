import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUPS, METRICS, PERIODS, runScenario } from '../../src/engine/index.ts';
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
    const pop = report.population[0];
    expect(pop.inCommunity + pop.inCustody + pop.removed).toBe(pop.initial);
    expect(report.weekly.weeks).toBe(Math.ceil(report.days / 7));
  });
});
