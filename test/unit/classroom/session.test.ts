import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClassSession, readSessionJson, SESSION_CSV_COLUMNS, type SessionChapter, sessionCsv, sessionJson } from '../../../src/classroom/session.ts';
import { FC_SEED } from '../../helpers/fc-seed.ts';

/** Reads the CSV back with a standard CSV parser: the manifest from its first lines, a chapter per run of rows. */
function readCsv(text: string): ClassSession {
  const [first, second] = text.split('\n');
  expect(first).toBe('# trustfall-class-session 1');
  const manifest = JSON.parse(second.replace(/^# manifest /, ''));
  const rows: Record<string, string>[] = parse(text, { columns: true, comment: '#', comment_no_infix: true, skip_empty_lines: true });
  const chapters: SessionChapter[] = [];
  const num = (s: string) => (s === '' ? null : Number(s));
  for (const r of rows) {
    let c = chapters.at(-1);
    if (!c || c.id !== r.chapter) {
      c = {
        id: r.chapter,
        index: Number(r.index),
        title: r.title,
        question: r.question,
        kind: r.kind as 'choice' | 'slider',
        options: JSON.parse(r.options),
        unit: r.unit,
        opened: r.opened,
        closed: r.closed || null,
        ran: r.ran || null,
        answers: [],
        model:
          r.model_mean === ''
            ? null
            : {
                mean: Number(r.model_mean),
                lo: num(r.model_lo),
                hi: num(r.model_hi),
                option: num(r.model_option),
                difference: r.model_difference === 'true',
                replicates: Number(r.model_replicates),
              },
      };
      chapters.push(c);
    }
    if (r.answer !== '') c.answers.push(c.kind === 'choice' ? { option: Number(r.answer) } : { value: Number(r.answer) });
  }
  return { format: 'trustfall-class-session', version: 1, manifest, chapters };
}

const time = fc.date({ min: new Date('2026-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const words = fc.string({ minLength: 1, maxLength: 40 });
const chapterArb = fc.oneof(
  fc.record({
    kind: fc.constant('choice' as const),
    options: fc.array(words, { minLength: 2, maxLength: 6 }),
    unit: fc.constant(''),
  }),
  fc.record({ kind: fc.constant('slider' as const), options: fc.constant([] as string[]), unit: fc.constantFrom(' points', '%', ' out of 100') }),
);
const sessionArb: fc.Arbitrary<ClassSession> = fc
  .array(
    fc.tuple(
      chapterArb,
      words,
      words,
      time,
      fc.option(time, { nil: null }),
      fc.option(time, { nil: null }),
      fc.nat({ max: 12 }),
      fc.boolean(), // (x + 0 turns −0 into 0, as JSON writes it.)
      fc.double({ min: -50, max: 50, noNaN: true }).map((x) => x + 0),
    ),
    { maxLength: 5 },
  )
  .map((list) =>
    list.map(
      ([k, title, question, opened, closed, ran, n, hasModel, mean], i): SessionChapter => ({
        id: `chapter-${i}`,
        index: i,
        title,
        question,
        kind: k.kind,
        options: k.options,
        unit: k.unit,
        opened,
        closed,
        ran,
        answers: Array.from({ length: n }, (_, j) => (k.kind === 'choice' ? { option: j % k.options.length } : { value: mean + j / 4 })),
        model: hasModel ? { mean, lo: mean - 1.5, hi: null, option: k.kind === 'choice' ? 0 : null, difference: i % 2 === 0, replicates: 4 } : null,
      }),
    ),
  )
  .map((chapters) => ({
    format: 'trustfall-class-session',
    version: 1,
    manifest: { app: 'Trustfall', engineVersion: '0.5.0', room: 'ABCDEFGH', started: '2026-12-05T09:00:00.000Z', exported: '2026-12-05T10:00:00.000Z' },
    chapters,
  }));

describe('a class session export', () => {
  it('round-trips through its JSON file and its CSV file, whatever the chapters\u2019 words hold (commas, quotes, line breaks)', () => {
    fc.assert(
      fc.property(sessionArb, (s) => {
        expect(readSessionJson(sessionJson(s))).toEqual(s);
        expect(readCsv(sessionCsv(s))).toEqual(s);
      }),
      { seed: FC_SEED, numRuns: 200 },
    );
  });

  it('writes one CSV row per prediction, with the header the docs name', () => {
    const s = fc.sample(sessionArb, { seed: 7, numRuns: 30 }).find((x) => x.chapters.some((c) => c.answers.length > 1)) as ClassSession;
    const rows: string[][] = parse(sessionCsv(s), { comment: '#', comment_no_infix: true });
    expect(rows[0]).toEqual([...SESSION_CSV_COLUMNS]);
    expect(rows.length - 1).toBe(s.chapters.reduce((n, c) => n + Math.max(1, c.answers.length), 0));
  });

  it('refuses a file that is not a session, naming the field', () => {
    expect(() => readSessionJson('{"format":"trustfall-class-session","version":1,"manifest":{},"chapters":[]}')).toThrow(/manifest\.app/);
  });
});
