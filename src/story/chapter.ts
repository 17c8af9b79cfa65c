import { z } from 'zod';
import { GROUPS, METRICS, metricDef, type MetricKey } from '../engine/index.ts';
import { PRESETS } from '../scenario/presets.ts';
import { Seed } from '../scenario/boundaries.ts';

/** A web address a reader may follow: http or https only (a javascript: or data: URL would run in the app). */
const WEB_URL = z.url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' });

/**
 * A chapter of the guided story, as a trainer writes it in a JSON file (scenarios/story/ holds the
 * built-in ones). A chapter sets a scenario and seed, asks the reader to predict one measure, runs
 * replicates (against a comparison where the point is a difference), and shows the result against the
 * prediction. Nothing in a chapter states a result: the sentences are made from the numbers.
 */

const PRESET_IDS = PRESETS.map((p) => p.id) as [string, ...string[]];

/** A scenario: a preset by id, or written out in full (checked by the scenario schema before it runs). */
const ScenarioRef = z.union([
  z.object({ preset: z.enum(PRESET_IDS).describe('one of the presets in scenarios/') }).strict(),
  z.object({ scenario: z.record(z.string(), z.unknown()).describe('a scenario object, as in a scenario file') }).strict(),
]);
export type ScenarioRef = z.infer<typeof ScenarioRef>;

/** Metrics a chapter can ask about: shares, levels, rates and totals (not head counts or ratios). */
const ASKABLE = METRICS.filter((m) => m.kind === 'share' || m.kind === 'level' || m.kind === 'rate' || m.kind === 'total').map((m) => m.key) as [
  MetricKey,
  ...MetricKey[],
];

const Measure = z
  .object({
    metric: z.enum(ASKABLE).describe('the metric, by its key in the metric table (docs/MODEL.md)'),
    group: z.enum(GROUPS).default('all').describe('whose value: a resident group'),
    jurisdiction: z.int().min(0).max(7).default(0).describe('which jurisdiction of the scenario (0 is the first)'),
    window: z
      .enum(['after', 'lastYear'])
      .default('after')
      .describe('after: the whole period after the agreement starts; lastYear: the mean of the last 52 weekly values'),
  })
  .strict();
export type Measure = z.infer<typeof Measure>;

/** One answer of a multiple-choice prediction: right when the model's value lies in [from, to). */
const ChoiceOption = z
  .object({
    label: z.string().min(1).max(120),
    from: z.number().nullable().describe('lower bound in the measure\u2019s display units (null: no bound)'),
    to: z.number().nullable().describe('upper bound, excluded (null: no bound)'),
  })
  .strict();

const Prediction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('choice'),
      options: z.array(ChoiceOption).min(2).max(6),
    })
    .strict(),
  z
    .object({
      kind: z.literal('slider'),
      min: z.number(),
      max: z.number(),
      step: z.number().positive(),
      start: z.number().describe('where the slider starts'),
    })
    .strict(),
]);
export type Prediction = z.infer<typeof Prediction>;

/** A chapter's words in another language: the same paragraphs, sources and answers, in the same order. */
const ChapterWords = z
  .object({
    title: z.string().min(1).max(100),
    text: z.array(z.string().min(1).max(1400)).min(1).max(8),
    sources: z.array(z.string().min(1).max(300)).max(8).default([]),
    question: z.string().min(1).max(300),
    options: z.array(z.string().min(1).max(120)).max(6).default([]).describe('the choice\u2019s answers, in order (none for a slider)'),
  })
  .strict();

