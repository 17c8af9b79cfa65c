import { describe, expect, it } from 'vitest';
import { REMOVED } from '../../src/vocabulary/codes.ts';
import { summarise } from '../../src/engine/index.ts';
import { PERIODS } from '../../src/engine/index.ts';
import { runWorld, smallScenario } from '../helpers/small.ts';

/**
 * Conservation from independent counts: the removals the metrics counted event by event must equal
 * the residents whose state says removed (counted from the state array), and nobody is removed who
 * was not detained first. With no burn-in, every event falls inside the measured periods.
 */
describe('conservation', () => {
  it.each(['taskForce', 'jailEnforcement'])('%s: removals counted as events equal residents in the removed state; detentions at least as many', (model) => {
    const s = smallScenario({ run: { years: 2, activationDay: 200, burnInWeeks: 0 } }, { residents: 4000 }, { model });
    const w = runWorld(s, 5);
    let inState = 0;
    for (let r = 0; r < w.residents.count; r++) if (w.residents.custody[r] === REMOVED) inState++;
    const summary = summarise(w);
    const sum = (key: 'removals' | 'detentions') => summary.jurisdictions.reduce((a, j) => a + PERIODS.reduce((b, p) => b + (j.groups.all[p][key] ?? 0), 0), 0);
    expect(inState).toBeGreaterThan(0);
    expect(sum('removals')).toBe(inState);
    expect(sum('detentions')).toBeGreaterThanOrEqual(sum('removals'));
    expect(summary.population.removed).toBe(inState);
    expect(summary.population.inCommunity + summary.population.inCustody + summary.population.removed).toBe(summary.population.initial);
  });
});
