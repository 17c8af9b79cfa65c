import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ParamSpec } from '../../calibrate/calibrate.ts';
import { BUILT_IN_TARGETS } from '../../evidence/registry.ts';
import { translated } from '../../vocabulary/translated.ts';
import { fieldLabel } from '../scenario-panel/field.ts';
import { formatNumber } from '../../i18n/labels.ts';
import { getLocale } from '../i18n/locale.ts';

/** Parameters the calibration, posterior and sensitivity panels offer, with the ranges searched (within the schema's). */
export const CHOICES: { path: string; min?: number; max?: number; on: boolean }[] = [
  { path: 'crime.types.simpleAssault.ratePer1000', min: 5, max: 40, on: true },
  { path: 'crime.types.simpleAssault.reportingBase', on: true },
  { path: 'crime.types.burglaryTheft.reportingBase', on: false },
  { path: 'crime.types.burglaryTheft.clearanceBase', min: 0, max: 0.4, on: true },
  { path: 'crime.types.simpleAssault.clearanceBase', min: 0, max: 0.6, on: false },
  { path: 'fear.reportingEffect', on: false },
  { path: 'entanglement.reportingEffect', min: 0, max: 3, on: false },
  { path: 'entanglement.coverageHalfDose', min: 0.1, max: 20, on: false },
  { path: 'entanglement.fearEffectNoncitizen', on: false },
  { path: 'entanglement.trustEffect', on: false },
];

/**
 * A parameter's path as a reader names it, in the page's language: its last two schema keys, less the
 * "types" and jurisdiction levels ("crime.types.simpleAssault.ratePer1000" → "Simple assault: Rate per1000").
 * The path itself goes in a tooltip and in every export, where researchers need it exact.
 */
export function parameterLabel(path: string): string {
  const keys = path.split('.').filter((k) => k !== 'types' && !/^jurisdictions\[\d+\]$/.test(k));
  return keys.slice(-2).map(fieldLabel).join(': ');
}

/** A search range in the page's number style (" (de 0 a 0,4)" in Spanish). */
function rangeText(lo: number, hi: number): string {
  const locale = getLocale();
  const min = formatNumber(lo, decimals(lo), locale);
  const max = formatNumber(hi, decimals(hi), locale);
  return msg(str` (${min} to ${max})`);
}

function decimals(x: number): number {
  return Math.min(6, (String(x).split('.')[1] ?? '').length);
}

/** Structural factors the sensitivity panel offers: a policy measure on or off, a mechanism off (strength 0) or on as in the scenario. */
export const SWITCHES: { spec: ParamSpec; label: () => string }[] = [
  { spec: { path: 'jurisdictions[0].policy.trustBuilding' }, label: () => msg('Trust-building measures (off / on)') },
  { spec: { path: 'trust.influencePerWeek', switch: true }, label: () => msg('Social influence on trust (off / on)') },
  { spec: { path: 'entanglement.announcementPulse', switch: true }, label: () => msg('Announcement pulse of perceived entanglement (off / on)') },
  { spec: { path: 'trust.cynicismPerEvent', switch: true }, label: () => msg('Legal cynicism (off / on)') },
];

/** The structural factors to choose, as checkboxes; `onChange` gets the new choice. */
export function switchChoices(chosen: readonly boolean[], disabled: boolean, onChange: (chosen: boolean[]) => void): TemplateResult {
  return html`<fieldset ?disabled=${disabled}>
    <legend>${msg('Mechanisms and measures to switch on and off')}</legend>
    ${SWITCHES.map(
      (c, i) =>
        html`<label class="choice"><input type="checkbox" .checked=${chosen[i]} @change=${(e: Event) => onChange(chosen.map((v, k) => (k === i ? (e.target as HTMLInputElement).checked : v)))} /> ${c.label()}</label>`,
    )}
  </fieldset>`;
}

/** The parameters to choose, as checkboxes (with their search ranges where `ranges`); `onChange` gets the new choice. */
export function parameterChoices(
  legend: string,
  chosen: readonly boolean[],
  disabled: boolean,
  onChange: (chosen: boolean[]) => void,
  ranges = true,
): TemplateResult {
  return html`<fieldset ?disabled=${disabled}>
    <legend>${legend}</legend>
    ${CHOICES.map(
      (c, i) =>
        html`<label class="choice" title=${c.path}><input type="checkbox" .checked=${chosen[i]} @change=${(e: Event) => onChange(chosen.map((v, k) => (k === i ? (e.target as HTMLInputElement).checked : v)))} /> ${parameterLabel(c.path)}${ranges && c.min !== undefined ? rangeText(c.min, c.max ?? c.min) : ''}</label>`,
    )}
  </fieldset>`;
}

/** The built-in target sets, by title in the page's language. */
export function targetSetSelect(id: string, value: string, disabled: boolean, onChange: (set: string) => void): TemplateResult {
  return html`<label>${msg('Targets')} <select id=${id} ?disabled=${disabled} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>${Object.values(BUILT_IN_TARGETS).map((s) => html`<option value=${s.id} ?selected=${s.id === value}>${translated(s.title)}</option>`)}</select></label>`;
}
