import { DraftPayload } from '../../scenario/boundaries.ts';

/** The user's edits, kept in localStorage so a reload loses nothing. */
export interface Draft {
  /** The scenario exactly as edited, valid or not. */
  scenario: Record<string, unknown>;
  seed: number;
  /** The preset it started from, if any. */
  preset?: string;
}

const KEY = 'trustfall.draft.v1';

export function saveDraft(d: Draft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    // Storage full or disabled (private mode): the page still works, edits just do not persist.
  }
}

export function loadDraft(): Draft | null {
  try {
    return parseDraft(localStorage.getItem(KEY));
  } catch {
    return null;
  }
}

/** A saved draft from its stored text, or null when there is none or it is damaged (never throws). */
export function parseDraft(text: string | null): Draft | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const r = DraftPayload.safeParse(raw);
  return r.success ? r.data : null;
}
