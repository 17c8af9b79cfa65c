import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { ModelAnswer, PhoneChapter } from '../../classroom/protocol.ts';
import { ClassSession, sessionCsv, sessionJson } from '../../classroom/session.ts';
import { modelValueText, roomBars, roomSentence } from '../../classroom/tally.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { getLocale } from '../i18n/locale.ts';
import { qrDataUrl } from '../story/qr.ts';
import { downloadText } from '../toolbar/files.ts';
import type { ClassLink } from './class-link.ts';

/**
 * The projector's class-mode panel (presenter mode, opened from the classroom server's trainer link):
 * the join QR code and class code; how many joined and answered (no names); the vote's open or closed
 * state with a button to change it; once the chapter has run, the room's predictions as bars beside the
 * model's answer, with a sentence made from the numbers; and the session's export.
 */
export class ClassPanel extends LitElement {
  static override properties = {
    link: { attribute: false },
    chapter: { attribute: false },
    model: { attribute: false },
    problem: { state: true },
  };
  declare link: ClassLink | undefined;
  declare chapter: PhoneChapter | undefined;
  declare model: ModelAnswer | null;
  declare problem: string;
  private watched?: ClassLink;

  constructor() {
    super();
    this.model = null;
    this.problem = '';
    updateWhenLocaleChanges(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched?.removeEventListener('change', this.refresh);
    this.watched = undefined;
  }

  protected override willUpdate(): void {
    if (this.link === this.watched) return;
    this.watched?.removeEventListener('change', this.refresh);
    this.link?.addEventListener('change', this.refresh);
    this.watched = this.link;
  }

  private refresh = () => this.requestUpdate();

  override render(): TemplateResult | typeof nothing {
    const link = this.link;
    if (!link) return nothing;
    const s = link.state;
    const here = s && this.chapter && s.chapter === this.chapter.id;
    const qr = s ? qrDataUrl(s.joinUrl) : undefined;
    return html`<section class="class-panel" aria-label=${msg('Class mode')}>
      <div class="class-join">
        ${qr ? html`<img class="qr" src=${qr} alt=${msg('QR code to join the class')} width="220" height="220" />` : nothing}
        <div>
          <p class="class-code">${msg('Join:')} <strong>${s?.joinUrl ?? '…'}</strong></p>
          <p class="class-code">${msg('Class code:')} <strong class="code">${s ? `${s.code.slice(0, 4)} ${s.code.slice(4)}` : '…'}</strong></p>
          ${
            link.refused === 'bad-room'
              ? html`<p class="notice" role="alert">${msg('The classroom server does not know this class: it was probably restarted. Open the trainer’s link it printed when it started.')}</p>`
              : link.status === 'open'
                ? nothing
                : html`<p class="notice" role="alert">${msg('Not connected to the classroom server: reconnecting…')}</p>`
          }
        </div>
      </div>
      <p class="class-counts" role="status" aria-live="polite">
        ${s ? msg(str`${s.joined} joined · ${here ? s.answered : 0} answered`) : msg('Connecting to the classroom server…')}
        ${here ? (s.open ? html` · <span class="vote-open">${msg('vote open')}</span>` : html` · <span class="vote-closed">${msg('vote closed')}</span>`) : nothing}
      </p>
      <div class="compare-row">
        ${
          // Once the chapter has run, R (reset) reopens the vote and withdraws the answer together.
          here && (s.open || !this.model)
            ? html`<button class="secondary" id="class-vote" @click=${() => link.vote(!s.open)}>${s.open ? msg('Close the vote') : msg('Reopen the vote')}</button>`
            : nothing
        }
        <button class="secondary" @click=${() => this.export('json')}>${msg('Export class session (JSON)')}</button>
        <button class="secondary" @click=${() => this.export('csv')}>${msg('Export class session (CSV)')}</button>
      </div>
      ${this.problem ? html`<p class="notice" role="alert">${this.problem}</p>` : nothing}
      ${here && this.model && this.chapter ? this.distribution(this.chapter, this.model, s.answers) : nothing}
    </section>`;
  }

  /** The room's predictions as bars, the model's answer marked among them, and the sentence. */
  private distribution(c: PhoneChapter, model: ModelAnswer, answers: NonNullable<ClassLink['state']>['answers']): TemplateResult {
    const locale = getLocale();
    const bars = roomBars(c.prediction, answers, locale);
    const most = Math.max(1, ...bars.map((b) => b.count));
    const choice = c.prediction.kind === 'choice';
    const last = bars.length - 1;
    const holds = (b: (typeof bars)[number], k: number, x: number) => (choice ? model.option === k : x >= b.from && (x < b.to || (k === last && x <= b.to)));
    const inBand = (b: (typeof bars)[number]) => !choice && model.lo !== null && model.hi !== null && b.to >= model.lo && b.from <= model.hi;
    return html`<figure class="class-distribution">
      <figcaption>${msg(str`The room\u2019s predictions (${answers.length}) beside the model\u2019s answer`)}</figcaption>
      <table class="class-bars">
        <thead><tr><th scope="col">${msg('Answer')}</th><th scope="col">${msg('Predictions')}</th><th scope="col"><span class="visually-hidden">${msg('Model')}</span></th></tr></thead>
        <tbody>
          ${bars.map(
            (b, k) => html`<tr class=${inBand(b) || (choice && model.option === k) ? 'in-interval' : ''} data-count=${b.count}>
              <th scope="row">${b.label}</th>
              <td><span class="bar" style="width:${(80 * b.count) / most}%"></span><span class="count">${b.count}</span></td>
              <td class="model-mark">${holds(b, k, model.mean) ? msg('model') : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p class="class-model">${msg(str`The model’s answer, over ${model.replicates} replicates: ${modelValueText(c, model, locale)}.`)}</p>
      <p class="class-sentence">${roomSentence(c, answers, model, locale)}</p>
    </figure>`;
  }

  private async export(kind: 'json' | 'csv'): Promise<void> {
    const link = this.link;
    if (!link) return;
    this.problem = '';
    try {
      const raw = (await link.session()) as { room: string; started: string; chapters: unknown[] };
      const session = ClassSession.parse({
        format: 'trustfall-class-session',
        version: 1,
        manifest: { app: 'Trustfall', engineVersion: ENGINE_VERSION, room: raw.room, started: raw.started, exported: new Date().toISOString() },
        chapters: raw.chapters,
      });
      const name = `trustfall-class-${raw.room}-${session.manifest.exported.slice(0, 10)}`;
      if (kind === 'json') downloadText(`${name}.json`, sessionJson(session), 'application/json');
      else downloadText(`${name}.csv`, sessionCsv(session), 'text/csv');
    } catch (e) {
      this.problem = msg(str`The session could not be exported: ${(e as Error).message}`);
    }
  }
}

customElements.define('class-panel', ClassPanel);

declare global {
  interface HTMLElementTagNameMap {
    'class-panel': ClassPanel;
  }
}
