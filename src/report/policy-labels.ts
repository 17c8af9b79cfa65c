import { msg, str } from '@lit/localize';
import { translated } from '../vocabulary/translated.ts';
import { policyModel } from '../vocabulary/policy-models.ts';

/**
 * A jurisdiction's policy in words: its model (or sanctuary policy), and trust-building where it is on.
 * The model's plain name comes from its row in the policy-model table (ids such as `taskForce` stay in
 * files and flags), in the app's language where a catalogue is loaded (the page); English elsewhere
 * (the command line, Workers).
 */
export function policyLabel(model: string, sanctuary: boolean, trustBuilding: boolean): string {
  const row = policyModel(model);
  const base = model === 'none' && sanctuary ? msg('sanctuary policy') : row ? translated(row.label) : model;
  return trustBuilding ? msg(str`${base} with trust-building`) : base;
}
