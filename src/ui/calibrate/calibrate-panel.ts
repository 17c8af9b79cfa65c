import { z } from 'zod';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../i18n/labels.ts';
import { getLocale } from '../i18n/locale.ts';
import { calibrate, resolveParams, type CalibrationParam, type CalibrationProgress, type CalibrationState } from '../../calibrate/calibrate.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { cell } from '../../report/csv-fields.ts';
import { downloadText } from '../toolbar/files.ts';
import { type FitReport, runNeeds } from '../../evidence/fit.ts';
import { BUILT_IN_TARGETS, DEFAULT_TARGETS } from '../../evidence/registry.ts';
import { scenarioHash, type Scenario } from '../../scenario/index.ts';
import { PoolController } from '../controllers/pool-controller.ts';
import { getAt, parsePath } from '../../scenario/paths.ts';
import { toolPanelStyles } from '../styles/tool-panel.ts';
import { emit } from '../events.ts';
import { numberField } from '../forms/checked-number.ts';
import { toolStart } from '../forms/tool-seed.ts';
import { CHOICES, parameterChoices, targetSetSelect, parameterLabel } from './choices.ts';

/** What a finished calibration ran: enough to repeat it. */
interface CalibrationManifest {
  engineVersion: string;
  scenarioHash: string;
  calibratedScenarioHash: string;
  seed: number;
  method: 'nelder-mead';
  targetSet: string;
  replicates: number;
  evaluations: number;
}

/** What the panel's fields allow: a budget of evaluations, and replicates per evaluation (kept small in a browser). */
const Evaluations = z.int().min(4).max(2000);
const CalibrationReplicates = z.int().min(1).max(20);

/**
 * Calibrates the scenario being edited to a target set, in Workers: Nelder–Mead with the same
 * replicate seeds at every point, with progress and Cancel (which keeps the best point so far).
 * The result can replace the edited scenario.
 */
export class CalibratePanel extends LitElement {
  static override properties = {
    draft: { attribute: false },
    seed: { attribute: false },
    chosen: { state: true },
    set: { state: true },
    budget: { state: true },
    replicates: { state: true },
    running: { state: true },
    progress: { state: true },
    result: { state: true },
    problem: { state: true },
    cancelling: { state: true },
  };
  declare draft: Record<string, unknown>;
  /** The seed the app runs with (the Seed field), which a link or the field may set apart from the file's. */
  declare seed: number | undefined;
  declare chosen: boolean[];
  declare set: string;
  declare budget: number;
  declare replicates: number;
  declare running: boolean;
  declare progress: CalibrationProgress | undefined;
  declare result:
    | {
        best: Scenario;
        report: FitReport[];
        stopped: string;
        params: CalibrationParam[];
        state: CalibrationState;
        bestLoss: number;
        manifest: CalibrationManifest;
      }
    | undefined;
  declare problem: string;
  /** Cancel was pressed: the search stops before its next evaluation. */
  declare cancelling: boolean;
  private stop = false;
  private readonly pool = new PoolController(this);

  constructor() {
    super();
    this.draft = {};
    this.chosen = CHOICES.map((c) => c.on);
    this.set = DEFAULT_TARGETS;
    this.budget = 40;
    this.replicates = 2;
    this.running = false;
    this.problem = '';
    this.cancelling = false;
    updateWhenLocaleChanges(this);
  }

  /** Leaving the page stops the search and its Workers. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop = true;
  }

  override render(): TemplateResult {
    return html`${parameterChoices(msg('Parameters to tune (searched within the ranges shown)'), this.chosen, this.running, (c) => (this.chosen = c))}
      <div class="row">
        ${targetSetSelect('cal-set', this.set, this.running, (v) => (this.set = v))}
        ${numberField({ id: 'cal-budget', label: msg('Evaluations'), schema: Evaluations, value: this.budget, keeper: 'the calibration', disabled: this.running, set: (v) => (this.budget = v) })}
        ${numberField({ id: 'cal-replicates', label: msg('Replicates'), schema: CalibrationReplicates, value: this.replicates, keeper: 'the calibration', disabled: this.running, set: (v) => (this.replicates = v) })}
        ${
          this.running
            ? html`<button ?disabled=${this.cancelling} @click=${() => {
                this.stop = true;
                this.cancelling = true;
              }}>${this.cancelling ? msg('Cancelling…') : msg('Cancel')}</button>`
            : html`<button @click=${this.run}>${msg('Calibrate')}</button>`
        }
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.progress ? html`<p role="status" class="progress">${this.progressText()} <progress max=${this.budget} .value=${this.progress.evaluations}></progress></p>` : nothing}
      ${this.pool.workersLost ? html`<p class="hint" role="status">${this.pool.workersLost > 1 ? msg(str`A worker stopped during the search (${this.pool.workersLost} times); a fresh one took over and ran its replicate again.`) : msg('A worker stopped during the search; a fresh one took over and ran its replicate again.')}</p>` : nothing}
      ${this.result ? this.outcome() : nothing}`;
  }

  /** Where the search stands: "Calibrating: iteration 3, 12 of at most 40 evaluations, best loss 0.412". */
  private progressText(): string {
    const p = this.progress!;
    const { iteration, evaluations } = p;
    const budget = this.budget;
    const loss = formatNumber(p.bestLoss, 3, getLocale());
    const state = this.running ? (this.cancelling ? msg('Cancelling after the evaluation under way') : msg('Calibrating')) : msg('Calibration stopped');
    return msg(str`${state}: iteration ${iteration}, ${evaluations} of at most ${budget} evaluations, best loss ${loss}`);
  }

