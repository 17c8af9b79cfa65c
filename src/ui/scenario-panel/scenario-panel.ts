import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { scenarioJsonSchema, type SchemaNode } from '../../scenario/index.ts';
import { emit } from '../events.ts';
import { PRESETS } from '../state/presets.ts';
import { getAt, pathText, type Path } from '../../scenario/paths.ts';
import { SEED_MAX } from '../../scenario/boundaries.ts';
import { field, fieldLabel } from './field.ts';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { translated } from '../../vocabulary/translated.ts';
import { presetTitle } from '../../i18n/labels.ts';
import { panelStyles } from './scenario-panel.styles.ts';

/** Sections shown open at first: the ones a student changes. */
const OPEN = new Set(['run', 'jurisdictions', 'policy']);
const MAX_JURISDICTIONS = 8;

/**
 * The scenario editor, generated from the scenario schema: presets, seed, and every parameter grouped
 * by section with its unit, range, help and source. Edits go up as events; refused values stay in
 * their box with the reason beside them, and nothing runs until the scenario is valid and applied.
 */
export class ScenarioPanel extends LitElement {
  static override properties = {
    draft: { attribute: false },
    errors: { attribute: false },
    seed: { type: Number },
    preset: { type: String },
    dirty: { type: Boolean },
    locked: { type: Boolean },
  };
  static override styles = panelStyles;

  declare draft: Record<string, unknown>;
  declare errors: Map<string, string>;
  declare seed: number;
  declare preset: string;
  declare dirty: boolean;
  /** A facilitator's lock: every field shown, none editable (one disabled fieldset around them all). */
  declare locked: boolean;

  constructor() {
    super();
    this.draft = {};
    this.errors = new Map();
    this.seed = 1;
    this.preset = '';
    this.dirty = false;
    this.locked = false;
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult {
    const schema = scenarioJsonSchema();
    const problems = this.errors.size;
    return html`<fieldset class="lock" ?disabled=${this.locked}>
      <div class="top">
        <label for="preset">${msg('Preset')}</label>
        <select id="preset" @change=${this.onPreset}>
          ${this.preset ? nothing : html`<option value="" selected>${msg('(edited scenario)')}</option>`}
          ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === this.preset}>${presetTitle(p.id)}</option>`)}
        </select>
        <label for="seed">${msg('Seed')}</label>
        <input id="seed" type="number" min="0" max=${String(SEED_MAX)} step="1" .value=${String(this.seed)} @change=${this.onSeed} />
        <div class="apply-row">
          <button class="apply" ?disabled=${!this.dirty || problems > 0} @click=${() => emit(this, 'scenario-apply', undefined)}>${msg('Apply and restart')}</button>
          <span class="state" role="status">${problems > 1 ? msg(str`${problems} values to fix`) : problems === 1 ? msg('1 value to fix') : this.dirty ? msg('Changes not applied yet') : msg('Running these settings')}</span>
        </div>
      </div>
      ${this.section('run', schema.properties!.run, ['run'])}
      ${this.jurisdictions(schema.properties!.jurisdictions.items!)}
      ${(['community', 'crime', 'policing', 'enforcement', 'trust', 'fear', 'contrasts'] as const).map((k) => this.section(k, schema.properties![k], [k]))}
      ${this.section('about', { properties: { name: schema.properties!.name, description: schema.properties!.description }, description: msg('Name and description.') }, [])}
    </fieldset>`;
  }

  private jurisdictions(item: SchemaNode): TemplateResult {
    const list = (this.draft.jurisdictions as unknown[] | undefined) ?? [{}];
    return html`<details open class="section">
      <summary>${msg(str`Jurisdictions (${list.length})`)}</summary>
      <p class="section-help">${msg('Counties side by side from west to east; neighbours share a border. Each runs its own policy.')}</p>
      ${list.map(
        (_, i) => html`<details open class="sub">
          <summary>${String(getAt(this.draft, ['jurisdictions', i, 'name']) ?? `County ${i + 1}`)}</summary>
          ${this.fields(item, ['jurisdictions', i])}
          ${list.length > 1 ? html`<button class="small" @click=${() => emit(this, 'jurisdiction-remove', i)}>${msg('Remove this jurisdiction')}</button>` : nothing}
        </details>`,
      )}
      ${list.length < MAX_JURISDICTIONS ? html`<button class="small" @click=${() => emit(this, 'jurisdiction-add', undefined)}>${msg('Add a neighbouring jurisdiction')}</button>` : nothing}
    </details>`;
  }

  private section(key: string, node: SchemaNode, path: Path): TemplateResult {
    return html`<details class="section" ?open=${OPEN.has(key)}>
      <summary>${key === 'about' ? msg('About') : fieldLabel(key)}</summary>
      ${node.description ? html`<p class="section-help">${translated(node.description)}</p>` : nothing}
      ${this.fields(node, path)}
    </details>`;
  }

  private fields(node: SchemaNode, path: Path): TemplateResult[] {
    return (
      Object.entries(node.properties ?? {})
        // The run's seed has one field, at the top of the panel.
        .filter(([k]) => k !== '$schema' && k !== 'schemaVersion' && !(k === 'seed' && path.length === 1 && path[0] === 'run'))
        .map(([k, child]) => {
          const p = [...path, k];
          if (child.properties) {
            return html`<details class="sub" ?open=${OPEN.has(k)}><summary>${fieldLabel(k)}</summary>${this.fields(child, p)}</details>`;
          }
          return field(child, p, getAt(this.draft, p), this.errors.get(pathText(p)), (fp, v) => emit(this, 'scenario-edit', { path: fp, value: v }));
        })
    );
  }

  /** A preset replaces the scenario: changes not yet applied are not dropped without asking. */
  private onPreset = (e: Event) => {
    const select = e.target as HTMLSelectElement;
    if (this.dirty && !confirm('Your changes have not been applied yet. Switch to this preset and drop them?')) {
      select.value = this.preset;
      return;
    }
    emit(this, 'preset-select', select.value);
  };

  private onSeed(e: Event): void {
    const v = Number((e.target as HTMLInputElement).value);
    emit(this, 'seed-change', v);
  }
}

customElements.define('scenario-panel', ScenarioPanel);

declare global {
  interface HTMLElementTagNameMap {
    'scenario-panel': ScenarioPanel;
  }
}
