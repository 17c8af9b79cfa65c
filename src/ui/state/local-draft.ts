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
    const text = localStorage.getItem(KEY);
    if (!text) return null;
    const d = JSON.parse(text) as Draft;
    if (!d || typeof d.scenario !== 'object' || typeof d.seed !== 'number') return null;
    return d;
  } catch {
    return null;
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to do
  }
}
