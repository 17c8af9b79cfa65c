import { DEFAULT_PRESET, presetScenario } from '../state/presets.ts';
import { loadDraft, type Draft } from '../state/local-draft.ts';
import { decodeRun } from '../state/share-link.ts';

/** Where the first scenario comes from, and any note to show about it. */
export interface Startup {
  draft: Draft;
  notice?: string;
}

/**
 * Chooses the scenario the page opens with: a shared link wins, then the user's saved edits, then the
 * default preset. A link that cannot be read falls back to the default with a note saying why.
 */
export function chooseStartup(hash: string): Startup {
  const fromLink = decodeRun(hash);
  if (fromLink && 'error' in fromLink) {
    return { draft: defaultDraft(), notice: `This link could not be opened: ${fromLink.error}. Showing the default scenario instead.` };
  }
  if (fromLink) return { draft: { scenario: fromLink.scenario, seed: fromLink.seed } };
  return { draft: loadDraft() ?? defaultDraft() };
}

export function defaultDraft(): Draft {
  const scenario = presetScenario(DEFAULT_PRESET);
  return { scenario, seed: 1, preset: DEFAULT_PRESET };
}
