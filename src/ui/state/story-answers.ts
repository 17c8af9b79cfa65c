import { z } from 'zod';
import type { Answer } from '../../story/result.ts';

const KEY = 'trustfall-story-answers';
const Saved = z.record(z.string().max(40), z.union([z.object({ option: z.int().min(0).max(5) }), z.object({ value: z.number() })]));

/** The reader's predictions by chapter id, kept in this browser (checked on the way in: storage is input too). */
export function loadAnswers(): Record<string, Answer> {
  try {
    const r = Saved.safeParse(JSON.parse(localStorage.getItem(KEY) ?? '{}'));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

export function saveAnswers(answers: Record<string, Answer>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(answers));
  } catch {
    // Storage full or blocked (private mode): the predictions stay for this visit only.
  }
}
