import { msg, str } from '@lit/localize';
import type { County, CountyFile } from '../../counties/record.ts';
import { type CountyScenario, inForce } from '../../counties/to-scenario.ts';
import { formatNumber } from '../../i18n/labels.ts';
import { policyLabel } from '../../report/policy-labels.ts';
import { type Chapter, parseChapter } from '../../story/chapter.ts';
import { getLocale } from '../i18n/locale.ts';

/**
 * A story chapter for a county with an agreement, in the page's language: its facts, then the question
 * every chapter asks, what the agreement does to Latino residents' reporting, answered by the county
 * run beside its no-agreement twin. Undefined for a county with no agreement (there is no twin to differ from).
 */
export function countyChapter(file: CountyFile, c: County, built: CountyScenario): Chapter | undefined {
  const a = inForce(c, file.listDate);
  if (!a) return undefined;
  const locale = getLocale();
  const model = policyLabel(a.model, false, false);
  const scale = built.scale;
  const chapter = {
    format: 'trustfall-chapter',
    id: `county-${c.fips}`,
    title: `${c.name}, ${c.state}`.slice(0, 100),
    text: [
      msg(
        str`${c.name}, ${c.state} has ${formatNumber(c.population, 0, locale)} residents, ${formatNumber(c.latinoShare * 100, 1, locale)}% of them Latino (ACS 2018–2022). On ICE\u2019s list of ${file.listDate} it has a ${model} agreement (${a.agency}, signed ${a.signed}). The story runs it at 1:${scale}: one simulated resident for ${scale} real ones.`,
      ),
      msg(
        'No public source gives immigration status by county, so this county takes the model\u2019s national mix: an assumption. It runs beside its twin with no agreement: the same people and the same crimes, so any difference is the agreement\u2019s.',
      ),
    ],
    sources: [
      { label: msg('CDC/ATSDR Social Vulnerability Index 2022 (ACS 2018–2022 estimates)') },
      { label: msg(str`ICE, 287(g) participating agencies, list of ${file.listDate}`), url: 'https://www.ice.gov/identify-and-arrest/287g' },
    ],
    scenario: { scenario: built.scenario },
    seed: 1,
    against: 'twin',
    replicates: 4,
    question: msg(str`In ${c.name}, what does the ${model} agreement do to the share of crimes against Latino residents that are reported to the police?`),
    measure: { metric: 'reportedShare', group: 'latino' },
    prediction: {
      kind: 'choice',
      options: [
        { label: msg('It falls by more than 10 points'), from: null, to: -10 },
        { label: msg('It falls by 2 to 10 points'), from: -10, to: -2 },
        { label: msg('It changes by less than 2 points'), from: -2, to: 2 },
        { label: msg('It rises by 2 points or more'), from: 2, to: null },
      ],
    },
  };
  const r = parseChapter(chapter);
  if ('problems' in r) throw new Error(`the county chapter is not valid: ${r.problems.join('; ')}`);
  return r.chapter;
}
