import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { groupHeading, groupPeople, metricLabel, presetTitle, rateUnit, placeName } from '../../i18n/labels.ts';
import { getLocale } from '../i18n/locale.ts';
import { scaleBand, weeklyBand, type Band } from '../../compare/bands.ts';
import { compareScenarios, type ComparedScenario, type ComparisonReport } from '../../compare/compare.ts';
import { metricDef, type Group, type MetricKey, type ReplicateResult, type ReplicateTask } from '../../engine/index.ts';
import { COMPARISON_ROWS } from '../../report/comparison-rows.ts';
import { formatEstimate, LEVEL_SCALE } from '../../report/metric-format.ts';
import { replicatesCsv } from '../../report/replicates-csv.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { resolveScenario, ScenarioError, scenarioHash, type Scenario } from '../../scenario/index.ts';
import { GROUP_MENU } from '../../report/group-labels.ts';
import { ComparisonYears, Replicates, Seed, SurveyHouseholds, SURVEY_MAX } from '../../scenario/boundaries.ts';
import { presetScenario, PRESETS, type PresetId } from '../state/presets.ts';
import { encodeComparison, type SharedComparison } from '../state/share-link.ts';
import { downloadText, downloadUrl } from '../toolbar/files.ts';
import { emit } from '../events.ts';
import { numberField } from '../forms/checked-number.ts';
import { type PoolOutcome, poolSize } from './browser-pool.ts';
import { PoolController } from '../controllers/pool-controller.ts';
import { loadComparison, saveComparison } from '../state/saved-comparison.ts';
import { SCENARIO_COLOURS, type BandChart } from './band-chart.ts';
import { composeFigure } from '../charts/figure.ts';
import './band-chart.ts';
import './twin-towns.ts';
import { interleaved } from '../../compare/run-order.ts';

/** The measures the band chart can show; names and formats come from the metric table. */
const CHART_METRICS: readonly MetricKey[] = [
  'meanTrust',
  'reportedShare',
  'cooperationRate',
  'violentVictimisationPer1000',
  'clearanceRate',
  'stopsPer1000',
  'meanFear',
  'meanBelief',
  'expectedReporting',
];
const GROUPS = GROUP_MENU.map((key) => ({ key }));
const CURRENT = '__current__';

/**
 * The compare view: 2 to 4 scenarios run for the same replicates and seed (twin worlds) on a pool of
 * engine Workers, then seen side by side: time series with medians and 90% bands, the paired
 * difference from the first scenario with its interval, before/after changes, and the
 * difference-in-differences lens. Shareable by link; exportable as CSV, JSON and PNG.
 */
export class CompareView extends LitElement {
  static override properties = {
    setup: { attribute: false },
    current: { attribute: false },
    running: { state: true },
    done: { state: true },
    total: { state: true },
    problems: { state: true },
    report: { state: true },
    metric: { state: true },
    group: { state: true },
    jurisdiction: { state: true },
    restored: { state: true },
  };
  declare setup: SharedComparison;
  /** The scenario being edited in the main view, offered as a choice. */
  declare current: Record<string, unknown> | undefined;
  declare running: boolean;
  declare done: number;
  declare total: number;
  declare problems: string[];
  declare report: ComparisonReport | undefined;
  declare metric: MetricKey;
  declare group: string;
  declare jurisdiction: number;
  /** Workers that died during the current run and were replaced (said beside the progress). */
  /** When the comparison on screen was restored from this browser's storage, its finishing time. */
  declare restored: string;

  private readonly pool = new PoolController(this);
  private compared: ComparedScenario[] = [];
  private bandsCache?: { key: string; bands: Band[] };

  constructor() {
    super();
    this.setup = { slots: [{ preset: 'no-agreement' }, { preset: 'task-force' }], replicates: 10, seed: 1, survey: 0 };
    this.running = false;
    this.done = 0;
    this.total = 0;
    this.problems = [];
    this.metric = 'meanTrust';
    this.group = 'latinoNoncitizen';
    this.jurisdiction = 0;
    this.restored = '';
    updateWhenLocaleChanges(this);
  }

  /** "6 of 6 replicates done", with how it ended or where it came from. */
  private progressText(): string {
    const { done, total } = this;
    if (this.running) return msg(str`${done} of ${total} replicates…`);
    if (this.report?.cancelled) return msg(str`${done} of ${total} replicates (cancelled: results use the finished ones)`);
    const when = this.restored;
    if (when) return msg(str`${done} of ${total} replicates done (kept in this browser from ${when}; Run comparison runs it again)`);
    return msg(str`${done} of ${total} replicates done`);
  }

