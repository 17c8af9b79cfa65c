import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { z } from 'zod';
import { type AbcGeneration, abcSmc } from '../../calibrate/abc.ts';
import { modelDistance } from '../../calibrate/abc-model.ts';
import { type AbcReport, abcReport } from '../../calibrate/abc-report.ts';
import { type CalibrationParam, resolveParams } from '../../calibrate/calibrate.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { BUILT_IN_TARGETS, DEFAULT_TARGETS } from '../../evidence/registry.ts';
import { cell } from '../../report/csv-fields.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { PoolController } from '../controllers/pool-controller.ts';
import { numberField } from '../forms/checked-number.ts';
import { toolStart } from '../forms/tool-seed.ts';
import { toolPanelStyles } from '../styles/tool-panel.ts';
import { downloadText } from '../toolbar/files.ts';
import { translated } from '../../vocabulary/translated.ts';
import { CHOICES, parameterChoices, parameterLabel, targetSetSelect } from './choices.ts';
import { pairPlot } from './posterior-plots.ts';

/** What the fields allow in a browser (the command line allows far larger runs). */
const Particles = z.int().min(8).max(200);
const Generations = z.int().min(1).max(10);
const Replicates = z.int().min(1).max(10);

/** What a finished posterior ran: enough to repeat it. */
interface PosteriorManifest {
  engineVersion: string;
  scenarioHash: string;
  seed: number;
  method: 'abc-smc';
  targetSet: string;
  particles: number;
  generations: number;
  replicatesPerProposal: number;
  runs: number;
}

/** Thrown into the sampler when Cancel empties the pool mid-batch. */
class Cancelled extends Error {}

/**
 * The posterior of the chosen parameters given a target set (approximate Bayesian computation, the
 * same sampler as `sim calibrate --method abc`), in Workers, with progress and Cancel (the
 * generations already complete are kept and shown): each parameter's median and 90% interval, the
 * histograms and pair plot of the particles, the posterior predictive of each target, CSV and JSON.
 */
export class PosteriorPanel extends LitElement {
  static override properties = {
    draft: { attribute: false },
    seed: { attribute: false },
    chosen: { state: true },
    set: { state: true },
    particles: { state: true },
    generations: { state: true },
    replicates: { state: true },
    running: { state: true },
    status: { state: true },
    found: { state: true },
    problem: { state: true },
  };
  declare draft: Record<string, unknown>;
  declare seed: number | undefined;
  declare chosen: boolean[];
  declare set: string;
  declare particles: number;
  declare generations: number;
  declare replicates: number;
  declare running: boolean;
  declare status: string;
  declare found: { report: AbcReport; last: AbcGeneration; params: CalibrationParam[]; manifest: PosteriorManifest; cancelled: boolean } | undefined;
  declare problem: string;
  private stop = false;
  private readonly pool = new PoolController(this);

  constructor() {
    super();
    this.draft = {};
    this.chosen = CHOICES.map((c) => c.on);
    this.set = DEFAULT_TARGETS;
    this.particles = 24;
    this.generations = 3;
    this.replicates = 1;
    this.running = false;
    this.status = '';
    this.problem = '';
    updateWhenLocaleChanges(this);
  }