  private outcome(): TemplateResult {
    const r = this.result!;
    const met = r.report.reduce((a, x) => a + x.score.met, 0);
    const applicable = r.report.reduce((a, x) => a + x.score.applicable, 0);
    return html`<div class="outcome">
      <p><strong>${r.stopped === 'stopped' ? msg('Cancelled; best point so far') : r.stopped === 'converged' ? msg('Converged') : msg('Budget used')}:</strong> ${msg(str`${met} of ${applicable} targets met.`)}</p>
      <ul>${r.params.map((p) => html`<li>${parameterLabel(p.path)} (<code>${p.path}</code>) = ${valueAt(r.best, p.path)}</li>`)}</ul>
      <button class="secondary" @click=${() => emit(this, 'scenario-replace', structuredClone(r.best) as unknown as Record<string, unknown>)}>${msg('Use these values in the editor')}</button>
      <button id="cal-csv" class="secondary" @click=${this.exportCsv}>${msg('Download CSV')}</button>
      <button id="cal-json" class="secondary" @click=${this.exportJson}>${msg('Download JSON')}</button>
    </div>`;
  }

  /** Every evaluation of the search: the point in each parameter's units and its loss. */
  private exportCsv = () => {
    const r = this.result;
    if (!r) return;
    const m = r.manifest;
    const provenance = provenanceLine('calibration (Nelder-Mead evaluations)', {
      scenario: m.scenarioHash,
      seed: m.seed,
      targets: m.targetSet,
      replicates: m.replicates,
    });
    const value = (i: number, x: number) => r.params[i].min + x * (r.params[i].max - r.params[i].min);
    const lines = [
      provenance,
      ['evaluation', 'loss', ...r.params.map((p) => p.path)].join(','),
      ...r.state.history.map((h, k) => [k + 1, h.loss, ...h.x.map((x, i) => value(i, x))].map(cell).join(',')),
    ];
    downloadText('trustfall-calibration.csv', lines.join('\n') + '\n', 'text/csv');
  };

  /** The calibrated scenario, the fit of every target, the search's history and what made it. */
  private exportJson = () => {
    const r = this.result;
    if (!r) return;
    const json = {
      format: 'trustfall-calibration-result',
      version: 1,
      manifest: r.manifest,
      stopped: r.stopped,
      loss: r.bestLoss,
      scenario: r.best,
      fit: r.report,
      state: r.state,
    };
    downloadText('trustfall-calibration.json', JSON.stringify(json, null, 2), 'application/json');
  };

  private run = async () => {
    this.problem = '';
    this.result = undefined;
    const picked = CHOICES.filter((_, i) => this.chosen[i]);
    if (picked.length === 0) {
      this.problem = msg('Choose at least one parameter to tune.');
      return;
    }
    const start = toolStart(this.draft, this.seed);
    if ('problem' in start) {
      this.problem = start.problem;
      return;
    }
    const { seed, hash } = start;
    const params = resolveParams(picked);
    this.cancelling = false;
    const replicates = this.replicates;
    this.running = true;
    this.stop = false;
    await this.pool.use(async (pool) => {
      try {
        const out = await calibrate({
          base: structuredClone(this.draft),
          params,
          targets: [BUILT_IN_TARGETS[this.set]],
          budget: this.budget,
          seed,
          replicates,
          evaluate: async (s) => {
            const out = await pool.run(
              Array.from({ length: replicates }, (_, replicate) => ({ scenario: s, seed, replicate, ...runNeeds([BUILT_IN_TARGETS[this.set]]) })),
              () => {},
            );
            const summaries = out.results.filter((r) => r !== undefined).map((r) => r.summary);
            if (summaries.length === 0) throw new Error(out.cancelled ? 'cancelled' : 'every replicate stopped its worker');
            return summaries;
          },
          onProgress: (p) => {
            this.progress = p;
          },
          shouldStop: () => this.stop,
        });
        this.result = {
          best: out.best,
          report: out.report,
          stopped: out.stopped,
          params,
          state: out.state,
          bestLoss: out.bestLoss,
          manifest: {
            engineVersion: ENGINE_VERSION,
            scenarioHash: hash,
            calibratedScenarioHash: scenarioHash(out.best),
            seed,
            method: 'nelder-mead',
            targetSet: `${BUILT_IN_TARGETS[this.set].id} ${BUILT_IN_TARGETS[this.set].version}`,
            replicates,
            evaluations: out.state.history.length,
          },
        };
      } catch (e) {
        this.problem = msg(str`Calibration failed: ${(e as Error).message}`);
      } finally {
        this.running = false;
        this.cancelling = false;
      }
    });
  };

  static override styles = toolPanelStyles;
}

function valueAt(s: Scenario, path: string): string {
  return String(getAt(s, parsePath(path)));
}

customElements.define('calibrate-panel', CalibratePanel);

declare global {
  interface HTMLElementTagNameMap {
    'calibrate-panel': CalibratePanel;
  }
}
