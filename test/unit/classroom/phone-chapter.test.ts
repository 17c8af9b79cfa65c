import { describe, expect, it } from 'vitest';
import { phoneChapter } from '../../../src/classroom/phone-chapter.ts';
import { MAX_MESSAGE_BYTES, readClientMessage } from '../../../src/classroom/protocol.ts';
import { Chapter } from '../../../src/story/chapter.ts';
import { builtInChapters } from '../../helpers/story.ts';

const bytes = (m: unknown) => Buffer.byteLength(JSON.stringify(m));

describe('a chapter as the trainer\u2019s page sends it to the phones', () => {
  it('passes the server\u2019s schema for every built-in chapter, in English and in Spanish', () => {
    const chapters = builtInChapters();
    for (const locale of ['en', 'es'])
      for (const [k, c] of chapters.entries()) {
        const m = { t: 'chapter', chapter: phoneChapter(c, k, chapters.length, locale) };
        const read = readClientMessage(JSON.stringify(m));
        expect(read, `${c.id} (${locale})`).toEqual({ message: m });
      }
  });

  it('fits the message limit at the chapter schema\u2019s longest words, in a script of three bytes a letter', () => {
    const long = (n: number) => '\u8a9e'.repeat(n);
    const c = Chapter.parse({
      ...builtInChapters()[1],
      translations: {},
      title: long(100),
      question: long(300),
      prediction: {
        kind: 'choice',
        options: Array.from({ length: 6 }, (_, k) => ({ label: long(120), from: k === 0 ? null : k, to: k === 5 ? null : k + 1 })),
      },
    });
    const m = { t: 'chapter', chapter: phoneChapter(c, 99, 100, 'en') };
    expect(bytes(m)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(readClientMessage(JSON.stringify(m))).toEqual({ message: m });
  });
});
