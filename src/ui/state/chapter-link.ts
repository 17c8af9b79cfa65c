import LZString from 'lz-string';
import { type Chapter, parseChapter } from '../../story/chapter.ts';
import { decompressBounded } from './bounded-lz.ts';
import { MAX_INFLATED } from './share-link.ts';

const { compressToEncodedURIComponent } = LZString;
const STORY = '#story';
const CHAPTER = '#chapter=';

/** What a story link opens: a built-in chapter by id (or the story's start), or a chapter written out; locked by a facilitator or not. */
export type StoryLink = ({ id?: string } | { chapter: Chapter }) & { locked: boolean };

/** Marks a link as a facilitator's: the lab opens it read-only. (`&` is outside lz-string's URI alphabet.) */
const LOCK = '&lock=1';

/** A link to a built-in chapter (by id) or to a trainer's own chapter (the whole file, compressed). */
export function encodeChapterLink(c: Chapter, builtIn: boolean, locked = false): string {
  return (builtIn ? `${STORY}=${c.id}` : CHAPTER + compressToEncodedURIComponent(JSON.stringify(c))) + (locked ? LOCK : '');
}

/** Reads a story link from a URL hash; null when the hash is not one. The chapter goes through its schema. */
export function decodeStoryLink(hash: string): StoryLink | { error: string } | null {
  const locked = hash.endsWith(LOCK);
  const h = locked ? hash.slice(0, -LOCK.length) : hash;
  if (h === STORY) return { locked };
  if (h.startsWith(`${STORY}=`)) {
    try {
      return { id: decodeURIComponent(h.slice(STORY.length + 1)).slice(0, 40), locked };
    } catch {
      // A stray % (a link cut short or typed by hand) would otherwise throw before the app has drawn anything.
      return { error: 'the story link is damaged (a % not followed by two hexadecimal digits); it may have been cut short when copied' };
    }
  }
  if (!h.startsWith(CHAPTER)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(decompressBounded(h.slice(CHAPTER.length), MAX_INFLATED) ?? '');
  } catch {
    return { error: 'the chapter link is damaged; it may have been cut short when copied' };
  }
  const r = parseChapter(raw);
  return 'problems' in r ? { error: `the link does not hold a valid chapter (${r.problems[0]})` } : { chapter: r.chapter, locked };
}