  /** A reload brings back the last finished comparison of this set-up (kept in IndexedDB), without running it again. */
  override async firstUpdated(): Promise<void> {
    const saved = await loadComparison(this.setup);
    if (!saved || this.report || this.running) return;
    this.compared = saved.compared;
    this.report = saved.report;
    this.total = saved.compared.reduce((n, c) => n + c.results.length, 0);
    this.done = this.total;
    this.restored = new Date(saved.savedAt).toLocaleString(getLocale());
  }

  /** Leaving the page (or the view) stops the run's Workers: nothing keeps computing unseen. */
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<section class="panel compare-setup" aria-label=${msg('Comparison set-up')}>
        <h2>${msg('Compare scenarios')}</h2>
        <p class="description">${msg('Each scenario runs the same replicates with the same seeds, so differences come from the policy, not from luck.')} ${poolSize() > 1 ? msg(str`Runs use ${poolSize()} workers.`) : msg('Runs use 1 worker.')}</p>
        <div class="slots">${this.setup.slots.map((s, i) => this.slotChoice(s, i))}</div>
        <div class="compare-row">
          ${this.setup.slots.length < 4 ? html`<button class="secondary" @click=${() => this.patch({ slots: [...this.setup.slots, { preset: 'jail-enforcement' }] })}>${msg('Add a scenario')}</button>` : nothing}
          ${numberField({ id: 'cmp-replicates', label: msg('Replicates'), schema: Replicates, value: this.setup.replicates, keeper: 'the comparison', set: (replicates) => this.patch({ replicates }) })}
          ${numberField({ id: 'cmp-years', label: msg('Years (0: as each scenario says)'), schema: ComparisonYears, min: 0, max: 50, step: 0.5, value: this.setup.years ?? 0, keeper: 'the comparison', set: (years) => this.patch({ years }) })}
          ${numberField({ id: 'cmp-seed', label: msg('Seed'), schema: Seed, value: this.setup.seed, keeper: 'the comparison', set: (seed) => this.patch({ seed }) })}
          ${numberField({ id: 'cmp-survey', label: msg('Survey households (0: none)'), schema: SurveyHouseholds, min: 0, max: SURVEY_MAX, value: this.setup.survey, keeper: 'the comparison', set: (survey) => this.patch({ survey }) })}
          ${
            this.running
              ? html`<button class="primary" @click=${this.cancel}>${msg('Cancel')}</button>`
              : html`<button class="primary" @click=${this.run}>${msg('Run comparison')}</button>`
          }
        </div>
        ${
          this.running || this.done
            ? html`<div class="compare-progress" role="status">${this.progressText()} <progress max=${this.total} .value=${this.done}></progress>${
                this.pool.workersLost
                  ? html`<p class="hint">${this.pool.workersLost > 1 ? msg(str`A worker stopped during the run (${this.pool.workersLost} times); a fresh one took over and ran its replicate again. Finished replicates are kept.`) : msg('A worker stopped during the run; a fresh one took over and ran its replicate again. Finished replicates are kept.')}</p>`
                  : nothing
              }</div>`
            : nothing
        }
        ${this.problems.length ? html`<div class="notice" role="alert"><strong>${msg('Cannot run:')}</strong><ul>${this.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : nothing}
      </section>
      ${this.report ? this.results(this.report) : nothing}
      ${
        this.compared.length >= 2
          ? html`<section class="panel" aria-label=${msg('Two towns side by side')}>
            <h2>${msg('Two towns side by side, in step')}</h2>
            <p class="description">${msg('[1] and [2] with the same seed: the same town and the same offenders at the start, only the policy differs.')}</p>
            <twin-towns .scenarios=${[this.compared[0].scenario, this.compared[1].scenario]} .seed=${this.setup.seed}></twin-towns>
          </section>`
          : nothing
      }`;
  }

  private slotChoice(s: SharedComparison['slots'][number], i: number): TemplateResult {
    const value = 'preset' in s ? s.preset : CURRENT;
    return html`<div class="slot">
      <span class="swatch" style="background:${SCENARIO_COLOURS[i]}"></span>
      <label>[${i + 1}]
        <select class="slot-select" @change=${(e: Event) => this.choose(i, (e.target as HTMLSelectElement).value)}>
          ${PRESETS.map((p) => html`<option value=${p.id} ?selected=${p.id === value}>${presetTitle(p.id)}</option>`)}
          <option value=${CURRENT} ?selected=${value === CURRENT}>${'scenario' in s ? msg(str`Edited: ${String(s.scenario.name ?? '')}`) : msg('The scenario being edited')}</option>
        </select></label
      >
      ${this.setup.slots.length > 2 ? html`<button class="link" @click=${() => this.patch({ slots: this.setup.slots.filter((_, k) => k !== i) })}>${msg('remove')}</button>` : nothing}
    </div>`;
  }

