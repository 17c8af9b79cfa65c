import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { formatNumber } from '../../i18n/labels.ts';
import { translated } from '../../vocabulary/translated.ts';
import { getLocale } from '../i18n/locale.ts';
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { RunSummary } from '../../engine/index.ts';
import { ESTIMAND_LABELS } from '../../evidence/estimands.ts';
import { didComparison, fitReport, needsTwin, runNeeds, targetJurisdiction, type TargetResult } from '../../evidence/fit.ts';
import { measureAgainstTwin, measureKey, TWIN_REPLICATES, type TwinMeasure } from './twin-measure.ts';
import { BUILT_IN_TARGETS, DEFAULT_TARGETS } from '../../evidence/registry.ts';
import type { Scenario } from '../../scenario/index.ts';

/**
 * Target cards: each published figure of the chosen set beside the run's own value, its acceptance band,
 * whether the run meets it, and the source. One run, so no interval: `sim fit` runs replicates.
 */
export class TargetCards extends LitElement {
  static override properties = {
    summary: { attribute: false },
    scenario: { attribute: false },
    day: { type: Number },
    activationDay: { type: Number },
    seed: { type: Number },
    set: { state: true },
    twin: { state: true },
  };
  declare summary: RunSummary | undefined;
  declare scenario: Scenario | undefined;
  declare day: number;
  declare activationDay: number;
  /** The seed the run uses: the twin measurement runs the same. */
  declare seed: number;
  declare set: string;
  /** The set's policy effects read against the no-agreement twin, run here in Workers. */
  declare twin: TwinMeasure | undefined;
  private measuring?: { cancel: () => void };

  constructor() {
    super();
    this.day = 0;
    this.activationDay = 0;
    this.seed = 1;
    this.set = DEFAULT_TARGETS;
    updateWhenLocaleChanges(this);
  }

  /** A set with policy effects measures them against the twin, once per scenario, seed and set. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    // Only a new set, scenario or seed can call for a new measurement: the cards update every frame
    // while the lab plays, and the key hashes the scenario.
    if (!changed.has('set') && !changed.has('scenario') && !changed.has('seed')) return;
    const set = BUILT_IN_TARGETS[this.set];
    const wanted =
      this.scenario &&
      (needsTwin(set, this.scenario) || runNeeds([set]).quarterly || runNeeds([set]).surveyHouseholds > 0) &&
      set.targets.some((t) => targetJurisdiction(t, this.scenario!) >= 0);
    const key = wanted ? measureKey(set, this.scenario!, this.seed) : undefined;
    if (key === this.twin?.key) return;
    this.measuring?.cancel();
    this.measuring = undefined;
    this.twin = undefined;
    if (!key) return;
    this.measuring = measureAgainstTwin(set, this.scenario!, this.seed, (m) => (this.twin = m));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.measuring?.cancel();
  }

  override render(): TemplateResult {
    const set = BUILT_IN_TARGETS[this.set];
    const report = this.summary && this.scenario ? fitReport(set, this.scenario, [this.summary]) : undefined;
    return html`<div class="head">
        <label for="set">${msg('Target set')}</label>
        <select id="set" @change=${(e: Event) => (this.set = (e.target as HTMLSelectElement).value)}>
          ${Object.values(BUILT_IN_TARGETS).map((s) => html`<option value=${s.id} ?selected=${s.id === this.set}>${translated(s.title)}</option>`)}
        </select>
        ${report ? html`<span class="score" role="status">${msg(str`${report.score.met} of ${report.score.applicable} met in this run`)}</span>` : nothing}
      </div>
      <p class="about">${translated(set.description)} ${msg('One run, so no interval: the command line\u2019s')} <code>sim fit</code> ${msg('runs replicates.')}</p>
      <ul class="cards">
        ${(report?.results ?? set.targets.map((t) => ({ ...t, simulated: null, met: null, distance: null, jurisdiction: null }) as unknown as TargetResult)).map((t) => this.card(t))}
      </ul>`;
  }

  /**
   * Where the measurement over replicates stands, for a card still waiting for it: a policy effect read
   * against the no-agreement twin, or stated intentions read from the simulated survey (which the lab's
   * one run does not carry).
   */
  private twinProgress(surveyed: boolean): string {
    const m = this.twin;
    if (surveyed) {
      if (m?.state === 'running') return msg(str`measuring with the simulated survey: ${m.done} of ${m.total} runs (${TWIN_REPLICATES} replicates)`);
      if (m?.state === 'failed') return msg('the measurement with the simulated survey failed: use sim fit on the command line');
      return msg('read from the simulated survey over replicates: use sim fit on the command line');
    }
    if (m?.state === 'running') return msg(str`measuring against the no-agreement twin: ${m.done} of ${m.total} runs (${TWIN_REPLICATES} paired replicates)`);
    if (m?.state === 'failed') return msg('the measurement against the no-agreement twin failed: use Compare, or sim fit on the command line');
    return msg('read against the no-agreement twin over replicates: use Compare, or sim fit on the command line');
  }

