import { SRC, calibrated, num, section } from '../param.ts';

/** Fitted to the stated-intention figures of the reporting-drop-stated set. */
const STATED = calibrated(SRC.theodore, 'stated-intentions');
/** Not identified by those figures apart from the intercept (belief is about equal in every Latino group they cover). */
const RIDGE =
  'assumption (the stated figures pin down the intercept plus this weight times the belief of Latino respondents, not each: docs/calibration/abc-stated.md)';

/**
 * How respondents of the simulated survey answer its stated-intention questions ("are you less likely to
 * contact the police, or to volunteer information about crimes, because police ask about immigration
 * status?"). A respondent says yes with probability σ(intercept + belief weight · belief + fear weight ·
 * fear + trust weight · (baseline trust − trust)), plus the volunteer shift for the second question. The
 * answers count people who say they would change, not how much anyone's behaviour moved, and they have
 * no effect on the run.
 */
export const Survey = section(
  {
    statedIntercept: num(-3.44213, -10, 10, {
      unit: 'log-odds',
      description:
        'Log-odds that a respondent with no belief that police work with ICE, no fear and baseline trust says they are less likely to contact the police.',
      source: STATED,
    }),
    statedBeliefWeight: num(3, 0, 20, {
      unit: 'log-odds per unit of belief',
      description: 'Rise in the log-odds of saying "less likely" per unit of belief that police work with ICE.',
      source: RIDGE,
    }),
    statedFearWeight: num(1.66612, 0, 20, {
      unit: 'log-odds per unit of fear',
      description: 'Rise in the log-odds of saying "less likely" per unit of fear of immigration consequences.',
      source: STATED,
    }),
    statedTrustWeight: num(1, 0, 20, {
      unit: 'log-odds per unit of trust',
      description: 'Rise in the log-odds of saying "less likely" per unit of trust below the baseline (and fall per unit above it).',
      source: SRC.assumption,
    }),
    volunteerShift: num(0.0872111, -10, 10, {
      unit: 'log-odds',
      description:
        'Added to the log-odds for the question about volunteering information about crimes (witnesses), against the question about contacting the police.',
      source: STATED,
    }),
  },
  'How respondents of the simulated survey answer its stated-intention questions.',
);
