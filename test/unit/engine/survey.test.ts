import { describe, expect, it } from 'vitest';
import { runSurvey, summarise } from '../../../src/engine/index.ts';
import { statedLogOdds } from '../../../src/engine/lenses/survey.ts';
import { runWorld, smallScenario } from '../../helpers/small.ts';

describe('simulated survey: stated intentions', () => {
  const run = { years: 2, activationDay: 120, burnInWeeks: 4 };
  const jur = { residents: 8000, latinoShare: 0.35 };
  const s = smallScenario({ run }, jur, { model: 'taskForce' });

  it('Latino respondents, the undocumented most, say more often than others that they would report less; asked only after activation', () => {
    const survey = runSurvey(runWorld(s), 1500).jurisdictions[0];
    const latino = survey.after.latino.lessLikelyToReport.value!;
    const other = survey.after.nonLatino.lessLikelyToReport.value!;
    expect(latino).toBeGreaterThan(0.1);
    expect(latino).toBeGreaterThan(2 * other);
    expect(survey.after.latinoUndocumented.lessLikelyToReport.value!).toBeGreaterThan(survey.after.latinoCitizen.lessLikelyToReport.value!);
    expect(survey.after.latino.lessLikelyToVolunteer.value!).toBeGreaterThan(0);
    expect(survey.before.latino.lessLikelyToReport.value).toBeNull();
    // Each adult answers once, whatever groups they are counted in: everyone's answers are the Latino and
    // non-Latino answers together, and Latino respondents are the citizens' and non-citizens'.
    const said = (g: keyof typeof survey.after, q: 'lessLikelyToReport' | 'lessLikelyToVolunteer') =>
      survey.after[g][q].value! * survey.after[g][q].respondents;
    for (const q of ['lessLikelyToReport', 'lessLikelyToVolunteer'] as const) {
      expect(survey.after.all[q].respondents).toBe(survey.after.latino[q].respondents + survey.after.nonLatino[q].respondents);
      expect(said('all', q)).toBeCloseTo(said('latino', q) + said('nonLatino', q), 6);
      expect(said('latino', q)).toBeCloseTo(said('latinoCitizen', q) + said('latinoNoncitizen', q), 6);
    }
  });

  it('counts people who say they would change, from its own response model: not the fall in their chance of reporting', () => {
    const policy = runWorld(s);
    const twin = runWorld(smallScenario({ run }, jur, { model: 'none' }));
    const stated = runSurvey(policy, 1500).jurisdictions[0].after.latino.lessLikelyToReport.value!;
    const fall =
      1 - summarise(policy).jurisdictions[0].groups.latino.after.expectedReporting! / summarise(twin).jurisdictions[0].groups.latino.after.expectedReporting!;
    expect(Math.abs(stated - fall)).toBeGreaterThan(0.03);
    // The same world asked with a response model that weighs belief more: more say yes, and nothing in the run changed.
    const louder = smallScenario({ run, survey: { statedBeliefWeight: s.survey.statedBeliefWeight + 3 } }, jur, { model: 'taskForce' });
    const w = runWorld(louder);
    expect(summarise(w).jurisdictions[0].groups).toEqual(summarise(policy).jurisdictions[0].groups);
    expect(runSurvey(w, 1500).jurisdictions[0].after.latino.lessLikelyToReport.value!).toBeGreaterThan(stated + 0.05);
  });

  it('the response model rises with belief and fear, falls with trust, and starts from its intercept', () => {
    const q = { statedIntercept: -2, statedBeliefWeight: 3, statedFearWeight: 2, statedTrustWeight: 1 };
    expect(statedLogOdds(q, 0, 0, 0.6, 0.6)).toBe(-2);
    expect(statedLogOdds(q, 0.5, 0, 0.6, 0.6)).toBeCloseTo(-0.5, 12);
    expect(statedLogOdds(q, 0, 0.5, 0.6, 0.6)).toBeCloseTo(-1, 12);
    expect(statedLogOdds(q, 0, 0, 0.4, 0.6)).toBeCloseTo(-1.8, 12);
  });
});
