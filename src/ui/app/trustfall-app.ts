import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { getLocale, LANGUAGES, type Locale, useLocale } from '../i18n/locale.ts';
import { presetDescription, presetTitle } from '../../i18n/labels.ts';
import type { ResidentInfo } from '../../engine/index.ts';
import { resolveScenario, ScenarioError } from '../../scenario/index.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { weeklyCsv } from '../../report/weekly-csv.ts';
import { EngineController } from '../controllers/engine-controller.ts';
import type { RunCommand, ScenarioEditDetail } from '../events.ts';
import { saveDraft } from '../state/local-draft.ts';
import { setAt } from '../../scenario/paths.ts';
import { Seed, SEED_MAX } from '../../scenario/boundaries.ts';
import { presetScenario, type PresetId } from '../state/presets.ts';
import { encodeRun } from '../state/share-link.ts';
import { downloadText, downloadUrl, pickedFile, readOpenedFile, runExport, slug } from '../toolbar/files.ts';
import type { ChartsPanel } from '../charts/charts-panel.ts';
import type { TownView } from '../town-view/town-view.ts';
import { measureLabel } from '../town-view/legend.ts';
import { composeFigure } from '../charts/figure.ts';
import { chooseStartup, defaultDraft } from './startup.ts';
import { watchForUpdates } from './updates.ts';
import '../scenario-panel/scenario-panel.ts';
import '../run-controls/run-controls.ts';
import '../town-view/town-view.ts';
import '../charts/charts-panel.ts';
import '../inspector/resident-inspector.ts';
import '../summary/run-summary.ts';
import '../compare/compare-view.ts';
import '../evidence/target-cards.ts';
import '../calibrate/calibrate-panel.ts';
import '../calibrate/posterior-panel.ts';
import '../sensitivity/sensitivity-panel.ts';
import { decodeComparison, encodeComparison, type SharedComparison } from '../state/share-link.ts';
import { lastComparisonSetup } from '../state/saved-comparison.ts';
import { decodeStoryLink } from '../state/chapter-link.ts';
import type { Chapter } from '../../story/chapter.ts';
import type { LabRequest, StoryView } from '../story/story-view.ts';
import '../story/story-view.ts';
import '../counties/counties-view.ts';
import { CHAPTERS } from '../story/chapters.ts';
import { ClassLink, trainerCredentials } from '../classroom/class-link.ts';
import { keepView, lastView } from '../state/last-view.ts';
import { MECHANISM_IDS, type MechanismId } from '../../story/mechanisms.ts';
import '../how/how-view.ts';
import type { HowView } from '../how/how-view.ts';

/**
 * The whole page: scenario editor, run controls, town view, charts, summary and inspector, wired to the
 * engine Worker. Holds the user's draft (saved locally on every edit) and the shareable link.
 */
export class TrustfallApp extends LitElement {
  static override properties = {
    draft: { state: true },
    seed: { state: true },
    preset: { state: true },
    errors: { state: true },
    dirty: { state: true },
    notice: { state: true },
    fileProblems: { state: true },
    inspected: { state: true },
    linkCopied: { state: true },
    view: { state: true },
    comparison: { state: true },
    storyOpened: { state: true },
    countiesOpened: { state: true },
    howFromStory: { state: true },
    presenting: { state: true },
    locked: { state: true },
    updateReady: { state: true },
    updatedElsewhere: { state: true },
  };
  /** Another tab switched to a newer build: this page runs on, on files the new build no longer serves. */
  declare updatedElsewhere: boolean;
  /** Switches to a newer build of the app that has been installed beside this one (then reloads). */
  declare updateReady: (() => Promise<void>) | undefined;
  /** Presenter mode: the story alone on screen, in large type (the header and footer hidden). */
  declare presenting: boolean;
  /** Opened from a facilitator's link: the scenario can be run but not changed. */
  declare locked: boolean;
  /** Class mode, when the page was opened from the classroom server's trainer link (or reloaded since). */
  readonly classLink?: ClassLink;
  /** The story stays in the page once opened (hidden elsewhere), so its results survive a visit to the lab. */
  declare storyOpened: boolean;
  /** The counties view is built the first time it is shown (it loads 1.6 MB of county data) and kept. */
  declare countiesOpened: boolean;
  /** The preset the engine runs as written ('' for an edited scenario): named in the app's language. */
  private runningPreset = '';
  /** Counts applies, so that one overtaken by a later one does not label the run with its own preset. */
  private applying = 0;
  /** "How it works" was opened from a story chapter, which it offers to go back to. */
  declare howFromStory: boolean;
  /** Where the browser's Back from How it works returns: the chapter's address, when opened from one. */
  private howReturn?: { hash: string };
  /** What a "How it works" link asked for: the view, at a mechanism. */
  private howStart?: { id?: MechanismId };
  /** What a story link asked for: a chapter by id, or a trainer's chapter written out. */
  private storyStart?: { id?: string; chapter?: Chapter };
  /** A returning reader who left on the comparison view: it is shown again once the app has started. */
  private resumeComparison = false;
  declare draft: Record<string, unknown>;
  declare seed: number;
  declare preset: string;
  declare errors: Map<string, string>;
  declare dirty: boolean;
  declare notice: string;
  declare fileProblems: string[];
  declare inspected: ResidentInfo | undefined;
  declare linkCopied: string;
  /** Which face of the app is showing: the guided story, one run to explore, or a comparison of several. */
  declare view: View;
  declare comparison: SharedComparison | undefined;

