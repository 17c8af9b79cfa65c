import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { scaleBand, weeklyBand } from '../../compare/bands.ts';
import { metricDef, type ReplicateResult } from '../../engine/index.ts';
import { groupPeople, metricLabel, placeName } from '../../i18n/labels.ts';
import { ScenarioError } from '../../scenario/index.ts';
import { type Chapter, inLanguage, parseChapter } from '../../story/chapter.ts';
import { againstName, chapterScenarios, chapterTasks, scenarioName, type ChapterScenarios } from '../../story/chapter-tasks.ts';
import { type Answer, chapterAnswer, chapterSentences, displayUnits } from '../../story/result.ts';
import { whyAccount, whyComparison } from '../../story/why.ts';
import { type MechanismId, WHY_MECHANISMS, mechanism, policyMechanisms } from '../../story/mechanisms.ts';
import type { ModelAnswer } from '../../classroom/protocol.ts';
import { phoneChapter } from '../../classroom/phone-chapter.ts';
import { PoolController } from '../controllers/pool-controller.ts';
import { SCENARIO_COLOURS } from '../compare/band-chart.ts';
import { downloadText, pickedFile } from '../toolbar/files.ts';
import { emit } from '../events.ts';
import { encodeChapterLink } from '../state/chapter-link.ts';
import { presetScenario } from '../state/presets.ts';
import { loadAnswers, saveAnswers } from '../state/story-answers.ts';
import { getLocale } from '../i18n/locale.ts';
import { CHAPTERS } from './chapters.ts';
import { qrDataUrl, servedLocally } from './qr.ts';
import { shortLink } from './short-link.ts';
import '../compare/band-chart.ts';
import '../compare/twin-towns.ts';
import { keyed } from 'lit/directives/keyed.js';
import type { ClassLink } from '../classroom/class-link.ts';
import '../classroom/class-panel.ts';

/** A chapter's finished run (its sentences are made when shown, in the language of the moment). */
interface ChapterOutcome {
  chapter: Chapter;
  main: ReplicateResult[];
  against: ReplicateResult[];
  /** The prediction the run was made against (a later change of mind does not rewrite the verdict). */
  answer?: Answer;
}

/** What "Open in the lab" hands the app: the chapter's scenario as written, and its seed. */
export interface LabRequest {
  scenario: Record<string, unknown>;
  seed: number;
  preset?: string;
}

declare global {
  interface HTMLElementEventMap {
    'story-open-lab': CustomEvent<LabRequest>;
    /** Open "How it works" at a mechanism. */
    'how-open': CustomEvent<MechanismId>;
    /** Enter (true) or leave (false) presenter mode. */
    'presenter-toggle': CustomEvent<boolean>;
  }
}

/**
 * The guided story: chapters (data files, scenarios/story/) that each set a scenario and seed, ask the
 * reader to predict one measure, run replicates on the engine Workers (against the no-agreement twin or
 * another scenario where the point is a difference), and set the result beside the prediction: one
 * chart and sentences made from the numbers. Predictions are kept in this browser. A trainer's own
 * chapter opens from a file or a link and runs the same way.
 */
export class StoryView extends LitElement {
  static override properties = {
    extra: { attribute: false },
    classLink: { attribute: false },
    current: { state: true },
    answers: { state: true },
    running: { state: true },
    done: { state: true },
    total: { state: true },
    outcome: { state: true },
    problems: { state: true },
    copied: { state: true },
    presenting: { type: Boolean },
    locked: { type: Boolean },
    black: { state: true },
    qrLarge: { state: true },
    keyNote: { state: true },
    statistics: { state: true },
  };
  /** Results with their statistics (replicates, intervals, smoothing), or in plain words (the default; kept in this browser). */
  declare statistics: boolean;
  /** Presenter mode: large type, one chapter, reduced controls, clicker keys, the students' QR code. */
  declare presenting: boolean;
  /** Opened from a facilitator's link: links made here keep the lock. */
  declare locked: boolean;
  /** The projector blanked (B). */
  declare black: boolean;
  /** Presenter mode: the students' QR code shown large (Q). */
  declare qrLarge: boolean;
  /** What the last presenter key did (shown for a moment). */
  declare keyNote: string;
  private keyNoteTimer?: ReturnType<typeof setTimeout>;
  /** Class mode (opened from the classroom server's trainer link): students answer on their phones. */
  declare classLink: ClassLink | undefined;
  /** A chapter opened from a file or link, shown after the built-in ones. */
  declare extra: Chapter | undefined;
  declare current: number;
  declare answers: Record<string, Answer>;
  declare running: boolean;
  declare done: number;
  declare total: number;
  declare outcome: ChapterOutcome | undefined;
  declare problems: string[];
  declare copied: string;

