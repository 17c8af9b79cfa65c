import { describe, expect, it } from 'vitest';
import { didComparison, eventStudyCoefficients, fitReport, needsQuarters, needsTwin, simulatedValue } from '../../../src/evidence/fit.ts';
import { runTask } from '../../../src/engine/index.ts';
import type { TargetMeasure, TargetSet } from '../../../src/evidence/schema.ts';
import { twinScenario } from '../../../src/evidence/twin.ts';
import { BUILT_IN_TARGETS, parseTargetSet, type TargetSetError } from '../../../src/evidence/registry.ts';
import { runSummary, smallScenario } from '../../helpers/small.ts';

describe('target sets', () => {
  it('ship the section-1 baselines, two sets that disagree on the reporting drop and the detainer mix', () => {
    expect(Object.keys(BUILT_IN_TARGETS)).toEqual(['us-baselines', 'reporting-drop-measured', 'reporting-drop-stated', 'detainer-mix']);
    expect(BUILT_IN_TARGETS['us-baselines'].targets.map((t) => t.id)).toContain('violent-clearance');
    for (const set of Object.values(BUILT_IN_TARGETS)) {
      for (const t of set.targets) {
        expect(t.band[0], t.id).toBeLessThanOrEqual(t.value);
        expect(t.band[1], t.id).toBeGreaterThanOrEqual(t.value);
        expect(t.citation.length, t.id).toBeGreaterThan(10);
      }
    }
    // The measured fall is a relative change in behaviour; the stated figure the share of Latinos who say they
    // would report less. Surveys put it higher: stated intentions are an upper bound on behaviour.
    const measured = BUILT_IN_TARGETS['reporting-drop-measured'].targets[0];
    const stated = BUILT_IN_TARGETS['reporting-drop-stated'].targets.find((t) => t.id === 'latino-less-likely-to-report-stated')!;
    expect(measured.simulated.kind).toBe('paired');
    expect(stated.simulated.kind).toBe('stated');
    expect(stated.value).toBeGreaterThan(-measured.value);
  });

  it('refuse a user\u2019s set with a bad field, naming it', () => {
    const bad = {
      schemaVersion: 1,
      id: 'mine',
      title: 'Mine',
      version: '1',
      targets: [
        {
          id: 'x',
          measure: 'm',
          value: 1,
          band: [2, 0],
          unit: 'u',
          population: 'p',
          simulated: { kind: 'metric', key: 'noSuchMetric', group: 'all', period: 'before' },
          citation: 'c',
        },
      ],
    };
    let problems: string[] = [];
    try {
      parseTargetSet(bad, 'mine.json');
    } catch (e) {
      problems = (e as TargetSetError).problems;
    }
    expect(problems.some((p) => p.startsWith('targets[0].band:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('targets[0].simulated.key:'))).toBe(true);
  });

  it('refuses a band of no width, which would make every distance in half-bands infinite (issue 20, finding 9)', () => {
    const set = structuredClone(BUILT_IN_TARGETS['us-baselines']) as unknown as { targets: { value: number; band: number[] }[] };
    set.targets[0].band = [set.targets[0].value, set.targets[0].value];
    let problems: string[] = [];
    try {
      parseTargetSet(set, 'mine.json');
    } catch (e) {
      problems = (e as TargetSetError).problems;
    }
    expect(
      problems.some((p) => /targets\[0\]\.band: .*low below high/.test(p)),
      problems.join('; '),
    ).toBe(true);
  });

  it('takes only http and https links to a source (the app renders them)', () => {
    const set = structuredClone(BUILT_IN_TARGETS['us-baselines']) as unknown as { targets: { url?: string }[] };
    set.targets[0].url = 'javascript:alert(1)';
    expect(() => parseTargetSet(set, 'mine.json')).toThrow();
    set.targets[0].url = 'https://bjs.ojp.gov/';
    expect(() => parseTargetSet(set, 'mine.json')).not.toThrow();
  });
});

describe('fit report', () => {
  const scenario = smallScenario({ policing: { stopsPerOfficerDay: 3 } }, { residents: 4000 }, { model: 'jailEnforcement' });
  const summary = runSummary(scenario);

  it('reads metrics, gaps between groups and relative changes from a run', () => {
    const all = summary.jurisdictions[0].groups;
    expect(simulatedValue({ kind: 'metric', key: 'reportedShare', group: 'latino', period: 'before' }, summary, 0)).toBe(all.latino.before.reportedShare);
    expect(simulatedValue({ kind: 'gap', key: 'reportedShare', groups: ['latino', 'nonLatino'], period: 'after' }, summary, 0)).toBeCloseTo(
      all.latino.after.reportedShare! - all.nonLatino.after.reportedShare!,
      12,
    );
    expect(simulatedValue({ kind: 'relativeChange', key: 'meanTrust', group: 'all' }, summary, 0)).toBeCloseTo(
      all.all.after.meanTrust! / all.all.before.meanTrust! - 1,
      12,
    );
    const twin = runSummary(twinScenario(scenario));
    expect(simulatedValue({ kind: 'paired', key: 'meanTrust', group: 'latino' }, summary, 0)).toBeNull();
    expect(simulatedValue({ kind: 'paired', key: 'meanTrust', group: 'latino' }, summary, 0, twin)).toBeCloseTo(
      all.latino.after.meanTrust! / twin.jurisdictions[0].groups.latino.after.meanTrust! - 1,
      12,
    );
  });

  it('the twin has no agreement anywhere and is identical before activation', () => {
    const twin = twinScenario(scenario);
    expect(twin.jurisdictions.every((j) => j.policy.model === 'none')).toBe(true);
    expect(runSummary(twin).jurisdictions[0].groups.all.before).toEqual(summary.jurisdictions[0].groups.all.before);
  });

  it('marks each target met or not, skips those that do not apply, and scores the set', () => {
    const scenario = smallScenario({ policing: { stopsPerOfficerDay: 3 } }, { residents: 4000 }, { model: 'jailEnforcement' });
    const r = fitReport(BUILT_IN_TARGETS['reporting-drop-stated'], scenario, [summary]);
    expect(r.results.every((t) => t.simulated === null && t.met === null)).toBe(true);
    expect(r.score.applicable).toBe(0);
    // The measured drop is a paired target: without the twin it cannot be read.
    expect(fitReport(BUILT_IN_TARGETS['reporting-drop-measured'], scenario, [summary]).score.applicable).toBe(0);
    const m = fitReport(BUILT_IN_TARGETS['reporting-drop-measured'], scenario, [summary], [runSummary(twinScenario(scenario))]);
    expect(m.score.applicable).toBe(1);
    const t = m.results[0];
    expect(t.met).toBe(t.simulated!.mean! >= -0.4 && t.simulated!.mean! <= -0.2);
    expect(t.distance === 0).toBe(t.met);
  });

  it('reads a difference in differences against an untreated jurisdiction of the same run, or against the twin when there is none', () => {
    const county = (model: 'taskForce' | 'none') => ({ residents: 2500, gridWidth: 3, gridHeight: 3, policy: { model } });
    const two = smallScenario({ jurisdictions: [county('taskForce'), county('none')], policing: { stopsPerOfficerDay: 3 } });
    const run = runSummary(two);
    const g = (j: number) => run.jurisdictions[j].groups.latino;
    const measure = { kind: 'did', key: 'reportedShare', group: 'latino', scale: 'difference' } as const;
    expect(didComparison(two, 0)).toBe(1);
    const byHand = g(0).after.reportedShare! - g(0).before.reportedShare! - (g(1).after.reportedShare! - g(1).before.reportedShare!);
    expect(simulatedValue(measure, run, 0, undefined, 1)).toBeCloseTo(byHand, 12);
    expect(simulatedValue({ ...measure, scale: 'relative' }, run, 0, undefined, 1)).toBeCloseTo(byHand / g(0).before.reportedShare!, 12);
    // One county alone: the comparison is the same county in the no-agreement twin.
    const twin = runSummary(twinScenario(scenario));
    const own = summary.jurisdictions[0].groups.latino;
    const other = twin.jurisdictions[0].groups.latino;
    expect(didComparison(scenario, 0)).toBe(-1);
    expect(simulatedValue(measure, summary, 0)).toBeNull();
    expect(simulatedValue(measure, summary, 0, twin)).toBeCloseTo(
      own.after.reportedShare! - own.before.reportedShare! - (other.after.reportedShare! - other.before.reportedShare!),
      12,
    );
    // The set needs the twin only where the scenario has no untreated jurisdiction.
    const set = {
      ...BUILT_IN_TARGETS['reporting-drop-measured'],
      targets: [{ ...BUILT_IN_TARGETS['reporting-drop-measured'].targets[0], appliesTo: 'taskForce', simulated: measure }],
    } as TargetSet;
    expect(needsTwin(set, two)).toBe(false);
    expect(needsTwin(set, smallScenario({}, {}, { model: 'taskForce' }))).toBe(true);
    const report = fitReport(set, two, [run]);
    expect(report.results[0].estimand).toBe('did');
    expect(report.results[0].simulated!.mean).toBeCloseTo(byHand, 12);
  });
});

type EventStudyMeasure = Extract<TargetMeasure, { kind: 'eventStudy' }>;

describe('event study', () => {
  // Activation after one quarter; the run ends two whole quarters later (273 days = 39 weeks).
  const quarterly = (model: 'taskForce' | 'none', over: Record<string, unknown> = {}) =>
    smallScenario({ run: { years: 273 / 365, activationDay: 91, burnInWeeks: 8 }, policing: { stopsPerOfficerDay: 3 }, ...over }, {}, { model });
  const runQuarters = (s: ReturnType<typeof quarterly>, replicate = 0) => runTask({ scenario: s, seed: 1, replicate, quarterly: true }).summary;

  it('counts each quarter from its own counters: the quarters add up to the periods, and unsimulated quarters are null', () => {
    const s = quarterly('taskForce');
    const run = runQuarters(s);
    const q = run.quarters!;
    expect(q.quarters).toEqual(Array.from({ length: 17 }, (_, i) => i - 8));
    const all = q.jurisdictions[0].groups.all;
    const at = (quarter: number) => all[q.quarters.indexOf(quarter)];
    for (const quarter of [-8, -2, 2, 8]) expect(at(quarter), `quarter ${quarter}`).toBeNull();
    expect(at(-1)!.crimes).toBe(run.jurisdictions[0].groups.all.before.crimes);
    expect(at(0)!.crimes! + at(1)!.crimes!).toBe(run.jurisdictions[0].groups.all.after.crimes);
    // A share is over the quarter's crimes, not a mean of weekly shares.
    expect(at(-1)!.reportedShare).toBe(run.jurisdictions[0].groups.all.before.reportedShare);
    // Without being asked, a run keeps no quarters.
    expect(runTask({ scenario: s, seed: 1, replicate: 0 }).summary.quarters).toBeUndefined();
  });

  it('against the twin: zero before activation (twin worlds), the policy effect after; the target is the mean over its quarters', () => {
    const s = quarterly('taskForce');
    const measure: EventStudyMeasure = { kind: 'eventStudy', key: 'stopsPer1000', group: 'latino', quarters: [0, 1], scale: 'difference' };
    const set = {
      ...BUILT_IN_TARGETS['reporting-drop-measured'],
      targets: [{ ...BUILT_IN_TARGETS['reporting-drop-measured'].targets[0], appliesTo: 'taskForce', simulated: measure }],
    } as TargetSet;
    expect(needsTwin(set, s)).toBe(true);
    expect(needsQuarters(set)).toBe(true);
    const runs = [0, 1].map((r) => runQuarters(s, r));
    const twins = [0, 1].map((r) => runQuarters(twinScenario(s), r));
    const c = eventStudyCoefficients(measure, runs[0], 0, twins[0], 0);
    const q = runs[0].quarters!.quarters;
    expect(c[q.indexOf(-1)]).toBe(0);
    const stops = (r: (typeof runs)[number], quarter: number) => r.quarters!.jurisdictions[0].groups.latino[q.indexOf(quarter)]!.stopsPer1000!;
    expect(c[q.indexOf(0)]).toBe(stops(runs[0], 0) - stops(twins[0], 0) - (stops(runs[0], -1) - stops(twins[0], -1)));
    // Task Force stops are questioning stops on top of the usual ones: more stops of Latino residents.
    expect(c[q.indexOf(0)]!).toBeGreaterThan(0);
    const report = fitReport(set, s, runs, twins);
    const result = report.results[0];
    expect(result.estimand).toBe('eventStudy');
    const byHand = (r: number) => {
      const k = eventStudyCoefficients(measure, runs[r], 0, twins[r], 0);
      return (k[q.indexOf(0)]! + k[q.indexOf(1)]!) / 2;
    };
    expect(result.simulated!.mean).toBeCloseTo((byHand(0) + byHand(1)) / 2, 12);
    expect(result.profile!.map((p) => p.quarter)).toEqual(q);
    expect(result.profile![q.indexOf(-1)].simulated.mean).toBe(0);
    expect(result.profile![q.indexOf(-4)].simulated.mean).toBeNull();
    // A target over a quarter the run did not simulate whole cannot be read.
    expect(simulatedValue({ ...measure, quarters: [0, 2] }, runs[0], 0, twins[0])).toBeNull();
    // Without the twin, or without the quarters, nothing is read.
    expect(fitReport(set, s, runs).results[0].simulated).toBeNull();
    expect(simulatedValue(measure, runSummary(s), 0, twins[0])).toBeNull();
  });

  it('against an untreated jurisdiction of the same run, relative to its level', () => {
    const county = (model: 'taskForce' | 'none') => ({ residents: 2500, gridWidth: 3, gridHeight: 3, policy: { model } });
    const two = quarterly('taskForce', { jurisdictions: [county('taskForce'), county('none')] });
    const run = runQuarters(two);
    const measure: EventStudyMeasure = { kind: 'eventStudy', key: 'stopsPer1000', group: 'all', quarters: [0, 0], scale: 'relative' };
    const q = run.quarters!.quarters;
    const stops = (j: number, quarter: number) => run.quarters!.jurisdictions[j].groups.all[q.indexOf(quarter)]!.stopsPer1000!;
    const rel = (quarter: number) => (stops(0, quarter) - stops(1, quarter)) / stops(1, quarter);
    expect(simulatedValue(measure, run, 0, undefined, 1)).toBeCloseTo(rel(0) - rel(-1), 12);
  });
});

describe('noise-free statistic', () => {
  it('a target on the realised reporting share also reports the same estimand on expected reporting, apart and unscored', () => {
    const s = smallScenario({}, {}, { model: 'jailEnforcement' });
    const run = runSummary(s);
    const twin = runSummary(twinScenario(s));
    const set = BUILT_IN_TARGETS['reporting-drop-measured'];
    const [result] = fitReport(set, s, [run], [twin]).results;
    const latino = (r: typeof run) => r.jurisdictions[0].groups.latino.after;
    expect(result.noiseFree!.key).toBe('expectedReporting');
    expect(result.noiseFree!.simulated.mean).toBeCloseTo(latino(run).expectedReporting! / latino(twin).expectedReporting! - 1, 12);
    // Scored on the realised share only.
    expect(result.simulated!.mean).toBeCloseTo(latino(run).reportedShare! / latino(twin).reportedShare! - 1, 12);
    // Other keys have no noise-free companion.
    const clearance = fitReport(BUILT_IN_TARGETS['us-baselines'], s, [run]).results.find((r) => r.id === 'violent-clearance')!;
    expect(clearance.noiseFree).toBeUndefined();
  });
});
