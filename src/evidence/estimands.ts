import type { TargetMeasure } from './schema.ts';

/**
 * How each kind of target is read from runs, in a few words, for the fit report and the target cards
 * (the app shows them through the catalogue; src/i18n/data-words.ts puts them in it).
 */
export const ESTIMAND_LABELS: Record<TargetMeasure['kind'], string> = {
  metric: 'level in one period',
  gap: 'gap between groups',
  relativeChange: 'before to after in one run',
  paired: 'paired against the no-agreement twin',
  did: 'difference in differences',
  eventStudy: 'event study by quarter around activation',
  stated: 'share of survey respondents who say so',
};
