import { msg, str } from '@lit/localize';
import type { Model } from '../vocabulary/codes.ts';

/**
 * The plain name of a 287(g) model, for people (ids such as `taskForce` stay in files and flags). In the
 * app's language where a catalogue is loaded (the page); English elsewhere (the command line, Workers).
 */
function modelLabel(model: Model): string {
  switch (model) {
    case 'none':
      return msg('no agreement');
    case 'jailEnforcement':
      return msg('Jail Enforcement Model');
    case 'warrantService':
      return msg('Warrant Service Officer model');
    case 'taskForce':
      return msg('Task Force model');
  }
}

/** A jurisdiction's policy in words: its model (or sanctuary policy), and trust-building where it is on. */
export function policyLabel(model: string, sanctuary: boolean, trustBuilding: boolean): string {
  const known = ['none', 'jailEnforcement', 'warrantService', 'taskForce'].includes(model);
  const base = model === 'none' && sanctuary ? msg('sanctuary policy') : known ? modelLabel(model as Model) : model;
  return trustBuilding ? msg(str`${base} with trust-building`) : base;
}
