/** The presets shipped in `scenarios/`, in the order menus list them. */
export const PRESETS = [
  { id: 'task-force', title: 'Task Force model' },
  { id: 'no-agreement', title: 'No agreement' },
  { id: 'jail-enforcement', title: 'Jail Enforcement Model' },
  { id: 'jail-enforcement-targeted', title: 'Jail Enforcement Model, targeted screening' },
  { id: 'warrant-service', title: 'Warrant Service Officer model' },
  { id: 'task-force-with-neighbour', title: 'Task Force county beside an untreated county' },
  { id: 'sanctuary', title: 'Sanctuary county' },
  { id: 'task-force-trust-building', title: 'Task Force model with trust-building' },
  { id: 'task-force-ended', title: 'Task Force model that ends' },
] as const;
export type PresetId = (typeof PRESETS)[number]['id'];

/**
 * The place names the presets and the story's chapters give their jurisdictions (the schema's default,
 * "County", among them): shown through the translation catalogue, so a Spanish page says "Condado".
 * A test checks the list against the files.
 */
export const PRESET_PLACE_NAMES = ['County', 'Task Force County', 'Neighbour County'] as const;

/** The scenario the app opens with and `npm start` runs. */
export const DEFAULT_PRESET: PresetId = 'task-force';

/** File of a preset, relative to the repository root. */
export function presetPath(id: PresetId): string {
  return `scenarios/${id}.json`;
}
