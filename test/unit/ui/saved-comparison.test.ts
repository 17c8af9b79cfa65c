import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../../src/compare/compare.ts';
import { ENGINE_VERSION, runTask } from '../../../src/engine/index.ts';
import { checkSaved } from '../../../src/ui/state/saved-comparison.ts';
import { smallScenario } from '../../helpers/small.ts';

/** A comparison kept in IndexedDB is outside data (issue 20, finding 13): read through a schema. */
describe('the kept comparison', () => {
  const a = smallScenario({ name: 'A' });
  const b = smallScenario({ name: 'B' }, {}, { model: 'taskForce' });
  const compared = [a, b].map((scenario) => ({ scenario, results: [0, 1].map((replicate) => runTask({ scenario, seed: 3, replicate })) }));
  const setup = {
    slots: [{ scenario: a as unknown as Record<string, unknown> }, { scenario: b as unknown as Record<string, unknown> }],
    replicates: 2,
    seed: 3,
    survey: 0,
    years: 0,
  };
  const good = {
    format: 'trustfall-saved-comparison',
    engineVersion: ENGINE_VERSION,
    savedAt: '2026-12-05T00:00:00.000Z',
    setup,
    compared,
    report: compareScenarios(compared, 3, 2),
  };

  it('comes back whole, with the report worked out again from its results', () => {
    const r = checkSaved(structuredClone(good));
    expect(r?.report).toEqual(good.report);
    expect(r?.setup).toEqual(setup);
  });

  it('is refused when any part is damaged: five slots, a broken report, a broken result, a bad scenario, another engine', () => {
    const damaged = (edit: (g: typeof good) => void) => {
      const g = structuredClone(good);
      edit(g);
      return checkSaved(g);
    };
    expect(damaged((g) => g.setup.slots.push(...g.setup.slots, g.setup.slots[0]))).toBeUndefined();
    expect(damaged((g) => ((g as { report: unknown }).report = { cancelled: 'yes' }))).toBeUndefined();
    expect(damaged((g) => ((g.compared[1].results[0] as { summary: unknown }).summary = null))).toBeUndefined();
    expect(damaged((g) => ((g.compared[0].scenario as { run: unknown }).run = { years: -1 }))).toBeUndefined();
    expect(damaged((g) => (g.engineVersion = '0.0.1'))).toBeUndefined();
    expect(damaged((g) => (g.compared = g.compared.slice(0, 1)))).toBeUndefined();
  });

  it('a report edited in storage is replaced by the one its results give', () => {
    const g = structuredClone(good) as { report: { scenarios: unknown[] } };
    g.report.scenarios = [];
    expect(checkSaved(g)?.report).toEqual(good.report);
  });
});
