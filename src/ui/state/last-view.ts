/**
 * The view the reader was last on (story, lab, comparison, counties or how it works), kept in this browser: a first
 * visit (none kept) starts with the story; a returning reader lands where they left.
 */
const KEY = 'trustfall-view';
const KNOWN = ['story', 'explore', 'compare', 'counties', 'how'];

export function lastView(): string | undefined {
  try {
    const v = localStorage.getItem(KEY);
    return v !== null && KNOWN.includes(v) ? v : undefined;
  } catch {
    // Storage blocked: every visit is a first one.
    return undefined;
  }
}

export function keepView(view: string): void {
  try {
    localStorage.setItem(KEY, view);
  } catch {
    // As above: the choice lasts this visit.
  }
}
