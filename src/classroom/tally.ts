import { msg, str } from '@lit/localize';
import { formatNumber } from '../i18n/labels.ts';
import type { ClassAnswer, ModelAnswer, PhoneChapter } from './protocol.ts';

type Prediction = PhoneChapter['prediction'];

/** One bar of the room's predictions: a choice's option, or a slice [from, to) of the slider (the last slice includes its end). */
export interface Bar {
  label: string;
  from: number;
  to: number;
  count: number;
}

/** The most bars a slider's predictions are drawn in: wide enough to read from the back of the room. */
const MAX_BINS = 12;

/** The digits a slider's values are shown with: as many as its step has. */
export function stepDigits(step: number): number {
  return step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step) - 1e-9));
}

/** The room's predictions as bars: one per option, or the slider's range in equal slices of whole steps. */
export function roomBars(p: Prediction, answers: readonly ClassAnswer[], locale = 'en'): Bar[] {
  if (p.kind === 'choice') {
    const bars = p.options.map((label, k) => ({ label, from: k, to: k + 1, count: 0 }));
    for (const a of answers) if ('option' in a && bars[a.option]) bars[a.option].count++;
    return bars;
  }
  const steps = Math.max(1, Math.round((p.max - p.min) / p.step));
  const width = p.step * Math.ceil(steps / MAX_BINS);
  const n = Math.max(1, Math.ceil((p.max - p.min) / width - 1e-9));
  const digits = stepDigits(p.step);
  const bars = Array.from({ length: n }, (_, k) => {
    const from = p.min + k * width;
    const to = Math.min(p.max, from + width);
    return { label: `${formatNumber(from, digits, locale)} – ${formatNumber(to, digits, locale)}`, from, to, count: 0 };
  });
  for (const a of answers) {
    if (!('value' in a)) continue;
    const k = Math.min(n - 1, Math.max(0, Math.floor((a.value - p.min) / width + 1e-9)));
    bars[k].count++;
  }
  return bars;
}

/** The median of the slider's predictions (null when no one answered with a value). */
export function roomMedian(answers: readonly ClassAnswer[]): number | null {
  const v = answers.flatMap((a) => ('value' in a ? [a.value] : [])).sort((a, b) => a - b);
  if (!v.length) return null;
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/** The model's answer in words: its value and 95% interval in the chapter's units ("−9.6 points (95% interval −12.0 to −7.1)"). */
export function modelValueText(c: PhoneChapter, model: ModelAnswer, locale = 'en'): string {
  const u = c.units;
  const fmt = (x: number) => `${formatNumber(x, u.digits, locale, u.signed)}${u.text}`;
  const range =
    model.lo !== null && model.hi !== null ? msg(str` (95% interval ${formatNumber(model.lo, u.digits, locale, u.signed)} to ${fmt(model.hi)})`) : '';
  return `${fmt(model.mean)}${range}`;
}

/**
 * The sentence the projector shows under the room's predictions, made from the numbers: for a choice,
 * how many chose the model's answer; for a slider, how many predicted the model's direction (for a
 * difference) or fell inside its interval (for a level), and how far the room's median was from it.
 */
export function roomSentence(c: PhoneChapter, answers: readonly ClassAnswer[], model: ModelAnswer, locale = 'en'): string {
  const p = c.prediction;
  const n = answers.length;
  if (!n) return msg('No one in the room answered this question.');
  if (p.kind === 'choice') {
    const k = model.option ?? -1;
    const right = answers.filter((a) => 'option' in a && a.option === k).length;
    const label = p.options[k] ?? '?';
    return msg(str`${right} of ${n} in the room chose the model\u2019s answer, \u201c${label}\u201d.`);
  }
  const median = roomMedian(answers) ?? 0;
  const fmt = (x: number, signed: boolean) => `${formatNumber(x, c.units.digits, locale, signed)}${c.units.text}`;
  const gap = fmt(Math.abs(median - model.mean), false);
  const where = median > model.mean ? msg(str`${gap} above`) : median < model.mean ? msg(str`${gap} below`) : msg('exactly');
  const from = msg(str`The room\u2019s median was ${fmt(median, model.difference)}, ${where} the model\u2019s ${fmt(model.mean, model.difference)}.`);
  const values = answers.flatMap((a) => ('value' in a ? [a.value] : []));
  if (model.difference && model.mean !== 0) {
    const same = values.filter((v) => Math.sign(v) === Math.sign(model.mean)).length;
    const way = model.mean < 0 ? msg('a fall') : msg('a rise');
    return `${msg(str`${same} of ${n} in the room predicted the model\u2019s direction (${way}).`)} ${from}`;
  }
  if (model.lo === null || model.hi === null) return from;
  const { lo, hi } = model;
  const inside = values.filter((v) => v >= lo && v <= hi).length;
  return `${msg(str`${inside} of ${n} in the room predicted within the model\u2019s 95% interval.`)} ${from}`;
}