  readonly engine = new EngineController(this);

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    const start = chooseStartup(location.hash);
    this.draft = start.draft.scenario;
    this.seed = start.draft.seed;
    this.preset = start.draft.preset ?? '';
    this.notice = start.notice ?? '';
    this.errors = new Map();
    this.dirty = false;
    this.fileProblems = [];
    this.linkCopied = '';
    this.view = 'explore';
    const cmp = decodeComparison(location.hash);
    this.storyOpened = false;
    this.countiesOpened = false;
    this.howFromStory = false;
    if (location.hash === '#counties') {
      this.view = 'counties';
      this.countiesOpened = true;
    }
    const how = howLink(location.hash);
    if (how) {
      this.view = 'how';
      this.howStart = how;
    }
    this.presenting = false;
    this.locked = false;
    this.updateReady = undefined;
    this.updatedElsewhere = false;
    const story = decodeStoryLink(location.hash);
    if (story && 'error' in story) this.notice = msg(str`This chapter link could not be opened: ${story.error}.`);
    else if (story) {
      this.view = 'story';
      this.storyOpened = true;
      this.storyStart = story;
      this.locked = story.locked;
      const id = 'id' in story ? story.id : undefined;
      if (id && !CHAPTERS.some((c) => c.id === id))
        this.notice = msg(str`This link names a chapter the story does not have (${id}); the story opens at its start.`);
    }
    const trainer = trainerCredentials(location.hash);
    if (trainer) {
      // The trainer's link: the story in presenter mode, with the class's phones following.
      this.classLink = new ClassLink(trainer);
      this.view = 'story';
      this.storyOpened = true;
      this.presenting = true;
      if (location.hash.startsWith('#class-trainer=')) history.replaceState(null, '', location.pathname + location.search);
    }
    if (!location.hash || location.hash === '#') {
      // No link: a first visit starts with the story; a returning reader lands where they left (the lab
      // and a comparison's set-up are kept in this browser anyway). The lab is one click away.
      const last = lastView();
      if (last === undefined || last === 'story') {
        this.view = 'story';
        this.storyOpened = true;
        this.storyStart = {};
      } else if (last === 'counties') {
        this.view = 'counties';
        this.countiesOpened = true;
      } else if (last === 'how') this.view = 'how';
      else if (last === 'compare') this.resumeComparison = true;
    }
    if (cmp && 'error' in cmp) this.notice = msg(str`This comparison link could not be opened: ${cmp.error}.`);
    else if (cmp) {
      this.view = 'compare';
      this.comparison = cmp;
    }
    if (start.notice) history.replaceState(null, '', location.pathname + location.search);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    // The "Loading…" text from index.html stands until the app renders in its place.
    this.querySelector('.boot')?.remove();
    super.connectedCallback();
    this.classList.toggle('presenting', this.presenting);
    if (this.resumeComparison) void this.show('compare');
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('hashchange', this.onHashChange);
    watchForUpdates(
      (apply) => (this.updateReady = apply),
      () => {
        this.updateReady = undefined;
        this.updatedElsewhere = true;
      },
    );
    void this.apply(true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /**
   * A run, comparison or chapter link pasted into the address bar of an open tab changes only the hash,
   * which loads nothing by itself: the page opens it as it would on a fresh load (the app itself never
   * sets the hash, only replaces it, so this is always the user's doing). Edits are saved as they are made.
   */
  private onHashChange = () => {
    // The browser's Back from How it works, opened from a chapter: back to the chapter as it was, not a reload.
    const back = this.howReturn;
    if (this.view === 'how' && back && location.hash === back.hash) {
      this.howReturn = undefined;
      void this.returnFromHow();
      return;
    }
    const how = howLink(location.hash);
    if (how) void this.openHow(how.id, false);
    else if (/^#(run=|compare=|chapter=|story(=|&|$)|counties$)/.test(location.hash)) location.reload();
  };

  /**
   * Opens "How it works" at a mechanism. From a chapter it is a step the browser's Back undoes (a new
   * history entry, the chapter's address kept in the one before), with a way back to the chapter on the page too.
   */
  private async openHow(id: MechanismId | undefined, fromStory: boolean): Promise<void> {
    this.howFromStory = fromStory;
    if (fromStory && this.view === 'story') {
      this.howReturn = { hash: location.hash };
      history.pushState(null, '', '#how');
    }
    if (this.view !== 'how') await this.show('how');
    history.replaceState(null, '', id ? `#how=${id}` : '#how');
    await this.updateComplete;
    await this.querySelector<HowView>('how-view')?.show(id);
  }

  private onHowOpen = (e: CustomEvent<MechanismId>) => void this.openHow(e.detail, true);

  /** "Back to the chapter": the browser's own Back where How it works was a step from the chapter. */
  private onHowBack = async () => {
    if (this.howReturn) history.back();
    else await this.returnFromHow();
  };

  private async returnFromHow(): Promise<void> {
    this.howFromStory = false;
    await this.show('story');
    // The button that had focus is gone with the view: focus goes back to the link that was followed
    // (or the chapter's title), not to the page.
    await this.updateComplete;
    this.querySelector<StoryView>('story-view')?.focusAfterHow();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('view')) keepView(this.view);
    // The tab's title in the page's language (index.html carries the English one until the app starts).
    document.title = msg('Trustfall: community trust under 287(g)');
  }

  override render(): TemplateResult {
    const e = this.engine;
    // A preset running as written is named and described in the app's language; an edited scenario by its own words.
    const shown = e.status !== 'starting' && this.runningPreset ? (this.runningPreset as PresetId) : undefined;
    return html`
      <header class="app-header">
        <a class="skip" href="#run" @click=${this.skipToRun}>${msg('Skip to run controls')}</a>
        <div class="brand">
          <h1>Trustfall</h1>
          <p>${msg('Community trust under 287(g) immigration enforcement: an agent-based simulation')}</p>
        </div>
        <nav class="views-switch" aria-label=${msg('View')}>
          <div role="toolbar" aria-label=${msg('View')} @keydown=${this.onViewsKey}>
            ${VIEWS.map((v) => this.viewButton(v))}
          </div>
        </nav>

      </header>
      ${
        this.updateReady
          ? html`<div class="notice ok update-ready" role="status">${msg('A new version of Trustfall is ready.')} <button class="link" @click=${() => void this.updateReady?.()}>${msg('Reload to use it')}</button> <button class="link" @click=${() => (this.updateReady = undefined)}>${msg('Later')}</button></div>`
          : nothing
      }
      ${
        this.updatedElsewhere
          ? html`<div class="notice update-ready" role="alert">${msg('Trustfall was updated in another tab. Reload this page to keep working; your edits are saved.')} <button class="link" @click=${() => location.reload()}>${msg('Reload')}</button></div>`
          : nothing
      }
      ${this.notice ? html`<div class="notice" role="alert">${this.notice} <button class="link" @click=${() => (this.notice = '')}>${msg('Dismiss')}</button></div>` : nothing}
      ${this.linkCopied ? html`<div class="notice ok" role="status">${this.linkCopied}</div>` : nothing}
      ${this.fileProblems.length ? html`<div class="notice" role="alert"><strong>${msg('That file was not opened:')}</strong><ul>${this.fileProblems.map((p) => html`<li>${p}</li>`)}</ul><button class="link" @click=${() => (this.fileProblems = [])}>${msg('Dismiss')}</button></div>` : nothing}
      ${e.status === 'invalid' ? html`<div class="notice" role="alert"><strong>${msg('The scenario cannot run yet:')}</strong><ul>${e.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : nothing}
      ${e.status === 'error' ? html`<div class="notice" role="alert"><strong>${msg('The engine stopped:')}</strong> ${e.errorMessage}. ${msg('Reload the page to start again; your edits are saved.')}</div>` : nothing}
      ${
        e.restartNote
          ? html`<div class="notice" role="status">${e.restartNote} <button class="link" @click=${() => {
              e.restartNote = '';
              this.requestUpdate();
            }}>${msg('Dismiss')}</button></div>`
          : nothing
      }
      ${
        // Kept once opened (hidden while exploring), so a comparison and its results survive a visit to Explore.
        this.comparison
          ? html`<main class="compare-layout" ?hidden=${this.view !== 'compare'}><compare-view .setup=${this.comparison} .current=${this.draft} @comparison-change=${(e: CustomEvent<SharedComparison>) => (this.comparison = e.detail)}></compare-view></main>`
          : nothing
      }
      ${
        this.storyOpened
          ? html`<main class="story-layout" ?hidden=${this.view !== 'story'}>${
              // The header (and its heading) is hidden in presenter mode: the page keeps a first-level heading.
              this.presenting ? html`<h1 class="visually-hidden">Trustfall</h1>` : nothing
            }<story-view ?presenting=${this.presenting} ?locked=${this.locked} .classLink=${this.classLink} @story-open-lab=${this.onOpenLab} @presenter-toggle=${this.onPresenter} @how-open=${this.onHowOpen}></story-view></main>`
          : nothing
      }
      ${this.view === 'how' ? html`<main class="how-layout"><how-view ?fromStory=${this.howFromStory} @how-back=${this.onHowBack}></how-view></main>` : nothing}
      ${
        this.countiesOpened
          ? html`<main class="counties-layout" ?hidden=${this.view !== 'counties'}><counties-view @county-open-lab=${this.onOpenLab}></counties-view></main>`
          : nothing
      }
      <div class="layout" ?hidden=${this.view !== 'explore'}>
        <main class="main">
          <section class="panel controls" id="run" aria-label=${msg('Run')}>
            <h2>${shown ? presetTitle(shown) : (e.scenario?.name ?? msg('Loading…'))}</h2>
            ${shown ? html`<p class="description">${presetDescription(shown)}</p>` : e.scenario?.description ? html`<p class="description">${e.scenario.description}</p>` : nothing}
            <run-controls
              .status=${e.status}
              .day=${e.day}
              .days=${e.days}
              .activationDay=${e.activationDay}
              .speed=${e.speed}
              .preparing=${e.preparing}
              .furthest=${e.furthest}
              .snapshots=${e.snapshots}
              @run-command=${this.onCommand}
              @run-seek=${this.onSeek}
              @speed-change=${(ev: CustomEvent<number>) => (e.speed = ev.detail)}
            ></run-controls>
            <nav class="actions" aria-label=${msg('Share and export')}>
              <button @click=${this.copyLink}>${msg('Copy link')}</button>
              <label class="button" ?hidden=${this.locked}>${msg('Open scenario file')}<input class="visually-hidden" type="file" accept=".json,application/json" ?disabled=${this.locked} @change=${this.openFile} /></label>
              <button ?disabled=${!e.weekly?.weeks} @click=${this.exportCsv}>${msg('Export CSV')}</button>
              <button ?disabled=${!e.manifest} @click=${this.exportJson}>${msg('Export JSON')}</button>
              <button ?disabled=${!e.layout} @click=${this.exportTownPng}>${msg('Town PNG')}</button>
              <button ?disabled=${!e.weekly?.weeks} @click=${this.exportChartsPng}>${msg('Charts PNG')}</button>
            </nav>
          </section>
          <div class="views">
            <section class="panel town" aria-label=${msg('Town view')}>
              <h2>${msg('Town')}</h2>
              <town-view .engine=${e} .picked=${this.inspected?.id ?? -1} .pickedTies=${this.inspected?.ties ?? NO_TIES} @resident-pick=${this.onPick}></town-view>
            </section>
            <section class="panel charts" aria-label=${msg('Charts')}>
              <h2>${msg('Over time')}</h2>
              <charts-panel .weekly=${e.weekly} .weeks=${e.weekly?.weeks ?? 0} .activationDay=${e.activationDay} .days=${e.days}></charts-panel>
            </section>
          </div>
          <div class="views">
            <section class="panel" aria-label=${msg('Summary')}>
              <h2>${msg('What changed')}</h2>
              <run-summary .summary=${e.summary} .activationDay=${e.activationDay} .day=${e.day}></run-summary>
            </section>
            <section class="panel" aria-label=${msg('Resident')}>
              <h2>${msg('Inspect a resident')}</h2>
              <resident-inspector .info=${this.inspected} .residents=${e.layout?.residents ?? 0} @resident-pick=${this.onPick}></resident-inspector>
            </section>
          </div>
          <section class="panel" aria-label=${msg('Against published figures')}>
            <h2>${msg('Against published figures')}</h2>
            <target-cards .summary=${e.summary} .scenario=${e.scenario} .seed=${e.manifest?.seed ?? this.seed} .day=${e.day} .activationDay=${e.activationDay}></target-cards>
          </section>
          <section class="panel" aria-label=${msg('Calibrate')}>
            <h2>${msg('Calibrate this scenario to the targets')}</h2>
            <calibrate-panel .draft=${this.draft} .seed=${this.seed} @scenario-replace=${this.onReplace}></calibrate-panel>
            <h3>${msg('How well do the targets pin the parameters down? (posterior by approximate Bayesian computation)')}</h3>
            <posterior-panel .draft=${this.draft} .seed=${this.seed}></posterior-panel>
          </section>
          <section class="panel" aria-label=${msg('Sensitivity')}>
            <h2>${msg('Which assumptions drive the conclusions? (Morris screening, Sobol indices)')}</h2>
            <sensitivity-panel .draft=${this.draft} .seed=${this.seed}></sensitivity-panel>
          </section>
        </main>
        <aside class="panel scenario" aria-label=${msg('Scenario')}>
          <h2>${msg('Scenario')}</h2>
          ${this.locked ? html`<p class="notice ok locked-note" role="note">${msg('Your facilitator locked this scenario: you can run it, step it and inspect residents, but not change it.')}</p>` : nothing}
          <scenario-panel
            ?locked=${this.locked}
            .draft=${this.draft}
            .errors=${this.errors}
            .seed=${this.seed}
            .preset=${this.preset}
            .dirty=${this.dirty}
            @scenario-edit=${this.onEdit}
            @seed-change=${this.onSeed}
            @preset-select=${this.onPreset}
            @scenario-apply=${() => this.apply()}
            @jurisdiction-add=${this.onAddJurisdiction}
            @jurisdiction-remove=${this.onRemoveJurisdiction}
          ></scenario-panel>
        </aside>
      </div>
      <footer class="app-footer">
        ${e.manifest ? msg(str`Engine ${e.manifest.engineVersion} · scenario ${e.manifest.scenarioHash.slice(0, 12)} · seed ${e.manifest.seed}`) : nothing}
        <label class="language"
          >${msg('Language')}
          <select @change=${(ev: Event) => void useLocale((ev.target as HTMLSelectElement).value as Locale)}>
            ${LANGUAGES.map((l) => html`<option value=${l.code} lang=${l.code} ?selected=${l.code === getLocale()}>${l.name}</option>`)}
          </select></label
        >
      </footer>
    `;
  }

  /** Validates the draft and, when valid, rebuilds the run in the Worker and updates the link. */
  async apply(first = false): Promise<void> {
    this.validate();
    if (this.errors.size > 0 && !first) return;
    // What is being applied: edits made while the Worker prepares it are not part of it.
    const draft = this.draft;
    const seed = this.seed;
    const preset = this.preset;
    const ticket = ++this.applying;
    const ok = await this.engine.load(draft, seed);
    // A later apply (a chapter or county opened while this one was still loading) has the last word.
    if (ticket !== this.applying) return;
    if (!ok && first && this.engine.status === 'invalid' && !this.notice) {
      // A saved draft or link that no longer validates: keep it in the editor, explain, run nothing.
      this.notice = msg('The saved scenario has values to fix (marked in the editor) before it can run.');
    }
    if (ok) {
      // Still "not applied" if the scenario or seed was changed meanwhile (edits replace the draft object).
      this.dirty = this.draft !== draft || this.seed !== seed;
      this.runningPreset = preset;
      // Not a reactive property: the heading and description it picks must be drawn again.
      this.requestUpdate();
      this.inspected = undefined;
      // The address bar shows the run only while the run is what is on screen.
      if (this.view === 'explore') history.replaceState(null, '', encodeRun({ scenario: draft, seed }));
    }
    this.save();
  }

  private validate(): void {
    const errors = new Map<string, string>();
    try {
      resolveScenario(this.draft);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const p of e.problems) {
        const i = p.indexOf(': ');
        errors.set(i > 0 ? p.slice(0, i) : '', i > 0 ? p.slice(i + 2) : p);
      }
    }
    if (!Seed.safeParse(this.seed).success) errors.set('seed', `must be a whole number from 0 to ${SEED_MAX}`);
    this.errors = errors;
  }

  private save(): void {
    saveDraft({ scenario: this.draft, seed: this.seed, preset: this.preset || undefined });
  }

  private edit(next: Record<string, unknown>): void {
    this.draft = next;
    this.preset = '';
    this.dirty = true;
    this.validate();
    this.save();
  }

  private onEdit = (e: CustomEvent<ScenarioEditDetail>) => this.edit(setAt(this.draft, e.detail.path, e.detail.value));

  /** A calibration's result replaces the edited scenario (kept as a draft until applied). */
  private onReplace = (e: CustomEvent<Record<string, unknown>>) => {
    if (this.locked) return;
    this.edit(e.detail);
    this.notice = '';
    this.linkCopied = msg('The calibrated values are in the editor: press Apply and restart to run them.');
    setTimeout(() => (this.linkCopied = ''), 8000);
  };

  private onSeed = (e: CustomEvent<number>) => {
    this.seed = e.detail;
    this.dirty = true;
    this.validate();
    this.save();
  };

  private onPreset = (e: CustomEvent<string>) => {
    if (!e.detail) return;
    this.draft = presetScenario(e.detail as PresetId);
    this.preset = e.detail;
    void this.apply();
  };

  private onAddJurisdiction = () => {
    const list = ((this.draft.jurisdictions as unknown[]) ?? [{}]).slice();
    list.push({ name: `County ${list.length + 1}`, policy: { model: 'none' } });
    this.edit({ ...this.draft, jurisdictions: list });
  };

  private onRemoveJurisdiction = (e: CustomEvent<number>) => {
    const list = ((this.draft.jurisdictions as unknown[]) ?? [{}]).filter((_, i) => i !== e.detail);
    this.edit({ ...this.draft, jurisdictions: list });
  };

  private onCommand = (e: CustomEvent<RunCommand>) => this.command(e.detail);

  /** The scrubber took the run to another day: the inspector shows the picked resident on that day. */
  private onSeek = async (e: CustomEvent<number>) => {
    await this.engine.seek(e.detail);
    if (this.inspected) this.inspected = await this.engine.inspect(this.inspected.id);
  };

  private skipToRun = (e: Event) => {
    e.preventDefault();
    this.querySelector('run-controls')?.focusFirst();
  };

  private command(c: RunCommand): void {
    const engine = this.engine;
    if (c === 'play') engine.play();
    else if (c === 'pause') engine.pause();
    else if (c === 'step-day') void engine.stepDays(1);
    else if (c === 'step-week') void engine.stepDays(7);
    else if (c === 'run-to-end') void engine.runToEnd();
    else if (c === 'reset') void engine.reset();
  }

  /** A resident picked (in the town or by number): ringed in the town, and the inspector brought into view. */
  private onPick = async (e: CustomEvent<number>) => {
    this.inspected = await this.engine.inspect(e.detail);
    await this.updateComplete;
    this.querySelector('resident-inspector')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  };

  /** Space plays and pauses, unless typing in a field or pressing a button. */
  private onKey = (e: KeyboardEvent) => {
    const t = e.composedPath()[0] as HTMLElement | undefined;
    const tag = t?.tagName ?? '';
    if (e.key !== ' ' || this.view !== 'explore' || ['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY'].includes(tag)) return;
    e.preventDefault();
    this.command(this.engine.status === 'playing' ? 'pause' : 'play');
  };

  private copyLink = async () => {
    const url = location.href;
    try {
      await navigator.clipboard.writeText(url);
      this.linkCopied = msg('Link copied: it reopens this scenario with this seed.');
    } catch {
      this.linkCopied = msg(str`Copy this link: ${url}`);
    }
    setTimeout(() => (this.linkCopied = ''), 6000);
  };

  private openFile = async (e: Event) => {
    const file = pickedFile(e);
    if (!file) return;
    try {
      const opened = readOpenedFile(await file.text(), file.name);
      this.fileProblems = [];
      this.draft = opened.scenario;
      this.seed = opened.seed;
      this.preset = '';
      await this.apply();
    } catch (err) {
      this.fileProblems = err instanceof ScenarioError ? err.problems : [(err as Error).message];
    }
  };

  private exportCsv = async () => {
    const e = this.engine;
    if (!e.weekly || !e.scenario) return;
    const weekly = await e.fullWeekly();
    // Named by the seed the run uses (the Seed field may hold an edit not yet applied).
    const seed = e.manifest?.seed ?? this.seed;
    const provenance = provenanceLine('weekly series', { scenario: e.manifest?.scenarioHash ?? '', seed, 'up to day': e.day });
    if (weekly) downloadText(`${slug(e.scenario.name)}-seed${seed}-weekly.csv`, weeklyCsv(weekly, e.activationDay, provenance), 'text/csv');
  };

  private exportJson = async () => {
    const e = this.engine;
    if (!e.scenario || !e.manifest) return;
    const summary = await e.refreshSummary();
    downloadText(
      `${slug(e.scenario.name)}-seed${e.manifest?.seed ?? this.seed}.json`,
      JSON.stringify(runExport(e.scenario, e.manifest, summary), null, 2),
      'application/json',
    );
  };

  /** The town as drawn, with a title, what its colours show and a caption of what made the run. */
  private exportTownPng = async () => {
    const town = this.querySelector<TownView>('town-view');
    const e = this.engine;
    // Clicked before the renderer has started (it loads PixiJS on demand): the picture waits for it.
    const view = await town?.ready;
    if (!town || !view || !e.manifest) return;
    const bitmap = await createImageBitmap(await view.snapshot());
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const m = e.manifest;
    const figure = composeFigure(
      [{ canvas }],
      {
        title: msg(str`${e.scenario?.name ?? ''}, day ${e.day}`),
        units: msg(str`Coloured by: ${measureLabel(town.measure)}`),
        legend: [],
        caption: msg(
          str`Trustfall engine ${m.engineVersion}; scenario ${m.scenarioHash.slice(0, 12)}; seed ${m.seed}; one run (replicate 1). Policy starts on day ${e.activationDay}.`,
        ),
      },
      1,
    );
    downloadUrl(`${slug(e.scenario?.name ?? 'town')}-seed${m.seed}-town.png`, figure.toDataURL('image/png'));
  };

  private exportChartsPng = async () => {
    const charts = this.querySelector<ChartsPanel>('charts-panel');
    const e = this.engine;
    if (!charts || !e.manifest) return;
    const m = e.manifest;
    const caption = msg(
      str`Trustfall engine ${m.engineVersion}; scenario ${m.scenarioHash.slice(0, 12)}; seed ${m.seed}; one run (replicate 1), days 0 to ${e.day}. Lines: everyone and each group, the group's weekly mean or share. Policy starts on day ${e.activationDay}.`,
    );
    downloadUrl(`${slug(e.scenario?.name ?? 'charts')}-seed${m.seed}-charts.png`, await charts.figure(e.scenario?.name ?? '', caption));
  };

