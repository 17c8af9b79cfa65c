import { type Chapter, inLanguage } from '../story/chapter.ts';
import { displayUnits } from '../story/result.ts';
import type { PhoneChapter } from './protocol.ts';

/** What a student's phone shows of a chapter: its words in the given language and how to answer. */
export function phoneChapter(chapter: Chapter, index: number, count: number, locale: string): PhoneChapter {
  const c = inLanguage(chapter, locale);
  const p = c.prediction;
  const u = displayUnits(c.measure.metric);
  return {
    id: c.id,
    index,
    count,
    title: c.title,
    question: c.question,
    units: { text: c.against === 'nothing' ? u.level : u.difference, signed: c.against !== 'nothing', digits: u.digits },
    prediction:
      p.kind === 'choice'
        ? { kind: 'choice', options: p.options.map((o) => o.label) }
        : {
            kind: 'slider',
            min: p.min,
            max: p.max,
            step: p.step,
            start: p.start,
          },
  };
}
