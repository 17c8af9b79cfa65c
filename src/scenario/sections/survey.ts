import { section } from '../param.ts';
import TABLE from './survey.json' with { type: 'json' };

/**
 * How respondents of the simulated survey answer its stated-intention questions ("are you less likely to
 * contact the police, or to volunteer information about crimes, because police ask about immigration
 * status?"). A respondent says yes with probability σ(intercept + belief weight · belief + fear weight ·
 * fear + trust weight · (baseline trust − trust)), plus the volunteer shift for the second question. The
 * answers count people who say they would change, not how much anyone's behaviour moved, and they have
 * no effect on the run. The intercept, fear weight and volunteer shift are fitted to the stated-intention
 * figures of the reporting-drop-stated set; the belief weight is not identified apart from the intercept.
 */
export const Survey = section(TABLE.survey);
