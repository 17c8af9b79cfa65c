import { readdirSync, readFileSync } from 'node:fs';
import { runTask } from '../../src/engine/index.ts';
import { type Chapter, inLanguage, parseChapter } from '../../src/story/chapter.ts';
import { type ChapterScenarios, chapterScenarios, chapterTasks } from '../../src/story/chapter-tasks.ts';
import { type Answer, type ChapterRun, chapterSentences } from '../../src/story/result.ts';

/** Reads a preset as written in scenarios/. */
export const readPreset = (id: string): Record<string, unknown> => JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8'));

/** The built-in chapter files, in order, with their parse results. */
export function chapterFiles(): { file: string; raw: unknown; parsed: ReturnType<typeof parseChapter> }[] {
  return readdirSync('scenarios/story')
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(`scenarios/story/${file}`, 'utf8'));
      return { file, raw, parsed: parseChapter(raw, file) };
    });
}

/** The built-in chapters (every file must parse). */
export function builtInChapters(): Chapter[] {
  return chapterFiles().map(({ file, parsed }) => {
    if ('problems' in parsed) throw new Error(`${file}: ${parsed.problems.join('; ')}`);
    return parsed.chapter;
  });
}

/** A chapter's replicates run in this process, and its resolved scenarios. */
export function chapterRunInNode(c: Chapter): { run: ChapterRun; s: ChapterScenarios } {
  const s = chapterScenarios(c, readPreset);
  const results = chapterTasks(c, s).map(runTask);
  return { run: { main: results.slice(0, c.replicates), against: s.against ? results.slice(c.replicates) : [] }, s };
}

/** A chapter run in this process, and the sentences the story shows for an answer (in `locale`, once the catalogue is loaded). */
export function chapterInNode(c: Chapter, answer: Answer, locale = 'en'): string[] {
  const s = chapterScenarios(c, readPreset);
  const results = chapterTasks(c, s).map(runTask);
  return chapterSentences(
    inLanguage(c, locale),
    { main: results.slice(0, c.replicates), against: s.against ? results.slice(c.replicates) : [] },
    answer,
    s,
    locale,
  );
}
