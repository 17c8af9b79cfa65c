import { estimate, metricDef, type Estimate, type MetricKey, type ReplicateResult } from '../engine/index.ts';
import { msg, str } from '@lit/localize';
import { formatNumber, groupPeople, metricLabel, placeName, rateUnit } from '../i18n/labels.ts';
import type { Chapter, Measure, Prediction } from './chapter.ts';
import { againstName, type ChapterScenarios } from './chapter-tasks.ts';

/** A chapter's finished replicates: its scenario's, and (paired by replicate) what it is measured against. */
export interface ChapterRun {
  main: readonly ReplicateResult[];
  against: readonly ReplicateResult[];
}

/** One measure over the replicates, in the metric's own units (shares 0–1). */
export interface MeasureResult {
  measure: Measure;
  jurisdictionName: string;
  value: Estimate;
  /** What it is measured against, and the paired difference (absent for a level). */
  against?: Estimate;
  difference?: Estimate;
}

/** A reader's prediction: the index of the option chosen, or the slider's value (display units). */
export type Answer = { option: number } | { value: number };

/** Weeks in the "last year" window. */
const YEAR_WEEKS = 52;

/** One replicate's value of a measure. */
function replicateValue(r: ReplicateResult, m: Measure): number | null {
  if (m.window === 'after') return r.summary.jurisdictions[m.jurisdiction]?.groups[m.group].after[m.metric] ?? null;
  const series = (r.weekly?.jurisdictions[m.jurisdiction]?.groups[m.group]?.[m.metric] ?? []) as (number | null)[];
  const last = series.slice(-YEAR_WEEKS).filter((v): v is number => v !== null && Number.isFinite(v));
  return last.length ? last.reduce((a, b) => a + b, 0) / last.length : null;
}

/** A measure's estimate over the replicates, and its difference from the comparison paired by replicate. */
export function measureResult(m: Measure, run: ChapterRun): MeasureResult {
  const given = run.main[0]?.summary.jurisdictions[m.jurisdiction]?.name;
  const jurisdictionName = given === undefined ? `jurisdiction ${m.jurisdiction + 1}` : placeName(given);
  const value = estimate(run.main.map((r) => replicateValue(r, m)));
  if (!run.against.length) return { measure: m, jurisdictionName, value };
  const pairs = run.main.flatMap((r) => {
    const a = run.against.find((x) => x.replicate === r.replicate);
    return a ? [[replicateValue(r, m), replicateValue(a, m)] as const] : [];
  });
  return {
    measure: m,
    jurisdictionName,
    value,
    against: estimate(pairs.map(([, a]) => a)),
    difference: estimate(pairs.map(([v, a]) => (v === null || a === null ? null : v - a))),
  };
}

/** How a metric is shown in the story: shares and 0–1 levels ×100, rates and totals as they are (units in the app's language). */
export function displayUnits(metric: MetricKey): { scale: number; level: string; difference: string; digits: number } {
  const d = metricDef(metric);
  if (d.kind === 'share') return { scale: 100, level: '%', difference: msg(' points'), digits: 1 };
  if (d.kind === 'level') return { scale: 100, level: msg(' out of 100'), difference: msg(' points'), digits: 1 };
  if (d.kind === 'rate') return { scale: 1, level: ` ${rateUnit(metric)}`, difference: ` ${rateUnit(metric)}`, digits: 1 };
  return { scale: 1, level: '', difference: '', digits: 0 };
}

/** The number a prediction is judged against, in display units: the difference, or the level. */
function answerValue(r: MeasureResult): Estimate {
  return scaled(r.difference ?? r.value, r.measure.metric);
}

/**
 * The model's answer to a chapter's question, in display units: the estimate a prediction is judged
 * against (the difference, or the level), the choice's option holding it, and whether it is a difference.
 */
export function chapterAnswer(c: Chapter, run: ChapterRun): { estimate: Estimate; option: number | null; difference: boolean } {
  const r = measureResult(c.measure, run);
  const estimate = answerValue(r);
  const option = c.prediction.kind === 'choice' && estimate.mean !== null ? optionOf(c.prediction, estimate.mean) : null;
  return { estimate, option, difference: r.difference !== undefined };
}

/** Which option of a choice holds a value (options tile the number line, so exactly one does). */
export function optionOf(p: Extract<Prediction, { kind: 'choice' }>, x: number): number {
  const k = p.options.findIndex((o) => (o.from === null || x >= o.from) && (o.to === null || x < o.to));
  return k < 0 ? p.options.length - 1 : k;
}

/** A measure's name for a sentence: its label without its unit ("(0–1)", "/1,000/yr"), lower-cased. */
function measureName(metric: MetricKey): string {
  const label = metricLabel(metric)
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/\s*\/.*$/, '');
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** A value (already in display units) with its unit, in the given language. */
function fmt(x: number | null, metric: MetricKey, difference: boolean, locale: string, signed = difference): string {
  if (x === null) return msg('not defined');
  const u = displayUnits(metric);
  return `${formatNumber(x, u.digits, locale, signed)}${difference ? u.difference : u.level}`;
}

/** The 95% interval as words, where there is more than one replicate. */
function interval(e: Estimate, metric: MetricKey, difference: boolean, locale: string): string {
  if (e.n < 2 || e.lo === null || e.hi === null) return '';
  const u = displayUnits(metric);
  const lo = formatNumber(e.lo, u.digits, locale, difference);
  const hi = fmt(e.hi, metric, difference, locale);
  return msg(str` (95% interval ${lo} to ${hi})`);
}