export const Chapter = z
  .object({
    format: z.literal('trustfall-chapter'),
    id: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .describe('a short name for links and saved predictions'),
    title: z.string().min(1).max(100),
    text: z.array(z.string().min(1).max(1200)).min(1).max(8).describe('paragraphs shown before the question'),
    sources: z
      .array(z.object({ label: z.string().min(1).max(300), url: WEB_URL.optional() }).strict())
      .max(8)
      .default([]),
    scenario: ScenarioRef,
    seed: Seed,
    against: z
      .union([z.literal('twin'), z.literal('nothing'), ScenarioRef])
      .default('twin')
      .describe('what the result is measured against: the no-agreement twin, another scenario, or nothing (a level)'),
    replicates: z.int().min(1).max(20).default(4),
    question: z.string().min(1).max(300),
    measure: Measure,
    prediction: Prediction,
    also: z.array(Measure).max(2).default([]).describe('further measures reported beside the answer'),
    translations: z
      .object({ es: ChapterWords.optional() })
      .strict()
      .default({})
      .describe('the chapter\u2019s words in other languages (English is the chapter itself)'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const p = c.prediction;
    for (const [lang, w] of Object.entries(c.translations)) {
      if (!w) continue;
      const at = (field: string) => ['translations', lang, field];
      if (w.text.length !== c.text.length) ctx.addIssue({ code: 'custom', path: at('text'), message: `needs ${c.text.length} paragraphs, as the chapter has` });
      if (w.sources.length !== c.sources.length)
        ctx.addIssue({ code: 'custom', path: at('sources'), message: `needs ${c.sources.length} sources, as the chapter has` });
      const options = p.kind === 'choice' ? p.options.length : 0;
      if (w.options.length !== options) ctx.addIssue({ code: 'custom', path: at('options'), message: `needs ${options} answers, as the chapter has` });
    }
    if (p.kind === 'slider') {
      if (!(p.min < p.max)) ctx.addIssue({ code: 'custom', path: ['prediction', 'max'], message: 'must be above min' });
      if (p.start < p.min || p.start > p.max) ctx.addIssue({ code: 'custom', path: ['prediction', 'start'], message: 'must be between min and max' });
      return;
    }
    // The options tile the number line, in order, so exactly one holds whatever the model gives.
    const o = p.options;
    if (o[0].from !== null)
      ctx.addIssue({ code: 'custom', path: ['prediction', 'options', 0, 'from'], message: 'the first option must start unbounded (null)' });
    if (o[o.length - 1].to !== null)
      ctx.addIssue({ code: 'custom', path: ['prediction', 'options', o.length - 1, 'to'], message: 'the last option must end unbounded (null)' });
    for (let k = 1; k < o.length; k++) {
      if (o[k].from === null || o[k].from !== o[k - 1].to)
        ctx.addIssue({ code: 'custom', path: ['prediction', 'options', k, 'from'], message: 'must equal the previous option\u2019s "to"' });
    }
    for (const [k, opt] of o.entries())
      if (opt.from !== null && opt.to !== null && !(opt.from < opt.to))
        ctx.addIssue({ code: 'custom', path: ['prediction', 'options', k, 'to'], message: 'must be above "from"' });
    if (c.against === 'nothing' && metricDef(c.measure.metric).kind === 'total')
      ctx.addIssue({ code: 'custom', path: ['measure', 'metric'], message: 'a total needs something to compare against' });
  });
export type Chapter = z.infer<typeof Chapter>;
/** A chapter as written in a file, before defaults. */
export type ChapterInput = z.input<typeof Chapter>;

/** A chapter file checked, with every problem as "field: message" (the same style as scenario errors). */
export function parseChapter(raw: unknown, where = 'chapter'): { chapter: Chapter } | { problems: string[] } {
  const r = Chapter.safeParse(raw);
  if (r.success) return { chapter: r.data };
  return { problems: r.error.issues.map((i) => `${[where, ...i.path].join('.')}: ${i.message}`) };
}

/** The chapter in a language: its translation's words where it has one, else the chapter as written (English). */
export function inLanguage(c: Chapter, locale: string): Chapter {
  const w = locale === 'es' ? c.translations.es : undefined;
  if (!w) return c;
  const prediction =
    c.prediction.kind === 'choice' ? { ...c.prediction, options: c.prediction.options.map((o, k) => ({ ...o, label: w.options[k] })) } : c.prediction;
  return { ...c, title: w.title, text: w.text, question: w.question, sources: c.sources.map((s, k) => ({ ...s, label: w.sources[k] })), prediction };
}
