import { describe, expect, it } from 'vitest';
import { PERIODS, type MetricKey } from '../../../src/engine/index.ts';
import { runSummary, smallScenario } from '../../helpers/small.ts';

const STATUS_GROUPS = ['latinoUsBorn', 'latinoNaturalised', 'latinoLawful', 'latinoUndocumented'] as const;
const COUNTS = ['crimes', 'unreportedCrimes', 'arrests', 'detainers', 'removals', 'statusQuestioned', 'residents'] as const;

/**
 * Each test runs the county itself (not once in the describe body): a run outside a test would be
 * charged to no test, and mutation testing would then rerun every test for every engine mutant.
 */
const groups = () =>
  runSummary(smallScenario({ policing: { stopsPerOfficerDay: 1 } }, { residents: 6000, latinoShare: 0.4 }, { model: 'taskForce' })).jurisdictions[0].groups;

describe('status groups', () => {
  it('sum to the Latino group, and Latino plus non-Latino to everyone', () => {
    const g = groups();
    for (const p of PERIODS) {
      for (const key of COUNTS) {
        const sum = STATUS_GROUPS.reduce((a, sg) => a + (g[sg][p][key] ?? 0), 0);
        expect(sum, `${p} ${key}`).toBeCloseTo(g.latino[p][key]!, 6);
        expect(g.latino[p][key]! + g.nonLatino[p][key]!, `${p} ${key}`).toBeCloseTo(g.all[p][key]!, 6);
        expect(g.latinoCitizen[p][key]! + g.latinoNoncitizen[p][key]!, `${p} ${key}`).toBeCloseTo(g.latino[p][key]!, 6);
      }
    }
  });

  it('report the expected reporting probability beside the realised share, and trust deciles in order', () => {
    const g = groups();
    for (const grp of ['all', 'latinoUndocumented'] as const) {
      const a = g[grp].after;
      expect(a.expectedReporting!).toBeGreaterThan(0);
      expect(a.expectedReporting!).toBeLessThan(1);
      const deciles = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => a[`trustDecile.${d}` as MetricKey]!);
      for (let d = 1; d < 9; d++) expect(deciles[d]).toBeGreaterThanOrEqual(deciles[d - 1]);
    }
    // Undocumented residents' baseline fear keeps their expected reporting well below citizens'.
    expect(g.latinoUndocumented.before.expectedReporting!).toBeLessThan(g.latinoUsBorn.before.expectedReporting! - 0.1);
    expect(g.all.before.trustFellShare).toBe(0);
  });
});
