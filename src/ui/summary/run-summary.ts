import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { getLocale } from '../i18n/locale.ts';
import type { RunSummary } from '../../engine/index.ts';
import { describeRun } from './describe.ts';

/** The plain-language summary of the run so far, generated from its metrics. */
export class RunSummaryView extends LitElement {
  static override properties = { summary: { attribute: false }, activationDay: { type: Number }, day: { type: Number } };
  declare summary: RunSummary | undefined;
  declare activationDay: number;
  declare day: number;

  constructor() {
    super();
    this.activationDay = 0;
    this.day = 0;
    updateWhenLocaleChanges(this);
  }

  override render(): TemplateResult {
    if (!this.summary) return html`<p class="muted">${msg('Play the run, or run it to the end, to see what changed.')}</p>`;
    const lines = describeRun(this.summary, this.activationDay, this.day, getLocale());
    return html`<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
  }

  static override styles = css`
    :host {
      display: block;
      /* Its changes lay out and paint only itself, not the page, while a run plays. */
      contain: content;
      font-size: 0.92rem;
    }
    ul {
      margin: 0;
      padding-left: 1.1rem;
    }
    li {
      margin-bottom: 0.25rem;
    }
    li:last-child {
      color: #555;
      font-size: 0.85rem;
    }
    .muted {
      color: #555;
    }
  `;
}

customElements.define('run-summary', RunSummaryView);

declare global {
  interface HTMLElementTagNameMap {
    'run-summary': RunSummaryView;
  }
}