  private card(given: TargetResult): TemplateResult {
    const target = BUILT_IN_TARGETS[this.set].targets.find((x) => x.id === given.id)!;
    const kind = target.simulated.kind;
    const needsAfter = kind === 'relativeChange' || kind === 'did' || ('period' in target.simulated && target.simulated.period === 'after');
    const waiting = this.day <= (needsAfter ? this.activationDay + 28 : Math.min(this.activationDay, 28));
    const j = this.scenario ? targetJurisdiction(target, this.scenario) : 0;
    const applies = j >= 0;
    // A difference in differences is read in one run when the scenario has an untreated jurisdiction;
    // an event study needs each quarter, which only the measurement's runs keep.
    // Stated intentions are read from the simulated survey, which only the measurement's runs carry.
    const surveyed = kind === 'stated';
    const paired = surveyed || kind === 'paired' || kind === 'eventStudy' || (kind === 'did' && (!this.scenario || didComparison(this.scenario, j) < 0));
    // A policy effect measured against the twin here shows that measurement, with its interval.
    const twin = paired && this.twin?.state === 'done' ? this.twin.report.results.find((r) => r.id === given.id) : undefined;
    const t = twin ?? given;
    const state = twin
      ? twin.met === null
        ? 'n/a'
        : twin.met
          ? 'met'
          : 'missed'
      : paired && applies && this.scenario
        ? 'paired'
        : !this.summary || !this.scenario
          ? 'wait'
          : t.simulated === null
            ? 'n/a'
            : waiting
              ? 'wait'
              : t.met
                ? 'met'
                : 'missed';
    const label = {
      'n/a': msg('does not apply to this scenario'),
      paired: this.twinProgress(surveyed),
      wait: msg('run further to measure'),
      met: msg('within the band'),
      missed: msg('outside the band'),
    }[state];
    const pct = t.unit.includes('share') || t.unit.includes('relative');
    const locale = getLocale();
    const f = (v: number | null | undefined) =>
      v === null || v === undefined ? '—' : pct ? `${formatNumber(v * 100, 1, locale)}%` : formatNumber(v, 1, locale);
    return html`<li class="card ${state}" data-target=${t.id}>
      <div class="measure">${translated(t.measure)}</div>
      <div class="estimand">${msg('Estimand:')} ${translated(ESTIMAND_LABELS[target.simulated.kind])}</div>
      <div class="numbers">
        <span><span class="k">${twin ? (surveyed ? msg(str`${TWIN_REPLICATES} replicates`) : msg(str`${TWIN_REPLICATES} paired replicates`)) : msg('this run')}</span> ${state === 'wait' || state === 'n/a' || state === 'paired' ? '—' : f(t.simulated?.mean)}${twin && t.simulated?.lo !== null && t.simulated?.hi !== null ? html` <span class="interval">(${f(t.simulated?.lo)} ${msg('to')} ${f(t.simulated?.hi)})</span>` : nothing}</span>
        <span><span class="k">${msg('published')}</span> ${f(t.value)}</span>
        <span><span class="k">${msg('band')}</span> ${msg(str`${f(t.band[0])} to ${f(t.band[1])}`)}</span>
      </div>
      <div class="verdict"><span class="mark" aria-hidden="true">${{ 'n/a': '·', paired: '⇄', wait: '…', met: '✓', missed: '✗' }[state]}</span> ${label}</div>
      <div class="source">${target.url ? html`<a href=${target.url} target="_blank" rel="noopener noreferrer">${t.citation}</a>` : t.citation}${t.secondary ? msg(' (secondary source)') : ''}</div>
    </li>`;
  }

  static override styles = css`
    :host {
      display: block;
      /* Its changes lay out and paint only itself, not the page, while a run plays. */
      contain: content;
      font-size: 0.85rem;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .about {
      color: #555;
      margin: 0.3rem 0 0.5rem;
    }
    .cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: 0.5rem;
    }
    .card {
      border: 1px solid #ddd6c8;
      border-left: 6px solid #999;
      border-radius: 4px;
      padding: 0.4rem 0.5rem;
      background: #fff;
    }
    .card.met {
      border-left-color: #1a7f37;
    }
    .card.missed {
      border-left-color: #b00020;
    }
    .measure {
      font-weight: 600;
    }
    .numbers {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.8rem;
      font-variant-numeric: tabular-nums;
      margin: 0.2rem 0;
    }
    .k {
      color: #555;
    }
    .verdict .mark {
      font-weight: 700;
    }
    .met .verdict {
      color: #1a7f37;
    }
    .missed .verdict {
      color: #b00020;
    }
    .estimand {
      color: #555;
      font-size: 0.8rem;
    }
    .interval {
      color: #555;
      font-size: 0.8rem;
    }
    .source {
      color: #555;
      font-size: 0.78rem;
      margin-top: 0.2rem;
    }
    :focus-visible {
      outline: 3px solid #f4a261;
    }
  `;
}

customElements.define('target-cards', TargetCards);

declare global {
  interface HTMLElementTagNameMap {
    'target-cards': TargetCards;
  }
}