  private readonly pool = new PoolController(this);
  private readonly outcomes = new Map<Chapter, ChapterOutcome>();

  constructor() {
    super();
    this.current = 0;
    this.answers = loadAnswers();
    this.running = false;
    this.done = 0;
    this.total = 0;
    this.problems = [];
    this.copied = '';
    this.presenting = false;
    this.locked = false;
    this.black = false;
    this.qrLarge = false;
    this.keyNote = '';
    this.statistics = loadStatistics();
    updateWhenLocaleChanges(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const c = this.chapters[this.current];
    if (c) this.resolve(c);
    window.addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  /**
   * Presenter keys, as a clicker sends them (arrows, Page Up/Down, B or "." to blank, Space to run, R to
   * reset). They work whatever has focus, a vote just marked with the mouse or a button just clicked
   * included, and never change a vote (the arrows would otherwise move it): only typing into a text
   * field keeps its keys. Escape always leaves the black screen, then presenter mode. What a key did is
   * shown, and announced, for a moment.
   */
  private onKey = (e: KeyboardEvent) => {
    if (!this.presenting || this.hidden || this.closest('[hidden]')) return;
    const t = e.composedPath()[0] as HTMLElement | undefined;
    if (e.key === 'Escape') {
      if (this.black) this.black = false;
      else if (this.qrLarge) this.qrLarge = false;
      else emit(this, 'presenter-toggle', false);
      return;
    }
    if (isTextEntry(t) || e.altKey || e.ctrlKey || e.metaKey) return;
    const c = this.chapters[this.current];
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const next = key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || key === 'n';
    const previous = key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || key === 'p';
    if (key === 'b' || key === '.') {
      this.black = !this.black;
      this.said(this.black ? msg('Screen blanked (B brings it back)') : msg('Screen back'));
    } else if (this.black) return;
    else if (next) {
      if (this.current < this.chapters.length - 1) {
        void this.go(this.current + 1);
        this.said(msg('Next chapter'));
      } else this.said(msg('This is the last chapter'));
    } else if (previous) {
      if (this.current > 0) {
        void this.go(this.current - 1);
        this.said(msg('Previous chapter'));
      } else this.said(msg('This is the first chapter'));
    } else if (key === ' ') {
      if (c && !this.running) {
        void this.run(c);
        this.said(msg('Running the chapter'));
      }
    } else if (key === 'r' && c) {
      this.reset(c);
      this.said(msg('Result cleared'));
    } else if (key === 'q' && c && !this.classLink) {
      // In class mode the class panel shows the join code instead.
      const available = !servedLocally() && this.studentQr(c).qr !== undefined;
      this.qrLarge = available && !this.qrLarge;
      this.said(
        available ? (this.qrLarge ? msg('Students’ QR code') : msg('QR code closed')) : msg('No QR code for this page: see the note under the chapter'),
      );
    } else return;
    e.preventDefault();
    // A button that had focus would also take the key as a click when it is released.
    if (t?.tagName === 'BUTTON') t.blur();
  };

  /** Shows, and announces, what a presenter key did, for a few seconds. */
  private said(text: string): void {
    this.keyNote = text;
    clearTimeout(this.keyNoteTimer);
    this.keyNoteTimer = setTimeout(() => (this.keyNote = ''), 2500);
  }

  /** Clears the chapter's result (presenter mode's Reset: before the room predicts again). */
  private reset(c: Chapter): void {
    this.pool.cancel();
    this.outcomes.delete(c);
    this.outcome = undefined;
    // The room may predict again.
    this.classLink?.vote(true);
  }

  protected override updated(): void {
    this.tellClass();
  }

  /** What the class's phones were last sent (JSON), so a new chapter, or its words in another language, is sent once. */
  private toldClass = '';

  /** Moves the class's phones to the current chapter, its question in the page's language (again when the language changes). */
  private tellClass(): void {
    const c = this.chapters[this.current];
    if (!c || !this.classLink) return;
    const chapter = phoneChapter(c, this.current, this.chapters.length, getLocale());
    const text = JSON.stringify(chapter);
    if (text === this.toldClass) return;
    this.toldClass = text;
    this.classLink.show(chapter);
  }

  /** The model's answer to a chapter that has run, for the class's phones and the projector's distribution. */
  private modelAnswer(o: ChapterOutcome): ModelAnswer | null {
    const a = chapterAnswer(o.chapter, o);
    const e = a.estimate;
    if (e.mean === null) return null;
    return { mean: e.mean, lo: e.lo, hi: e.hi, option: a.option, difference: a.difference, replicates: o.main.length };
  }

  get chapters(): readonly Chapter[] {
    return this.extra ? [...CHAPTERS, this.extra] : CHAPTERS;
  }

  /** Shows a chapter by id (a link's), or the first, with keyboard focus on its title. */
  open(id?: string): void {
    const k = id ? this.chapters.findIndex((c) => c.id === id) : 0;
    void this.go(k < 0 ? 0 : k);
  }

  /** Shown again after a visit elsewhere: the address bar names the chapter again (a run in progress goes on). */
  reopen(): void {
    const c = this.chapters[this.current];
    if (c) history.replaceState(null, '', encodeChapterLink(c, CHAPTERS.includes(c), this.locked));
  }

  override render(): TemplateResult {
    const chapters = this.chapters;
    const c = chapters[this.current];
    const classMode = this.presenting && this.classLink !== undefined;
    const outcome = c && this.outcome?.chapter === c ? this.outcome : undefined;
    return html`<div class="story ${this.presenting ? 'presenting' : ''} ${classMode ? 'class-mode' : ''}">
      <nav class="panel story-nav" aria-label=${msg('Chapters')} ?hidden=${this.presenting}>
        <h2>${msg('The story')}</h2>
        <ol class="story-list">
          ${chapters.map(
            (ch, k) =>
              html`<li><button class="link" aria-current=${k === this.current ? 'step' : 'false'} @click=${() => this.go(k)}>${inLanguage(ch, getLocale()).title}</button>${
                this.answers[ch.id] ? html` <span class="hint">${msg('(predicted)')}</span>` : nothing
              }</li>`,
          )}
        </ol>
        <label class="button secondary">${msg('Open a chapter file')}<input class="visually-hidden" type="file" accept=".json,application/json" @change=${this.openFile} /></label>
      </nav>
      ${c ? this.chapter(c) : nothing}
      ${
        // Beside the chapter on the projector, so the room's predictions and the model's answer are in view together.
        classMode && c
          ? html`<class-panel .link=${this.classLink} .chapter=${phoneChapter(c, this.current, chapters.length, getLocale())} .model=${outcome ? this.modelAnswer(outcome) : null}></class-panel>`
          : nothing
      }
    </div>`;
  }

  private chapter(chapter: Chapter): TemplateResult {
    // The chapter's words in the app's language; `chapter` itself keys its results and scenarios.
    const c = inLanguage(chapter, getLocale());
    const answer = this.answers[c.id];
    const outcome = this.outcome?.chapter === chapter ? this.outcome : undefined;
    const n = this.chapters.length;
    const last = this.current === n - 1;
    const presenting = this.presenting;
    // A reader predicts before running; in presenter mode the room predicts aloud, so the trainer can run at once.
    const canRun = presenting || answer !== undefined;
    const background = html`${c.text.map((p) => html`<p>${p}</p>`)}${
      c.sources.length
        ? html`<p class="hint story-sources">${msg('Sources:')} ${c.sources.map(
            (s, k) => html`${k ? '; ' : ''}${s.url ? html`<a href=${s.url} target="_blank" rel="noopener">${s.label}</a>` : s.label}`,
          )}</p>`
        : nothing
    }${this.howLinks(policyMechanisms(this.resolved?.value?.main.jurisdictions.map((j) => j.policy.model) ?? []), msg('How it works:'))}`;
    return html`<article class="panel story-chapter" aria-labelledby="chapter-title">
      ${presenting ? html`<p class="presenter-where">${msg(str`Chapter ${this.current + 1} of ${n}`)}</p>` : nothing}
      <h2 id="chapter-title" tabindex="-1">${c.title}</h2>
      ${presenting ? html`<details class="presenter-background"><summary>${msg('Background')}</summary>${background}</details>` : background}
      <fieldset class="story-predict" ?disabled=${this.running}>
        <legend>${presenting ? c.question : msg(str`Predict first: ${c.question}`)}</legend>
        ${this.predictionInput(c, answer)}
      </fieldset>
      <div class="compare-row story-run-row">
        ${presenting ? html`<button class="secondary" ?disabled=${this.current === 0} @click=${() => this.go(this.current - 1)}>${msg('Previous chapter')}</button>` : nothing}
        ${
          this.running
            ? html`<button class="primary" @click=${this.cancel}>${msg('Cancel')}</button>`
            : html`<button class="primary" id="story-run" ?disabled=${!canRun} @click=${() => this.run(chapter)}>
                ${outcome ? msg('Run again') : runLabel(c)}
              </button>`
        }
        ${presenting ? html`<button class="secondary" ?disabled=${!outcome} @click=${() => this.reset(chapter)}>${msg('Reset')}</button>` : nothing}
        ${presenting && !last ? html`<button class="primary" @click=${() => this.go(this.current + 1)}>${msg('Next chapter')}</button>` : nothing}
        ${canRun ? nothing : html`<span class="hint">${msg('Make a prediction to run the chapter.')}</span>`}
        ${this.running ? html`<span role="status">${msg(str`${this.done} of ${this.total} runs…`)} <progress max=${this.total} .value=${this.done}></progress></span>` : nothing}
      </div>
      ${this.problems.length ? html`<div class="notice" role="alert"><strong>${msg('The chapter cannot run:')}</strong><ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : nothing}
      ${handoutLines(c)}
      ${outcome ? this.result(c, outcome) : nothing}
      ${this.towns(chapter)}
      ${presenting ? this.presenterTools(chapter) : this.actions(chapter, last)}
      ${presenting && this.classLink ? nothing : this.studentLink(chapter)}
    </article>
    <div class="blackout" ?hidden=${!this.black} @click=${() => (this.black = false)}></div>
    ${this.presenting ? this.largeQr(chapter) : nothing}
    ${this.presenting ? html`<p class="key-note" role="status" aria-live="polite">${this.keyNote}</p>` : nothing}`;
  }

  /**
   * The chapter's two towns side by side (its scenario and what it is measured against, the same seed):
   * they start playing when the chapter runs, so the change can be watched spreading while the
   * replicates are counted. One element per chapter (keyed), so leaving a chapter stops its towns.
   */
  private towns(chapter: Chapter): TemplateResult | typeof nothing {
    const s = this.resolved?.chapter === chapter ? this.resolved.value : undefined;
    if (!s?.against) return nothing;
    const a = againstName(s);
    return html`${keyed(
      chapter.id,
      html`<section class="story-towns" aria-label=${msg('The two towns')}>
        <h3>${msg('Watch the two towns')}</h3>
        <p class="hint">${msg('The same town, the same people and the same crimes: only the policy differs. They play when the chapter runs; the key under each town says what its colours show.')}</p>
        <twin-towns .scenarios=${[s.main, s.against]} .names=${[scenarioName(s), a.charAt(0).toUpperCase() + a.slice(1)]} .seed=${chapter.seed}></twin-towns>
      </section>`,
    )}`;
  }

  private actions(c: Chapter, last: boolean): TemplateResult {
    return html`<div class="compare-row story-actions">
      <button class="secondary" @click=${() => this.openInLab(c)}>${msg('Open in the lab')}</button>
      <button class="secondary" @click=${() => this.copyLink(c)}>${msg('Copy link to this chapter')}</button>
      <button class="secondary" @click=${() => this.download(c)}>${msg('Download chapter file')}</button>
      ${this.printButtons()}
      <button class="secondary" id="story-present" @click=${() => emit(this, 'presenter-toggle', true)}>${msg('Present (for trainers)')}</button>
      ${last ? nothing : html`<button class="primary" id="story-next" @click=${() => this.go(this.current + 1)}>${msg('Next chapter')}</button>`}
      ${this.copied ? html`<span role="status">${this.copied}</span>` : nothing}
    </div>`;
  }

  /**
   * The two handouts: the prediction sheet (the question, empty boxes and lines; no chart, no answer, no
   * one's vote), to hand out before the run; the answer sheet (the question, the chart and what it
   * shows), once the chapter has run. Printing from the browser's menu gives the prediction sheet.
   */
  private printButtons(): TemplateResult {
    const ran = this.outcome !== undefined;
    return html`<button class="secondary" @click=${() => printSheet('prediction')}>${msg('Print prediction sheet')}</button>
      <button class="secondary" ?disabled=${!ran} title=${ran ? '' : msg('Run the chapter first')} @click=${() => printSheet('answer')}>
        ${msg('Print answer sheet')}
      </button>`;
  }

  private presenterTools(c: Chapter): TemplateResult {
    return html`<div class="compare-row story-actions">
        <button class="secondary" @click=${() => (this.black = true)}>${msg('Black screen (B)')}</button>
        ${this.printButtons()}
        <button class="secondary" @click=${() => this.openInLab(c)}>${msg('Open in the lab')}</button>
        <button class="secondary" id="presenter-leave" @click=${() => emit(this, 'presenter-toggle', false)}>${msg('Leave presenter mode (Esc)')}</button>
      </div>
      <p class="hint presenter-keys">${msg('Keys: Right arrow or Page Down next chapter · Left arrow or Page Up previous · Space run · R reset · B black screen · Q students’ QR code · Esc leave')}</p>`;
  }

  /** The link students open (read-only: the facilitator's lock), with its QR code; on screen in presenter mode and on the handout. */
  private studentLink(c: Chapter): TemplateResult {
    const where = msg('Link for students');
    // 127.0.0.1 on a student's phone is the phone itself: no QR code or link to it, on paper or on screen, and
    // the notice shows in every mode, so a trainer printing handouts outside presenter mode sees it too.
    if (servedLocally())
      return html`<aside class="student-link local" aria-label=${where}>
        <p class="notice local-note">
          ${msg(str`No QR code: this page is served at ${location.hostname}, which on a student’s phone means the phone itself. To serve the room, start the app on this computer with this command and open the network address it prints:`)}
          <code>npm run start:network</code>
        </p>
      </aside>`;
    const { url, qr, short } = this.studentQr(c);
    return html`<aside class="student-link ${this.presenting ? '' : 'handout-only'}" aria-label=${where}>
      ${
        qr
          ? html`<img class="qr" src=${qr} alt=${msg('QR code of the students’ link to this chapter')} width="160" height="160" />`
          : short === null
            ? html`<p class="hint">${msg('This chapter’s link is too long for a QR code a phone can scan, and this server gives no short links: serve the app with npm run start:network (or npm run classroom), or share the link or the chapter file.')}</p>`
            : html`<p class="hint">${msg('Making a short link for the QR code…')}</p>`
      }
      <div>
        <p><strong>${msg('Open this chapter:')}</strong> <span class="link-text">${url}</span></p>
        <p class="hint">${msg('The link opens the chapter read-only in the lab (a facilitator’s lock: a convenience for a class, not a security measure).')}</p>
      </div>
    </aside>`;
  }

  /**
   * The students' read-only link to a chapter and its QR code. A trainer's own chapter is written into its
   * link (about 1,100 characters): too dense a QR code for a phone, so the server that served the page
   * (npm start, npm run start:network, npm run classroom) gives it a short one; until then, or where it
   * gives none (`short` null), there is no QR code.
   */
  private studentQr(c: Chapter): { url: string; qr?: string; short?: string | null } {
    const builtIn = CHAPTERS.includes(c);
    const hash = encodeChapterLink(c, builtIn, true);
    const short = builtIn ? undefined : this.shortLinkOf(hash);
    const url = short ?? `${location.origin}${location.pathname}${hash}`;
    return { url, qr: builtIn || short ? qrDataUrl(url) : undefined, short };
  }

  /** Presenter mode's Q: the students' QR code large over the page, to scan from the back of the room. */
  private largeQr(c: Chapter): TemplateResult {
    if (!this.qrLarge || servedLocally()) return html``;
    const { url, qr } = this.studentQr(c);
    if (!qr) return html``;
    return html`<div class="qr-large" role="dialog" aria-label=${msg('Link for students')} @click=${() => (this.qrLarge = false)}>
      <img class="qr" src=${qr} alt=${msg('QR code of the students’ link to this chapter')} />
      <p class="link-text">${url}</p>
      <p class="hint">${msg('Q or Esc closes this')}</p>
    </div>`;
  }

  /** Short links of trainers' chapters by their long link's hash: the link, null where the server gives none, absent while asked. */
  private readonly shortLinks = new Map<string, string | null>();

  private shortLinkOf(hash: string): string | null | undefined {
    if (!this.shortLinks.has(hash) && !this.askingShort.has(hash)) {
      this.askingShort.add(hash);
      void shortLink(hash).then((url) => {
        this.shortLinks.set(hash, url ?? null);
        this.requestUpdate();
      });
    }
    return this.shortLinks.get(hash);
  }

  private readonly askingShort = new Set<string>();

  private predictionInput(c: Chapter, answer: Answer | undefined): TemplateResult {
    const p = c.prediction;
    if (p.kind === 'choice') {
      const chosen = answer && 'option' in answer ? answer.option : -1;
      return html`${p.options.map(
        (o, k) =>
          html`<label class="story-option"><input type="radio" name="story-${c.id}" .checked=${k === chosen} @change=${() => this.answer(c, { option: k })} /> ${o.label}</label>`,
      )}`;
    }
    const unit = displayUnits(c.measure.metric);
    const value = answer && 'value' in answer ? answer.value : p.start;
    const shown = `${value}${c.against === 'nothing' ? unit.level : unit.difference}`;
    return html`<label class="story-slider"
      >${msg('Your guess')}
      <input type="range" min=${p.min} max=${p.max} step=${p.step} .value=${String(value)} aria-valuetext=${shown} @input=${(e: Event) => this.answer(c, { value: Number((e.target as HTMLInputElement).value) })} />
      <output>${shown}</output></label
    >${answer ? nothing : html`<p class="hint">${msg('Move the slider (arrow keys work) to make your guess.')}</p>`}`;
  }

  private result(c: Chapter, o: ChapterOutcome): TemplateResult {
    const m = c.measure;
    const def = metricDef(m.metric);
    const s = this.resolved?.value;
    const locale = getLocale();
    // Levels (trust, fear: 0–1) on the 0–100 scale the sentences use; shares stay 0–1, drawn as percentages.
    const scale = def.kind === 'level' ? displayUnits(m.metric).scale : 1;
    // Weekly shares of a group's few crimes swing widely: a quarter's rolling mean shows the trend; other measures a month's.
    const smooth = def.kind === 'share' ? 13 : 4;
    const band = (results: ReplicateResult[]) => scaleBand(weeklyBand(results, m.jurisdiction, m.group, m.metric, smooth), scale);
    const bands = [band(o.main)];
    const names = [s ? scenarioName(s) : ''];
    if (o.against.length) {
      bands.push(band(o.against));
      const a = s ? againstName(s) : '';
      names.push(a.charAt(0).toUpperCase() + a.slice(1));
    }
    const J = o.main[0]?.summary.jurisdictions ?? [];
    const place = placeName(J[m.jurisdiction]?.name ?? '');
    const where = J.length > 1 ? msg(str` in ${place}`) : '';
    const label = metricLabel(m.metric);
    const people = groupPeople(m.group);
    const runs = o.main.length;
    const statistics = this.statistics;
    const sentences = s ? chapterSentences(c, { main: o.main, against: o.against }, o.answer, s, locale, statistics) : [];
    // The sentence on the prediction (second, when there was one): on screen only, never on the answer sheet.
    const mine = o.answer ? 1 : -1;
    // The verdict first, then the chart that shows it: after Run the heading takes focus and the
    // sentences are announced, and at 1366 × 768 the verdict is in view without scrolling.
    return html`<section class="story-result" aria-label=${msg('What the model shows')}>
      <h3 tabindex="-1" class="story-result-heading">${msg('What the model shows')}</h3>
      <div class="story-sentences" role="status" aria-live="polite">
        ${sentences.map((x, k) => html`<p class=${k === mine ? 'your-prediction' : ''}>${x}</p>`)}
      </div>
      <label class="statistics-toggle screen-only"><input type="checkbox" .checked=${statistics} @change=${(e: Event) => this.showStatistics((e.target as HTMLInputElement).checked)} /> ${msg('Show the statistics')}</label>
      <p class="story-chart-title">${
        statistics
          ? msg(str`${label}, ${people}${where}: median and 90% band of ${runs} replicates, ${smooth}-week rolling mean`)
          : msg(str`${label}, ${people}${where}`)
      }</p>
      <span class="charts-key">${names.map((n, k) => html`<span class="key"><span class="swatch" style="background:${SCENARIO_COLOURS[k]}"></span>${n}</span>`)}</span>
      <band-chart .bands=${bands} .labels=${names} .activationDay=${s && hasPolicy(s) ? s.main.run.activationDay : null} .days=${Math.round((s?.main.run.years ?? 0) * 365)} ?percent=${def.kind === 'share'} .minSpan=${0.1 * scale}></band-chart>
      ${
        s
          ? html`<section class="story-why" aria-labelledby="story-why-heading">
              <h3 id="story-why-heading">${msg('Why: what this run counted')}</h3>
              <p class="hint">${whyComparison(o, s)}</p>
              <ul>${whyAccount(c, o, locale).map((x, k) => html`<li><span class="why-text">${x}</span> ${this.howLink(WHY_MECHANISMS[k], msg('How this works'), true)}</li>`)}</ul>
            </section>`
          : nothing
      }
    </section>`;
  }

  /** The "How it works" link last followed, to return focus to. */
  private followedHow?: HTMLElement;

  /** Back from How it works: focus on the link that was followed, where the reader was; else the chapter's title. */
  focusAfterHow(): void {
    const link = this.followedHow;
    this.followedHow = undefined;
    if (link?.isConnected) {
      link.scrollIntoView({ block: 'center' });
      link.focus();
    } else this.querySelector<HTMLElement>('#chapter-title')?.focus();
  }

  /** Links to the "How it works" view's mechanisms, after a lead-in. */
  private howLinks(ids: readonly MechanismId[], lead: string): TemplateResult {
    return html`<p class="hint story-how">${lead} ${ids.map((id, k) => html`${k ? ', ' : ''}${this.howLink(id, mechanism(id).title())}`)}</p>`;
  }

  /** A link to one mechanism in "How it works" (the app switches view; the address is there to copy). */
  private howLink(id: MechanismId, text: string, named = false): TemplateResult {
    // Four "How this works" links in a row go to four places: each is named by its mechanism for a screen reader.
    const title = mechanism(id).title();
    return html`<a class="how-link" href="#how=${id}" aria-label=${named ? msg(str`How this works: ${title}`) : nothing} @click=${(e: Event) => {
      e.preventDefault();
      this.followedHow = e.currentTarget as HTMLElement;
      emit(this, 'how-open', id);
    }}>${text}</a>`;
  }

  private showStatistics(on: boolean): void {
    this.statistics = on;
    try {
      localStorage.setItem(STATISTICS_KEY, on ? '1' : '0');
    } catch {
      // Storage blocked: the choice lasts this visit.
    }
  }

  /** The current chapter's scenarios, resolved when it is shown (undefined, with the problems said, if invalid). */
  private resolved?: { chapter: Chapter; value?: ChapterScenarios };

  private resolve(c: Chapter): void {
    if (this.resolved?.chapter === c) return;
    try {
      this.resolved = { chapter: c, value: chapterScenarios(c, presetScenario) };
    } catch (e) {
      this.resolved = { chapter: c };
      this.problems = e instanceof ScenarioError ? e.problems : [(e as Error).message];
    }
  }

  private answer(c: Chapter, a: Answer): void {
    this.answers = { ...this.answers, [c.id]: a };
    saveAnswers(this.answers);
  }

  private async go(k: number, focus = true): Promise<void> {
    this.pool.cancel();
    this.current = k;
    const c = this.chapters[k];
    this.problems = [];
    this.copied = '';
    this.outcome = c ? this.outcomes.get(c) : undefined;
    if (c) this.resolve(c);
    if (c) history.replaceState(null, '', encodeChapterLink(c, CHAPTERS.includes(c), this.locked));
    this.tellClass();
    if (!focus) return;
    await this.updateComplete;
    // The new chapter's heading takes focus, so the next Tab reaches its question.
    this.querySelector<HTMLElement>('#chapter-title')?.focus();
    this.querySelector('#chapter-title')?.scrollIntoView({ block: 'start' });
  }

  private async run(c: Chapter): Promise<void> {
    const s = this.resolved?.value;
    const answer = this.answers[c.id];
    if (!s || (!answer && !this.presenting)) return;
    const tasks = chapterTasks(c, s);
    this.problems = [];
    this.running = true;
    // The room's vote closes when the run starts: the answer is not shown to a vote still open.
    this.classLink?.vote(false);
    // The two towns play while the replicates are counted.
    void this.querySelector('twin-towns')?.watch();
    this.done = 0;
    this.total = tasks.length;
    try {
      const out = await this.pool.use((pool) => pool.run(tasks, (_i, _r, done) => (this.done = done)));
      if (out.cancelled) return;
      const results = out.results.filter((r): r is ReplicateResult => r !== undefined);
      const main = results.slice(0, c.replicates);
      const against = s.against ? results.slice(c.replicates) : [];
      const outcome = { chapter: c, main, against, answer };
      this.outcomes.set(c, outcome);
      const model = this.modelAnswer(outcome);
      if (model) this.classLink?.result(c.id, model);
      if (this.chapters[this.current] === c) {
        this.outcome = outcome;
        await this.updateComplete;
        this.querySelector('.story-result')?.scrollIntoView({ block: 'start' });
        this.querySelector<HTMLElement>('.story-result-heading')?.focus({ preventScroll: true });
      }
    } catch (e) {
      this.problems = [`a run failed: ${(e as Error).message}`];
    } finally {
      this.running = false;
    }
  }

  private cancel = () => this.pool.cancel();

  private openInLab(c: Chapter): void {
    const s = this.resolved?.value;
    if (s) emit(this, 'story-open-lab', { scenario: structuredClone(s.raw), seed: c.seed, preset: s.preset });
  }

  private async copyLink(c: Chapter): Promise<void> {
    const url = `${location.origin}${location.pathname}${encodeChapterLink(c, CHAPTERS.includes(c))}`;
    try {
      await navigator.clipboard.writeText(url);
      this.copied = msg('Link copied: it opens this chapter.');
    } catch {
      this.copied = msg(str`Copy this link: ${url}`);
    }
  }

  private download(c: Chapter): void {
    downloadText(`trustfall-chapter-${c.id}.json`, `${JSON.stringify(c, null, 2)}\n`, 'application/json');
  }

  private openFile = async (e: Event) => {
    const file = pickedFile(e);
    if (!file) return;
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      this.problems = [`${file.name} is not JSON`];
      return;
    }
    const r = parseChapter(raw, file.name);
    if ('problems' in r) {
      this.problems = r.problems;
      return;
    }
    this.showExtra(r.chapter);
  };

  /** Adds a trainer's chapter (from a file or a link) after the built-in ones and shows it. */
  showExtra(c: Chapter): void {
    this.extra = c;
    this.resolved = undefined;
    void this.go(this.chapters.length - 1);
  }
}

const STATISTICS_KEY = 'trustfall-story-statistics';

/** Whether the reader asked to see results with their statistics (plain words unless they did). */
function loadStatistics(): boolean {
  try {
    return localStorage.getItem(STATISTICS_KEY) === '1';
  } catch {
    return false;
  }
}

/** The Run button's words: how many runs the chapter makes. */
function runLabel(c: Chapter): string {
  const n = c.replicates;
  if (c.against === 'nothing') return n === 1 ? msg('Run 1 replicate and see') : msg(str`Run ${n} replicates and see`);
  return n === 1 ? msg('Run 1 replicate of each and see') : msg(str`Run ${n} replicates of each and see`);
}

/**
 * The prediction sheet's own part, printed only: the question with empty boxes (or a blank) for the
 * student's answer, and lines to write on. The on-screen vote is never printed: it holds the trainer's
 * (or the room's) answer.
 */
function handoutLines(c: Chapter): TemplateResult {
  const p = c.prediction;
  return html`<div class="handout-only handout-lines" aria-hidden="true">
    <p class="handout-question"><strong>${c.question}</strong></p>
    ${
      p.kind === 'choice'
        ? html`<ul class="handout-options">${p.options.map((o) => html`<li><span class="box"></span> ${o.label}</li>`)}</ul>`
        : html`<p>${msg('My guess:')} ______________</p>`
    }
    <p>${msg('What did the model show?')}</p>
    <div class="lines"></div>
    <p>${msg('Why might that be? What would you want to know next?')}</p>
    <div class="lines"></div>
  </div>`;
}

/** Prints one of the two handouts: the page's print style reads which from the root's data-print. */
function printSheet(sheet: 'prediction' | 'answer'): void {
  const root = document.documentElement;
  root.dataset.print = sheet;
  addEventListener('afterprint', () => delete root.dataset.print, { once: true });
  window.print();
}

customElements.define('story-view', StoryView);

declare global {
  interface HTMLElementTagNameMap {
    'story-view': StoryView;
  }
}

/** A field the user types into, whose keys (arrows included) are its own even in presenter mode. */
function isTextEntry(t: HTMLElement | undefined): boolean {
  if (!t) return false;
  if (t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable) return true;
  return t.tagName === 'INPUT' && !['radio', 'checkbox', 'range', 'button', 'submit', 'reset'].includes((t as HTMLInputElement).type);
}

/** Whether a chapter's towns have any policy to start (an agreement, a sanctuary policy, trust-building): else its chart marks no start. */
function hasPolicy(s: ChapterScenarios): boolean {
  return [s.main, s.against].some((x) => x?.jurisdictions.some((j) => j.policy.model !== 'none' || j.policy.sanctuary || j.policy.trustBuilding));
}