  private results(r: ComparisonReport): TemplateResult {
    // A preset by its name in the app's language; a written-out scenario by its own name.
    const names = r.scenarios.map((s, k) => {
      const slot = this.setup.slots[k];
      return `[${k + 1}] ${slot && 'preset' in slot && PRESETS.some((p) => p.id === slot.preset) ? presetTitle(slot.preset as PresetId) : s.name}`;
    });
    const J = Math.min(...r.scenarios.map((s) => s.jurisdictions.length));
    const m = metricDef(this.metric);
    return html`<section class="panel" aria-label=${msg('Comparison results')}>
      <div class="compare-row">
        <h2>${msg(str`Over time: median and 90% band of ${r.finished[0]} replicates`)}</h2>
        <button class="secondary" @click=${this.exportCsv}>${msg('Export CSV')}</button>
        <button class="secondary" @click=${this.exportJson}>${msg('Export JSON')}</button>
        <button class="secondary" @click=${this.exportPng}>${msg('Chart PNG')}</button>
      </div>
      <div class="compare-row">
        <label>${msg('Measure')} <select id="cmp-metric" @change=${(e: Event) => (this.metric = (e.target as HTMLSelectElement).value as MetricKey)}>${CHART_METRICS.map((key) => html`<option value=${key} ?selected=${key === this.metric}>${metricLabel(key)}</option>`)}</select></label>
        <label>${msg('Group')} <select id="cmp-group" @change=${(e: Event) => (this.group = (e.target as HTMLSelectElement).value)}>${GROUPS.map((g) => html`<option value=${g.key} ?selected=${g.key === this.group}>${groupHeading(g.key)}</option>`)}</select></label>
        ${J > 1 ? html`<label>${msg('Jurisdiction')} <select @change=${(e: Event) => (this.jurisdiction = Number((e.target as HTMLSelectElement).value))}>${r.scenarios[0].jurisdictions.slice(0, J).map((j, i) => html`<option value=${i} ?selected=${i === this.jurisdiction}>${placeName(j.name)}</option>`)}</select></label>` : nothing}
        <span class="charts-key">${names.map((n, k) => html`<span class="key"><span class="swatch" style="background:${SCENARIO_COLOURS[k]}"></span>${n}</span>`)}</span>
      </div>
      <band-chart .bands=${this.bands()} .labels=${names} .activationDay=${this.compared[0]?.scenario.run.activationDay ?? 0} .days=${Math.round((this.compared[0]?.scenario.run.years ?? 0) * 365)} ?percent=${m.kind === 'share'} .minSpan=${m.kind === 'level' ? 0.1 * LEVEL_SCALE : 0.1}></band-chart>
      ${Array.from({ length: J }, (_, j) => this.tables(r, j, names))}
      ${r.did.length ? this.did(r) : nothing}
    </section>`;
  }

