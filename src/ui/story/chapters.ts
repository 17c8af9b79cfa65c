import { type Chapter, parseChapter } from '../../story/chapter.ts';

// The built-in chapters, one file each, bundled so the story works offline once loaded.
const files = import.meta.glob<unknown>('../../../scenarios/story/*.json', { import: 'default', eager: true });

/** The built-in story in file-name order (01-…, 02-…). A file that fails the schema is a build bug: it throws. */
export const CHAPTERS: readonly Chapter[] = Object.keys(files)
  .sort()
  .map((path) => {
    const r = parseChapter(files[path], path.split('/').pop());
    if ('problems' in r) throw new Error(`story chapter ${path} is invalid: ${r.problems.join('; ')}`);
    return r.chapter;
  });
