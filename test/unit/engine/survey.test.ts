import { describe, expect, it } from 'vitest';
import { runSurvey } from '../../../src/engine/index.ts';
import { runWorld, smallScenario } from '../../helpers/small.ts';

describe('simulated survey: stated intentions', () => {
  const s = smallScenario({ run: { years: 2, activationDay: 120, burnInWeeks: 4 } }, { residents: 8000, latinoShare: 0.35 }, { model: 'taskForce' });

  it('Latino respondents say more often than others that they would report less; asked only after activation', () => {
    const survey = runSurvey(runWorld(s), 1500).jurisdictions[0];
    const latino = survey.after.latino.lessLikelyToReport.value!;
    const other = survey.after.nonLatino.lessLikelyToReport.value!;
    expect(latino).toBeGreaterThan(0.05);
    expect(latino).toBeGreaterThan(2 * other);
    expect(survey.after.latino.lessLikelyToVolunteer.value!).toBeGreaterThan(0);
    expect(survey.before.latino.lessLikelyToReport.value).toBeNull();
  });

  it('without an agreement almost no one states it', () => {
    const none = smallScenario({ run: { years: 2, activationDay: 120, burnInWeeks: 4 } }, { residents: 8000, latinoShare: 0.35 }, { model: 'none' });
    const survey = runSurvey(runWorld(none), 1500).jurisdictions[0];
    expect(survey.after.latino.lessLikelyToReport.value!).toBeLessThan(0.05);
  });
});
