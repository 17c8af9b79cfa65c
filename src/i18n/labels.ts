import { msg } from '@lit/localize';
import { metricDef, type Group, type MetricKey } from '../engine/index.ts';
import { GROUP_LABELS } from '../report/group-labels.ts';
import type { PresetId } from '../scenario/presets.ts';
import { translated } from '../vocabulary/translated.ts';

/**
 * Names shown to people in the app's language. The tables in src/engine and src/report stay in English
 * (the command line, the docs and the files speak it); these give the same names through the
 * translation catalogue, read at the moment they are shown so a language switch takes effect.
 */

/** A jurisdiction's name as shown: a preset's place name ("County") in the app's language, a name of the user's own as given. */
export function placeName(name: string): string {
  return translated(name);
}

/** A group as people in a sentence ("reporting among Latino non-citizens"). */
export function groupPeople(g: Group): string {
  return translated(GROUP_LABELS[g].people);
}

/** A group in a chart's key or beside one resident ("Latino citizen"). */
export function groupTitle(g: Group): string {
  return translated(GROUP_LABELS[g].key);
}

/** A group as a heading, menu entry or table caption ("All residents", "Latino, U.S.-born"). */
export function groupHeading(g: Group): string {
  return translated(GROUP_LABELS[g].heading);
}

/** Metrics the student-facing views name (the live charts and the story); others keep the table's English label. */
function translatedLabel(key: MetricKey): string | undefined {
  switch (key) {
    case 'meanTrust':
      return msg('Mean trust in police (0–100)');
    case 'meanFear':
      return msg('Mean fear (0–100)');
    case 'meanBelief':
      return msg('Belief that police work with ICE');
    case 'reportedShare':
      return msg('Crimes reported');
    case 'violentReportedShare':
      return msg('Violent crimes reported');
    case 'cooperationRate':
      return msg('Witnesses cooperating');
    case 'violentVictimisationPer1000':
      return msg('Violent victimisation /1,000/yr');
    case 'clearanceRate':
      return msg('Reported crimes cleared');
    case 'stopsPer1000':
      return msg('Patrol stops /1,000/yr');
    case 'detainers':
      return msg('Detainers');
    case 'removals':
      return msg('Removals');
    case 'expectedReporting':
      return msg('Expected reporting (noise-free)');
    case 'recordedCrimesPer1000':
      return msg('Recorded crime /1,000/yr');
    case 'stopDisparity':
      return msg('Stop disparity (Latino/other)');
    default:
      return undefined;
  }
}

/** A metric's short label in the app's language (the metric table's English where no translation is kept). */
export function metricLabel(key: MetricKey): string {
  return translatedLabel(key) ?? metricDef(key).label;
}

/** A rate metric's unit in the app's language. */
export function rateUnit(key: MetricKey): string {
  const unit = metricDef(key).unit;
  if (unit === 'per 1,000 per year') return msg('per 1,000 per year');
  if (unit === 'per 1,000 aged 12+ per year') return msg('per 1,000 aged 12+ per year');
  return unit;
}

/** A number in the app's language: decimal comma in Spanish, a true minus sign, an optional plus. */
export function formatNumber(x: number, digits: number, locale: string, signed = false): string {
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
    useGrouping: true,
  }).format(x === 0 ? 0 : x);
  return text.replace('-', '\u2212');
}

/** A preset's title in the app's language (the same titles as src/scenario/presets.ts in English). */
export function presetTitle(id: PresetId): string {
  switch (id) {
    case 'task-force':
      return msg('Task Force model');
    case 'no-agreement':
      return msg('No agreement');
    case 'jail-enforcement':
      return msg('Jail Enforcement Model');
    case 'jail-enforcement-targeted':
      return msg('Jail Enforcement Model, targeted screening');
    case 'warrant-service':
      return msg('Warrant Service Officer model');
    case 'task-force-with-neighbour':
      return msg('Task Force county beside an untreated county');
    case 'sanctuary':
      return msg('Sanctuary county');
    case 'task-force-trust-building':
      return msg('Task Force model with trust-building');
    case 'task-force-ended':
      return msg('Task Force model that ends');
  }
}

/** A preset's description in the app's language (the same words as its file's description in English). */
export function presetDescription(id: PresetId): string {
  switch (id) {
    case 'task-force':
      return msg(
        'From day 365 deputised patrol officers question people about immigration status during stops, Latino residents are stopped about four times as often as others in the same neighbourhood, and minor arrests feed removals. The default scenario.',
      );
    case 'no-agreement':
      return msg(
        'A county of 50,000 with no 287(g) agreement. Federal immigration enforcement still goes on at its background rate. The baseline every other preset is compared with.',
      );
    case 'jail-enforcement':
      return msg(
        'From day 365 deputised officers in the county jail screen everyone booked, traffic and misdemeanour arrests included, and issue detainers for undocumented residents.',
      );
    case 'jail-enforcement-targeted':
      return msg(
        "From day 365 deputised officers in the county jail screen only people booked on a felony or with a criminal record, as ICE's priorities, and issue detainers for the undocumented among them. Compare with the universal screening of the Jail Enforcement preset.",
      );
    case 'warrant-service':
      return msg(
        "From day 365 jail officers serve ICE's administrative warrants on people already in custody whom ICE has flagged: no screening of their own, the narrowest model.",
      );
    case 'task-force-with-neighbour':
      return msg(
        'Two counties of 50,000 sharing a border. The western county starts a Task Force agreement on day 365; the eastern county has none. Ties across the border carry fear and mistrust over it, and the eastern county is the comparison a difference-in-differences study would use.',
      );
    case 'sanctuary':
      return msg(
        'From day 365 the county limits its cooperation with ICE and says so: the jail honours detainers only for felony charges, so fewer people are held for ICE. Federal at-large arrests go on as before.',
      );
    case 'task-force-trust-building':
      return msg(
        'The Task Force agreement of the default scenario, with procedural-justice training and victim-visa outreach from the same day: can trust-building offset the trust the task force costs?',
      );
    case 'task-force-ended':
      return msg(
        'A Task Force agreement runs from day 365 and ends on day 1095, as the Task Force model was ended in 2012. Watch how slowly belief, trust and reporting recover after the end: distrust is lost fast and rebuilt slowly.',
      );
  }
}
