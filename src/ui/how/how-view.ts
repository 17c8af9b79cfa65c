import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { type SchemaNode, describeAllowed } from '../../scenario/index.ts';
import { humanise } from '../../scenario/editor-words.ts';
import { listParameters } from '../../scenario/json-schema.ts';
import { MECHANISMS, type Mechanism, type MechanismId } from '../../story/mechanisms.ts';
import { translated } from '../../vocabulary/translated.ts';
import { formatNumber } from '../../i18n/labels.ts';
import { parameterLabel } from '../calibrate/choices.ts';
import { emit } from '../events.ts';
import { getLocale } from '../i18n/locale.ts';
import { sourceText } from '../scenario-panel/field.ts';

declare global {
  interface HTMLElementEventMap {
    /** Back from "How it works" to the story chapter that linked to it. */
    'how-back': CustomEvent<void>;
  }
}

/** Each parameter's schema node, by path (a jurisdiction's as `jurisdictions[].…`). */
let nodes: Map<string, SchemaNode> | undefined;
function nodeOf(path: string): SchemaNode | undefined {
  nodes ??= new Map(listParameters().map((p) => [p.path, p.node]));
  return nodes.get(path);
}

/**
 * "How it works": the model's mechanisms in plain words (src/story/mechanisms.ts), each with the
 * parameters that set it, their defaults, units and sources from the scenario schema. Story chapters
 * link to the mechanisms they turn on; `show(id)` opens one and moves focus to its heading.
 */
export class HowView extends LitElement {
  static override properties = { fromStory: { type: Boolean } };
  /** Opened from a story chapter: offer the way back. */
  declare fromStory: boolean;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.fromStory = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Scrolls to a mechanism (or the top) and moves focus to its heading. */
  async show(id?: MechanismId): Promise<void> {
    await this.updateComplete;
    const heading = this.querySelector<HTMLElement>(id ? `#how-${id} h3` : '#how-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  override render(): TemplateResult {
    return html`<article class="how">
      <h2 id="how-title" tabindex="-1">${msg('How the model works')}</h2>
      ${this.fromStory ? html`<p><button class="how-back" @click=${() => emit(this, 'how-back', undefined)}>${msg('Back to the chapter')}</button></p>` : nothing}
      <p class="intro">
        ${msg(
          'Trustfall is a model: every resident, officer and offender follows a few simple rules, day by day, and what happens to the town comes out of those rules. Here they are in plain words, each with the numbers that set it and where each number comes from. You can change any of them in the lab.',
        )}
      </p>
      <nav aria-label=${msg('Mechanisms')}>
        <ol class="how-index">
          ${MECHANISMS.map((m) => html`<li><a href="#how=${m.id}" @click=${(e: Event) => this.follow(e, m.id)}>${m.title()}</a></li>`)}
        </ol>
      </nav>
      ${MECHANISMS.map((m) => this.mechanism(m))}
      <p class="how-note">${msg('The full description, with every formula, is docs/MODEL.md in the source code; section 7 has one part for each mechanism here.')}</p>
    </article>`;
  }

  private follow(e: Event, id: MechanismId): void {
    e.preventDefault();
    history.replaceState(null, '', `#how=${id}`);
    void this.show(id);
  }

  private mechanism(m: Mechanism): TemplateResult {
    const locale = getLocale();
    return html`<section class="how-mechanism" id="how-${m.id}" aria-labelledby="how-${m.id}-title">
      <h3 id="how-${m.id}-title" tabindex="-1">${m.title()}</h3>
      ${m.words().map((p) => html`<p>${p}</p>`)}
      ${this.fromStory ? html`<p><button class="link how-back-here" @click=${() => emit(this, 'how-back', undefined)}>${msg('Back to the chapter')}</button></p>` : nothing}
      <details>
        <summary>${msg(str`The numbers that set it (${m.parameters.length})`)}</summary>
        <p class="how-note">${msg('Trust, fear and belief are set here from 0 to 1: 0.6 is what the charts show as 60 out of 100.')}</p>
        <table class="how-parameters">
          <thead>
            <tr><th scope="col">${msg('Parameter')}</th><th scope="col">${msg('Default')}</th><th scope="col">${msg('Allowed')}</th><th scope="col">${msg('Source')}</th></tr>
          </thead>
          <tbody>
            ${m.parameters.map((path) => {
              const node = nodeOf(path);
              if (!node) return nothing;
              return html`<tr>
                <th scope="row"><span title=${path}>${parameterLabel(path.replace('[]', '[0]'))}</span>${node.description ? html`<span class="how-meaning">${translated(node.description)}</span>` : nothing}</th>
                <td>${defaultText(node.default, locale)}</td>
                <td>${describeAllowed(node, locale)}</td>
                <td class="source">${sourceText(node.source)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </details>
    </section>`;
  }
}

function defaultText(v: unknown, locale: string): string {
  if (typeof v === 'number') return formatNumber(v, Number.isInteger(v) ? 0 : Math.min(4, String(v).split('.')[1]?.length ?? 0), locale);
  if (typeof v === 'boolean') return v ? msg('on') : msg('off');
  if (v === null || v === undefined) return msg('none');
  return translated(humanise(String(v)));
}

customElements.define('how-view', HowView);

declare global {
  interface HTMLElementTagNameMap {
    'how-view': HowView;
  }
}