  private tables(r: ComparisonReport, j: number, names: string[]): TemplateResult {
    const place = placeName(r.scenarios[0].jurisdictions[j].name);
    const opts = { locale: getLocale(), to: msg('to') };
    return html`<h3>${msg(str`${place}: after the policy started, and the difference from [1] (paired by replicate, 95% interval)`)}</h3>
      ${GROUPS.map(
        (g) => html`<table class="diff-table" data-group=${g.key}>
          <caption>${groupHeading(g.key)}</caption>
          <thead><tr><th scope="col">${msg('Measure')}</th>${names.map((n) => html`<th scope="col">${n}</th>`)}${names.slice(1).map((_, k) => html`<th scope="col">[${k + 2}] − [1]</th>`)}</tr></thead>
          <tbody>
            ${COMPARISON_ROWS.map(
              (metric) => html`<tr>
                <th scope="row">${metricLabel(metric)}${metricDef(metric).kind === 'total' ? msg(' (whole period)') : ''}</th>
                ${r.scenarios.map((s) => html`<td>${formatEstimate(metric, s.jurisdictions[j]?.groups[g.key].after[metric], opts)}</td>`)}
                ${r.scenarios.slice(1).map((_, k) => html`<td>${formatEstimate(metric, r.differences.find((d) => d.scenario === k + 1 && d.jurisdiction === j && d.group === g.key && d.period === 'after' && d.metric === metric)?.estimate, { ...opts, signed: true })}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>`,
      )}
      <table class="change-table">
        <caption>${msg(str`Before → after, by group (${metricLabel(this.metric)})`)}</caption>
        <thead><tr><th scope="col">${msg('Group')}</th>${names.map((n) => html`<th scope="col">${n}</th>`)}</tr></thead>
        <tbody>
          ${GROUPS.map(
            (g) =>
              html`<tr><th scope="row">${groupHeading(g.key)}</th>${r.scenarios.map((s) => {
                const grp = s.jurisdictions[j]?.groups[g.key];
                return html`<td>${formatEstimate(this.metric, grp?.before[this.metric], opts)} → ${formatEstimate(this.metric, grp?.after[this.metric], opts)}</td>`;
              })}</tr>`,
          )}
        </tbody>
      </table>`;
  }

  private did(r: ComparisonReport): TemplateResult {
    return html`<h3>${msg('As a study would see it: difference in differences (treated minus comparison jurisdiction, after minus before)')}</h3>
      <table class="did-table">
        <thead><tr><th scope="col">${msg('Scenario')}</th><th scope="col">${msg('Outcome')}</th><th scope="col">${msg('Source')}</th><th scope="col">${msg('Mean estimate (95% interval)')}</th><th scope="col">${msg('A single study finds it')}</th></tr></thead>
        <tbody>
          ${r.did.map(
            (d) => html`<tr>
              <td>[${d.scenario + 1}] ${msg(str`${placeName(r.scenarios[d.scenario].jurisdictions[d.treated].name)} vs ${placeName(r.scenarios[d.scenario].jurisdictions[d.comparison].name)}`)}</td>
              <td>${outcomeName(d.outcome)}</td>
              <td>${d.source === 'survey' ? msg('survey') : msg('recorded crime')}</td>
              <td>${formatEstimate(d.outcome.startsWith('reported') ? 'reportedShare' : 'recordedCrimesPer1000', d.estimate, { signed: true, locale: getLocale(), to: msg('to') })}</td>
              <td>${msg(str`${(d.detectedShare * 100).toFixed(0)}% of replicates`)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private bands(): Band[] {
    const key = `${this.metric}|${this.group}|${this.jurisdiction}|${this.done}`;
    if (this.bandsCache?.key !== key)
      // Levels (trust, fear, belief) out of 100, as every screen shows them; shares stay 0–1, drawn as percentages.
      this.bandsCache = {
        key,
        bands: this.compared.map((c) =>
          scaleBand(weeklyBand(c.results, this.jurisdiction, this.group, this.metric, 4), metricDef(this.metric).kind === 'level' ? LEVEL_SCALE : 1),
        ),
      };
    return this.bandsCache.bands;
  }

  private choose(i: number, value: string): void {
    const slot = value === CURRENT ? { scenario: structuredClone(this.current ?? presetScenario('task-force')) } : { preset: value };
    this.patch({ slots: this.setup.slots.map((s, k) => (k === i ? slot : s)) });
  }

  /** Changes the set-up. The app owns it (so it survives switching views) and passes it back down. */
  private patch(p: Partial<SharedComparison>): void {
    this.setup = { ...this.setup, ...p };
    history.replaceState(null, '', encodeComparison(this.setup));
    emit(this, 'comparison-change', this.setup);
  }

  private resolveSlots(): Scenario[] {
    const problems: string[] = [];
    const out = this.setup.slots.map((s, i) => {
      try {
        const raw = structuredClone('preset' in s ? presetScenario(s.preset as PresetId) : s.scenario);
        if (this.setup.years) raw.run = { ...((raw.run as object) ?? {}), years: this.setup.years };
        return resolveScenario(raw, `scenario [${i + 1}]`);
      } catch (e) {
        problems.push(...(e instanceof ScenarioError ? e.problems.map((p) => `[${i + 1}] ${p}`) : [`[${i + 1}] ${(e as Error).message}`]));
        return undefined;
      }
    });
    this.problems = problems;
    return problems.length ? [] : (out as Scenario[]);
  }

  private run = async () => {
    const scenarios = this.resolveSlots();
    if (!scenarios.length) return;
    history.replaceState(null, '', encodeComparison(this.setup));
    const { replicates, seed, survey } = this.setup;
    // Replicate by replicate across the scenarios, so that a comparison stopped early is still paired.
    const order = interleaved(scenarios.length, replicates);
    const tasks: ReplicateTask[] = order.map(({ scenario, replicate }) => ({
      scenario: scenarios[scenario],
      seed,
      replicate,
      weekly: true,
      surveyHouseholds: survey || undefined,
    }));
    this.compared = scenarios.map((scenario) => ({ scenario, results: [] }));
    this.report = undefined;
    this.running = true;
    this.done = 0;
    this.total = tasks.length;
    let outcome: PoolOutcome;
    try {
      outcome = await this.pool.use((pool) => pool.run(tasks, (_i, _r, done) => (this.done = done)));
    } catch (e) {
      this.running = false;
      this.problems = [`a replicate failed: ${(e as Error).message}`];
      return;
    }
    this.running = false;
    this.compared = scenarios.map((scenario, k) => ({
      scenario,
      results: outcome.results.filter((r, i): r is ReplicateResult => r !== undefined && order[i].scenario === k),
    }));
    if (this.compared.some((c) => c.results.length === 0)) {
      this.problems = ['cancelled before every scenario had a finished replicate'];
      return;
    }
    if (outcome.failed.length)
      this.problems = [`${outcome.failed.length} replicate(s) stopped their worker ${3} times and were left out; the comparison uses the others`];
    this.report = compareScenarios(this.compared, seed, replicates, outcome.cancelled || outcome.failed.length > 0);
    this.restored = '';
    await saveComparison(this.setup, this.compared, this.report);
  };

  private cancel = () => this.pool.cancel();

  private exportCsv = () => {
    const rows = this.compared.flatMap((c) =>
      c.results.map((r) => ({ scenario: c.scenario.name, replicate: r.replicate, seed: this.setup.seed, summary: r.summary })),
    );
    const provenance = provenanceLine('replicates of a comparison', {
      seed: this.setup.seed,
      scenarios: this.compared.map((c) => `${c.scenario.name} ${scenarioHash(c.scenario)}`).join(', '),
    });
    downloadText('trustfall-comparison-replicates.csv', replicatesCsv(rows, provenance), 'text/csv');
  };

  private exportJson = () => {
    if (!this.report) return;
    const manifest = {
      engineVersion: this.report.engineVersion,
      seed: this.setup.seed,
      replicates: this.setup.replicates,
      scenarios: this.report.scenarios.map((s) => ({ name: s.name, scenarioHash: s.scenarioHash })),
    };
    downloadText(
      'trustfall-comparison.json',
      JSON.stringify(
        { format: 'trustfall-comparison', version: 1, manifest, setup: this.setup, scenarios: this.compared.map((c) => c.scenario), report: this.report },
        null,
        2,
      ),
      'application/json',
    );
  };

  /** The chart as a figure to publish: at twice the screen's resolution, with title, units, legend and a caption of what made it. */
  private exportPng = async () => {
    const chart = this.querySelector<BandChart>('band-chart');
    const canvas = await chart?.figureCanvas();
    const r = this.report;
    if (!chart || !canvas || !r) return;
    const m = metricDef(this.metric);
    const place = r.scenarios[0].jurisdictions.length > 1 ? `, ${placeName(r.scenarios[0].jurisdictions[this.jurisdiction]?.name ?? '')}` : '';
    const unit =
      m.kind === 'share'
        ? msg('share of the group, 0 to 100%')
        : m.kind === 'rate'
          ? rateUnit(this.metric)
          : m.kind === 'level'
            ? msg('out of 100 (0 = none, 100 = full)')
            : m.unit;
    const scenarios = r.scenarios.map((s, k) => `[${k + 1}] ${s.name} (${s.scenarioHash.slice(0, 12)})`).join('; ');
    const activation = this.compared[0]?.scenario.run.activationDay ?? 0;
    const figure = composeFigure(
      [{ canvas }],
      {
        title: `${metricLabel(this.metric)}: ${groupHeading(this.group as Group)}${place}`,
        units: unit,
        legend: [...chart.legend(), { label: msg('policy starts'), stroke: '#c62828', width: 2, dash: [6, 4] }],
        caption: msg(
          str`Trustfall engine ${r.engineVersion}; seed ${this.setup.seed}; ${r.finished[0]} replicates per scenario, the same seeds in each (twin worlds). Lines: median across replicates; shaded: 90% of replicates (5th to 95th percentile), 4-week average. Policy starts on day ${activation}. Scenarios: ${scenarios}.`,
        ),
      },
      2,
    );
    downloadUrl('trustfall-comparison.png', figure.toDataURL('image/png'));
  };
}

/** A difference-in-differences outcome ("reportedShare.latino") as people read it: the measure and whose. */
function outcomeName(outcome: string): string {
  const [metric, group] = outcome.split('.') as [MetricKey, Group | undefined];
  const label = metricLabel(metric);
  return group ? `${label}, ${groupPeople(group)}` : label;
}

customElements.define('compare-view', CompareView);

declare global {
  interface HTMLElementTagNameMap {
    'compare-view': CompareView;
  }
}
