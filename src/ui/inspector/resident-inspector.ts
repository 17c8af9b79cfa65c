import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { formatNumber, groupTitle, placeName } from '../../i18n/labels.ts';
import { getLocale } from '../i18n/locale.ts';
import { custodyWords, eventWords } from './event-words.ts';
import type { ResidentInfo } from '../../engine/index.ts';
import { trustCss } from '../../render/colours.ts';
import { LEVEL_SCALE } from '../../report/metric-format.ts';
import { emit } from '../events.ts';

/** A resident's immigration status in the app's language. */
function statusWords(s: ResidentInfo['status']): string {
  switch (s) {
    case 'usBorn':
      return msg('U.S.-born citizen');
    case 'naturalised':
      return msg('naturalised citizen');
    case 'lawfulResident':
      return msg('lawful resident (not a citizen)');
    case 'undocumented':
      return msg('undocumented');
  }
}

/**
 * Who a resident is (group, status, household) and what happened to them, with their trust after
 * each event; residents can also be looked up by number, so the keyboard reaches it too.
 */
export class ResidentInspector extends LitElement {
  static override properties = { info: { attribute: false }, residents: { type: Number } };
  declare info: ResidentInfo | undefined;
  declare residents: number;

  constructor() {
    super();
    this.residents = 0;
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult {
    return html`<form class="lookup" @submit=${this.onLookup}>
        <label for="rid">${msg('Resident number')}</label>
        <input id="rid" name="rid" type="number" min="0" max=${Math.max(0, this.residents - 1)} step="1" required />
        <button>${msg('Inspect')}</button>
        <span class="hint">${msg('or click a resident in the town view')}</span>
      </form>
      ${this.info ? this.details(this.info) : html`<p class="empty">${msg('No resident selected.')}</p>`}`;
  }

  private details(r: ResidentInfo): TemplateResult {
    const locale = getLocale();
    // Trust and fear out of 100, as every screen shows them (kept 0–1 in the engine and in data files).
    const n2 = (v: number) => formatNumber(v * LEVEL_SCALE, 0, locale);
    const x = r.neighbourhood.x + 1;
    const y = r.neighbourhood.y + 1;
    const place = placeName(r.jurisdiction);
    const times = r.victimisations;
    return html`<div class="card">
      <h3>${msg(str`Resident ${r.id}`)}</h3>
      <dl>
        <dt>${msg('Group')}</dt>
        <dd>${groupTitle(r.group)}, ${statusWords(r.status)}</dd>
        <dt>${msg('Lives in')}</dt>
        <dd>${msg(str`${place}, neighbourhood (${x}, ${y})`)}</dd>
        <dt>${msg('Now')}</dt>
        <dd>${custodyWords(r.custody)}${r.offender ? msg('; an active offender') : ''}</dd>
        <dt>${msg('Trust / fear (0–100)')}</dt>
        <dd><span class="swatch" style="background:${trustCss(r.trust)}"></span>${n2(r.trust)} / ${n2(r.fear)}</dd>
        <dt>${msg('Victimised')}</dt>
        <dd>${times === 1 ? msg('1 time') : msg(str`${times} times`)}</dd>
        <dt>${msg('Household')}</dt>
        <dd>
          ${r.household.mixedStatus ? msg('Mixed-status household: ') : ''}
          <ul>
            ${r.household.members.map(
              (m) =>
                html`<li>${m.id === r.id ? html`<strong>${msg('this resident')}</strong>` : html`<button class="link" @click=${() => emit(this, 'resident-pick', m.id)}>${msg(str`resident ${m.id}`)}</button>`}: ${statusWords(m.status)}, ${custodyWords(m.custody)}</li>`,
            )}
          </ul>
        </dd>
        <dt>${msg('Ties')}</dt>
        <dd>${msg(str`${r.ties.length} people outside the household (kin, friends, neighbours), drawn in the town as lines from this resident: word of enforcement spreads through them.`)}</dd>
      </dl>
      <h4>${msg('What happened (trust after each event)')}</h4>
      ${r.timeline.length ? this.sparkline(r) : nothing}
      ${
        r.timeline.length
          ? html`<ol class="timeline">
            ${r.timeline.map((t) => html`<li><span class="day">${msg(str`day ${t.day}`)}</span> ${eventWords(t.kind, t.other)} <span class="trust">${msg(str`trust ${n2(t.trust)}`)}</span></li>`)}
          </ol>`
          : html`<p class="empty">${msg('Nothing has happened to this resident yet in the measured period.')}</p>`
      }
    </div>`;
  }

  private sparkline(r: ResidentInfo): TemplateResult {
    const w = 260;
    const h = 40;
    const maxDay = Math.max(1, ...r.timeline.map((t) => t.day));
    const pts = r.timeline.map((t) => `${((t.day / maxDay) * (w - 6) + 3).toFixed(1)},${(h - 3 - t.trust * (h - 6)).toFixed(1)}`).join(' ');
    const dots = r.timeline.map(
      (t) =>
        svg`<circle cx=${((t.day / maxDay) * (w - 6) + 3).toFixed(1)} cy=${(h - 3 - t.trust * (h - 6)).toFixed(1)} r="2.5" fill=${trustCss(t.trust)} stroke="#14213d" stroke-width="0.8" />`,
    );
    return html`<svg class="spark" width=${w} height=${h} viewBox="0 0 ${w} ${h}" role="img" aria-label=${msg(str`Trust after each event, from day ${r.timeline[0].day} to day ${maxDay}`)}>
      ${svg`<polyline points=${pts} fill="none" stroke="#14213d" stroke-width="1.2" />`}${dots}
    </svg>`;
  }

  private onLookup(e: Event): void {
    e.preventDefault();
    const v = Number(new FormData(e.target as HTMLFormElement).get('rid'));
    if (Number.isInteger(v) && v >= 0 && v < this.residents) emit(this, 'resident-pick', v);
  }

  static override styles = css`
    :host {
      display: block;
      font-size: 0.88rem;
    }
    .lookup {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .lookup input {
      width: 7rem;
      font: inherit;
    }
    button {
      font: inherit;
      cursor: pointer;
    }
    button.link {
      border: none;
      background: none;
      color: #0b5cad;
      text-decoration: underline;
      padding: 0;
    }
    .hint,
    .empty {
      color: #555;
    }
    dl {
      display: grid;
      grid-template-columns: 7rem 1fr;
      gap: 0.2rem 0.6rem;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    ul {
      margin: 0.2rem 0 0;
      padding-left: 1.1rem;
    }
    .swatch {
      display: inline-block;
      width: 0.8rem;
      height: 0.8rem;
      border: 1px solid #888;
      margin-right: 0.3rem;
      vertical-align: middle;
    }
    .timeline {
      max-height: 14rem;
      overflow: auto;
      padding-left: 1.4rem;
    }
    .timeline .day {
      font-variant-numeric: tabular-nums;
      color: #555;
    }
    .timeline .trust {
      color: #555;
      font-size: 0.8rem;
    }
    h3,
    h4 {
      margin: 0.6rem 0 0.3rem;
    }
    :focus-visible {
      outline: 3px solid #f4a261;
    }
  `;
}

customElements.define('resident-inspector', ResidentInspector);

declare global {
  interface HTMLElementTagNameMap {
    'resident-inspector': ResidentInspector;
  }
}