  /**
   * The view switch is one Tab stop (the current view's button), so the run's controls stay near the top
   * of the Tab order; the arrow keys, Home and End move between the views, as in any toolbar.
   */
  private viewButton(v: View): TemplateResult {
    const on = this.view === v;
    return html`<button class=${v === 'story' ? 'story-start' : ''} aria-pressed=${on ? 'true' : 'false'} tabindex=${on ? '0' : '-1'} @click=${() => this.show(v)}>${viewLabel(v)}</button>`;
  }

  private onViewsKey = (e: KeyboardEvent) => {
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll('button')];
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (to === undefined || at < 0) return;
    e.preventDefault();
    buttons[(to + buttons.length) % buttons.length].focus();
  };

  /** Switches between the story, exploring one run, comparing scenarios and real counties; the address bar follows. */
  private async show(view: View): Promise<void> {
    if (view === this.view) return;
    // Leaving How it works by the header: the browser's Back no longer returns to a chapter from it.
    if (view !== 'how') this.howReturn = undefined;
    if (view === 'story') {
      this.engine.pause();
      const first = !this.storyOpened;
      this.storyOpened = true;
      this.view = view;
      await this.updateComplete;
      const story = this.querySelector<StoryView>('story-view');
      if (first) story?.open();
      else story?.reopen();
      return;
    }
    if (view === 'explore') {
      history.replaceState(null, '', encodeRun({ scenario: this.draft, seed: this.seed }));
    } else if (view === 'counties') {
      this.engine.pause();
      this.countiesOpened = true;
      history.replaceState(null, '', '#counties');
    } else if (view === 'how') {
      this.engine.pause();
      // Leaving presenter mode: the mechanisms are read, not projected chapter by chapter.
      if (this.presenting) {
        this.presenting = false;
        this.classList.remove('presenting');
      }
      history.replaceState(null, '', '#how');
    } else {
      this.engine.pause();
      // The app owns the set-up (the view reports its edits), so it survives switching views; after a
      // reload, the last finished comparison's set-up (its results are kept in this browser).
      this.comparison ??= (await lastComparisonSetup()) ?? defaultComparison();
      history.replaceState(null, '', encodeComparison(this.comparison));
    }
    this.view = view;
  }

  override firstUpdated(): void {
    if (this.howStart) void this.querySelector<HowView>('how-view')?.show(this.howStart.id);
    const start = this.storyStart;
    if (!start) return;
    const story = this.querySelector<StoryView>('story-view');
    if (start.chapter) story?.showExtra(start.chapter);
    else story?.open(start.id);
  }

  /** Presenter mode on or off: the header and footer give the projector their room. */
  private onPresenter = async (e: CustomEvent<boolean>) => {
    this.presenting = e.detail;
    this.classList.toggle('presenting', e.detail);
    await this.updateComplete;
    this.querySelector<HTMLElement>('#chapter-title')?.focus();
  };

  /** A chapter's or a county's "Open in the lab": its scenario and seed in the editor, applied, and the lab shown. */
  private onOpenLab = async (e: CustomEvent<LabRequest>) => {
    this.draft = e.detail.scenario;
    this.seed = e.detail.seed;
    this.preset = e.detail.preset ?? '';
    this.presenting = false;
    this.classList.remove('presenting');
    await this.show('explore');
    await this.apply();
  };

  /** Returns to the default preset (used when the saved draft is beyond repair). */
  resetToDefault(): void {
    const d = defaultDraft();
    this.draft = d.scenario;
    this.seed = d.seed;
    this.preset = d.preset ?? '';
    void this.apply();
  }
}