  /** Leaving the page stops the sampler and its Workers. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop = true;
  }

  override render(): TemplateResult {
    return html`${parameterChoices(msg('Parameters to estimate (uniform prior over the ranges shown)'), this.chosen, this.running, (c) => (this.chosen = c))}
      <div class="row">
        ${targetSetSelect('abc-set', this.set, this.running, (v) => (this.set = v))}
        ${numberField({ id: 'abc-particles', label: msg('Particles'), schema: Particles, value: this.particles, keeper: 'the posterior', disabled: this.running, set: (v) => (this.particles = v) })}
        ${numberField({ id: 'abc-generations', label: msg('Generations'), schema: Generations, value: this.generations, keeper: 'the posterior', disabled: this.running, set: (v) => (this.generations = v) })}
        ${numberField({ id: 'abc-replicates', label: msg('Replicates per proposal'), schema: Replicates, value: this.replicates, keeper: 'the posterior', disabled: this.running, set: (v) => (this.replicates = v) })}
        ${
          this.running
            ? html`<button ?disabled=${this.stop} @click=${this.cancel}>${this.stop ? msg('Cancelling…') : msg('Cancel')}</button>`
            : html`<button @click=${this.run}>${msg('Sample the posterior')}</button>`
        }
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.status ? html`<p role="status" class="progress">${this.status}</p>` : nothing}
      ${this.found ? this.show() : nothing}`;
  }

  private cancel = () => {
    this.stop = true;
    this.requestUpdate();
    this.pool.cancel();
  };

  private show(): TemplateResult {
    const { report, last, params, cancelled } = this.found!;
    const n = (x: number) => String(Number(x.toPrecision(3)));
    const targets = report.predictive.filter((p) => p.target);
    // Each target by what it measures, in the page's language, and a share as a percentage.
    const defs = BUILT_IN_TARGETS[this.set]?.targets ?? [];
    const targetOf = (stat: string) => defs.find((t) => t.id === stat.split('/')[1]);
    const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
    return html`<div class="posterior">
      ${cancelled ? html`<p>${msg('Cancelled: the posterior below is the last complete generation.')}</p>` : nothing}
      <table class="marginals">
        <thead><tr><th scope="col">${msg('Parameter')}</th><th scope="col">${msg('Range')}</th><th scope="col">${msg('Median')}</th><th scope="col">${msg('90% interval')}</th></tr></thead>
        <tbody>${report.parameters.map((p, i) => html`<tr><th scope="row" title=${p.path}>${i + 1}. ${parameterLabel(p.path)}</th><td>${p.min} – ${p.max}</td><td>${n(p.posterior.median)}</td><td>${n(p.posterior.lo)} – ${n(p.posterior.hi)}</td></tr>`)}</tbody>
      </table>
      ${pairPlot(last.particles, params, msg('Posterior histograms of each parameter, and particles of each pair'))}
      <table class="predictive">
        <caption>${msg('Posterior predictive of each target')}</caption>
        <thead><tr><th scope="col">${msg('Target')}</th><th scope="col">${msg('Median')}</th><th scope="col">${msg('90% interval')}</th><th scope="col">${msg('Band')}</th><th scope="col">${msg('Inside the band')}</th></tr></thead>
        <tbody>${targets.map((p) => {
          const t = targetOf(p.stat);
          const u = t?.unit === 'share' ? percent : n;
          return html`<tr><th scope="row" title=${p.stat}>${t ? translated(t.measure) : p.stat}</th><td>${u(p.median)}</td><td>${u(p.lo)} – ${u(p.hi)}</td><td>${u(p.target!.band[0])} – ${u(p.target!.band[1])}</td><td>${Math.round(100 * p.target!.insideBand)}%</td></tr>`;
        })}</tbody>
      </table>
      <div class="row">
        <button id="abc-csv" class="secondary" @click=${this.exportCsv}>${msg('Download CSV')}</button>
        <button id="abc-json" class="secondary" @click=${this.exportJson}>${msg('Download JSON')}</button>
      </div>
    </div>`;
  }

  private run = async () => {
    this.problem = '';
    this.found = undefined;
    const picked = CHOICES.filter((_, i) => this.chosen[i]);
    if (picked.length === 0) {
      this.problem = msg('Choose at least one parameter to estimate.');
      return;
    }
    const start = toolStart(this.draft, this.seed);
    if ('problem' in start) {
      this.problem = start.problem;
      return;
    }
    const { seed, hash } = start;
    const params = resolveParams(picked);
    const targets = [BUILT_IN_TARGETS[this.set]];
    const { particles, generations, replicates } = this;
    this.stop = false;
    this.running = true;
    let runs = 0;
    let done: AbcGeneration[] = [];
    const ok = await this.pool.use(async (pool) => {
      const evaluate = modelDistance({
        base: structuredClone(this.draft),
        params,
        targets,
        seed,
        replicates,
        run: async (tasks) => {
          const out = await pool.run(tasks, () => {});
          if (out.cancelled) throw new Cancelled();
          if (out.failed.length) throw new Error(msg(str`${out.failed.length} run(s) kept stopping their worker; the posterior needs every run.`));
          runs += tasks.length;
          return out.results.map((r) => r!.summary);
        },
      });
      try {
        const result = await abcSmc({
          k: params.length,
          population: particles,
          generations,
          quantile: 0.5,
          seed,
          evaluate,
          onProposals: (g, accepted, proposals) => {
            this.status = msg(
              str`Generation ${g} of ${generations}: ${accepted} of ${particles} particles accepted from ${proposals} proposals (${runs} runs).`,
            );
          },
          onGeneration: (p) => {
            done = [...p.generations];
          },
          shouldStop: () => this.stop,
        });
        done = result.generations;
        this.status =
          result.stopped === 'stopped'
            ? msg(str`Cancelled after ${runs} runs.`)
            : result.stopped === 'collapsed'
              ? msg(str`Stopped: too few proposals came near the targets (${runs} runs); the posterior below is the last complete generation.`)
              : msg(str`Done: ${done.length - 1} generations after the prior's, ${runs} runs.`);
      } catch (e) {
        if (!(e instanceof Cancelled)) {
          this.problem = (e as Error).message;
          return false;
        }
        this.status = msg(str`Cancelled after ${runs} runs.`);
      } finally {
        this.running = false;
      }
      return true;
    });
    if (!ok || done.length === 0) return;
    const last = done.at(-1)!;
    this.found = {
      report: abcReport(done, params, targets),
      last,
      params,
      cancelled: this.stop,
      manifest: {
        engineVersion: ENGINE_VERSION,
        scenarioHash: hash,
        seed,
        method: 'abc-smc',
        targetSet: `${targets[0].id} ${targets[0].version}`,
        particles,
        generations: done.length - 1,
        replicatesPerProposal: replicates,
        runs,
      },
    };
  };

  private exportCsv = () => {
    if (!this.found) return;
    const { last, params, manifest: m } = this.found;
    const provenance = provenanceLine('ABC posterior particles', {
      scenario: m.scenarioHash,
      seed: m.seed,
      targets: m.targetSet,
      generations: m.generations,
      runs: m.runs,
    });
    const value = (i: number, x: number) => params[i].min + x * (params[i].max - params[i].min);
    const lines = [
      provenance,
      ['weight', 'distance', ...params.map((p) => p.path)].join(','),
      ...last.particles.map((p) => [p.weight, p.distance, ...p.x.map((x, i) => value(i, x))].map(cell).join(',')),
    ];
    downloadText('trustfall-posterior.csv', lines.join('\n') + '\n', 'text/csv');
  };

  private exportJson = () => {
    if (!this.found) return;
    const { report, last, manifest } = this.found;
    downloadText(
      'trustfall-posterior.json',
      JSON.stringify({ format: 'trustfall-posterior', version: 1, manifest, ...report, particles: last.particles }, null, 2),
      'application/json',
    );
  };

  static override styles = [
    toolPanelStyles,
    css`
      .marginals,
      .predictive {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
        margin: 0.5rem 0;
      }
      .marginals th,
      .marginals td,
      .predictive th,
      .predictive td {
        border-bottom: 1px solid #ddd6c8;
        padding: 0.15rem 0.6rem;
        text-align: right;
      }
      th[scope='row'] {
        text-align: left;
        font-weight: 500;
      }
      caption {
        text-align: left;
        font-weight: 600;
      }
    `,
  ];
}

customElements.define('posterior-panel', PosteriorPanel);

declare global {
  interface HTMLElementTagNameMap {
    'posterior-panel': PosteriorPanel;
  }
}
