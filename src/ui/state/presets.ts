import { PRESETS, DEFAULT_PRESET, type PresetId } from '../../scenario/presets.ts';

// The preset files themselves, bundled so the app works offline once loaded.
const files = import.meta.glob<Record<string, unknown>>('../../../scenarios/*.json', { import: 'default', eager: true });

/** The scenario object of a preset, as written in its file (a fresh copy). */
export function presetScenario(id: PresetId): Record<string, unknown> {
  const f = files[`../../../scenarios/${id}.json`];
  if (!f) throw new Error(`preset ${id} is missing from scenarios/`);
  return structuredClone(f);
}

export { PRESETS, DEFAULT_PRESET, type PresetId };