/** No resident inspected: no ties (one array, so the town is not asked to redraw on every render). */
const NO_TIES: readonly number[] = [];

const VIEWS = ['story', 'explore', 'compare', 'counties', 'how'] as const;
type View = (typeof VIEWS)[number];

/** A view's name on its switch. */
function viewLabel(v: View): string {
  return {
    story: msg('Start here: the story'),
    explore: msg('Explore a run'),
    compare: msg('Compare scenarios'),
    counties: msg('Real counties'),
    how: msg('How it works'),
  }[v];
}

/** A "How it works" link: `#how`, or `#how=<mechanism>` (an unknown mechanism opens the view at its top). */
function howLink(hash: string): { id?: MechanismId } | undefined {
  const m = /^#how(?:=([a-z]+))?$/.exec(hash);
  if (!m) return undefined;
  return { id: (MECHANISM_IDS as readonly string[]).includes(m[1] ?? '') ? (m[1] as MechanismId) : undefined };
}

function defaultComparison(): SharedComparison {
  return { slots: [{ preset: 'no-agreement' }, { preset: 'task-force' }], replicates: 10, seed: 1, survey: 0 };
}

customElements.define('trustfall-app', TrustfallApp);

declare global {
  interface HTMLElementTagNameMap {
    'trustfall-app': TrustfallApp;
  }
}
