import type { Model } from '../engine/codes.ts';

/** The plain names of the 287(g) models, for people (ids such as `taskForce` stay in files and flags). */
const MODEL_LABELS: Record<Model, string> = {
  none: 'no agreement',
  jailEnforcement: 'Jail Enforcement Model',
  warrantService: 'Warrant Service Officer model',
  taskForce: 'Task Force model',
};

/** A jurisdiction's policy in words: its model (or sanctuary policy), and trust-building where it is on. */
export function policyLabel(model: string, sanctuary: boolean, trustBuilding: boolean): string {
  const base = model === 'none' && sanctuary ? 'sanctuary policy' : (MODEL_LABELS[model as Model] ?? model);
  return trustBuilding ? `${base} with trust-building` : base;
}