/** In display units. */
function scaled(e: Estimate, metric: MetricKey): Estimate {
  const { scale } = displayUnits(metric);
  const s = (x: number | null) => (x === null ? null : x * scale);
  return { mean: s(e.mean), lo: s(e.lo), hi: s(e.hi), n: e.n };
}

/** "Over 4 paired replicates": how many runs a figure rests on. */
function over(n: number, paired: boolean): string {
  if (paired) return n === 1 ? msg('Over 1 paired replicate') : msg(str`Over ${n} paired replicates`);
  return n === 1 ? msg('Over 1 replicate') : msg(str`Over ${n} replicates`);
}

/**
 * The sentence that states a measure's result, made from its numbers: in plain words, or with the
 * statistics (how many replicates, paired or not, and the 95% interval).
 */
function resultSentence(
  r: MeasureResult,
  replicates: number,
  againstName: string,
  activationDay: number,
  agreement: boolean,
  locale: string,
  statistics: boolean,
): string {
  const m = r.measure;
  const people = groupPeople(m.group);
  const place = r.jurisdictionName;
  const who = msg(str`${people} in ${place}`);
  const when =
    m.window === 'lastYear'
      ? msg(' in the last year of the run')
      : agreement
        ? msg(' after the agreement started')
        : msg(str` from day ${activationDay} to the end of the run`);
  const name = measureName(m.metric);
  const v = scaled(r.value, m.metric);
  const value = fmt(v.mean, m.metric, false, locale);
  const Name = name.charAt(0).toUpperCase() + name.slice(1);
  if (!r.difference || !r.against) {
    if (!statistics) return msg(str`${Name} among ${who} came to ${value}${when}.`);
    const range = interval(v, m.metric, false, locale);
    return msg(str`${over(replicates, false)}, ${name} among ${who} came to ${value}${range}${when}.`);
  }
  const a = fmt(scaled(r.against, m.metric).mean, m.metric, false, locale);
  const d = scaled(r.difference, m.metric);
  const diff = fmt(d.mean, m.metric, true, locale);
  if (!statistics) return msg(str`${Name} among ${who} came to ${value}${when}, against ${a} in ${againstName}: a difference of ${diff}.`);
  const range = interval(d, m.metric, true, locale);
  return msg(str`${over(replicates, true)}, ${name} among ${who} came to ${value}${when}, against ${a} in ${againstName}: a difference of ${diff}${range}.`);
}

/** The sentence that sets the reader's prediction beside the model's answer, made from the numbers. */
export function predictionSentence(c: Chapter, r: MeasureResult, answer: Answer, locale = 'en', statistics = false): string {
  const x = answerValue(r);
  if (x.mean === null) return msg('The model gives no value for this measure here (nothing to divide by), so the prediction cannot be judged.');
  const metric = r.measure.metric;
  const difference = r.difference !== undefined;
  const p = c.prediction;
  if (p.kind === 'choice' && 'option' in answer) {
    const right = optionOf(p, x.mean);
    const chosen = p.options[answer.option]?.label ?? '?';
    const reach =
      x.lo !== null && x.hi !== null ? [optionOf(p, x.lo), optionOf(p, x.hi)].filter((k) => k !== right).map((k) => `\u201c${p.options[k].label}\u201d`) : [];
    const list = [...new Set(reach)].join(msg(' and '));
    const also = statistics && reach.length ? msg(str` (its interval also reaches ${list})`) : '';
    const answerLabel = p.options[right].label;
    return right === answer.option
      ? msg(str`You predicted \u201c${chosen}\u201d, and the model agrees${also}.`)
      : msg(str`You predicted \u201c${chosen}\u201d; the model\u2019s answer is \u201c${answerLabel}\u201d${also}.`);
  }
  if ('value' in answer) {
    const off = x.mean - answer.value;
    const inside = x.lo !== null && x.hi !== null && answer.value >= x.lo && answer.value <= x.hi;
    const mine = fmt(answer.value, metric, difference, locale);
    const model = fmt(x.mean, metric, difference, locale);
    if (inside)
      return statistics
        ? msg(str`You predicted ${mine}: inside the model\u2019s 95% interval.`)
        : msg(str`You predicted ${mine}: close to the model\u2019s ${model}.`);
    const gap = fmt(Math.abs(off), metric, true, locale, false);
    return off > 0
      ? msg(str`You predicted ${mine}: the model\u2019s ${model} is ${gap} higher.`)
      : msg(str`You predicted ${mine}: the model\u2019s ${model} is ${gap} lower.`);
  }
  return msg('No prediction was made.');
}

/**
 * Everything a chapter's result says: the answer's sentence, the prediction's (none when the chapter
 * ran without one, as in presenter mode, where the room predicts aloud), then any further measures'.
 * In plain words by default (what students read); with `statistics`, each says how many replicates it
 * rests on and its 95% interval.
 */
export function chapterSentences(c: Chapter, run: ChapterRun, answer: Answer | undefined, s: ChapterScenarios, locale = 'en', statistics = false): string[] {
  const main = measureResult(c.measure, run);
  const n = Math.min(run.main.length, run.against.length || run.main.length);
  const day = s.main.run.activationDay;
  const agreement = s.main.jurisdictions.some((j) => j.policy.model !== 'none');
  const against = againstName(s);
  return [
    resultSentence(main, n, against, day, agreement, locale, statistics),
    ...(answer ? [predictionSentence(c, main, answer, locale, statistics)] : []),
    ...c.also.map((m) => resultSentence(measureResult(m, run), n, against, day, agreement, locale, statistics)),
  ];
}
