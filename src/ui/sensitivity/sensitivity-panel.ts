import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { type CalibrationParam, resolveParams, scenarioAt } from '../../calibrate/calibrate.ts';
import { z } from 'zod';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { DEFAULT_SENSITIVITY_OUTPUTS, parseOutput, readOutput } from '../../report/outputs.ts';
import { metricDef } from '../../engine/index.ts';
import { translated } from '../../vocabulary/translated.ts';
import { morrisDesign } from '../../sensitivity/morris.ts';
import { morrisResults, type SensitivityResults, sensitivityCsv, sobolResults } from '../../sensitivity/results.ts';
import { sobolDesign } from '../../sensitivity/sobol.ts';
import { CHOICES, parameterChoices, SWITCHES, switchChoices, parameterLabel } from '../calibrate/choices.ts';
import { PoolController } from '../controllers/pool-controller.ts';
import { numberField } from '../forms/checked-number.ts';
import { toolStart } from '../forms/tool-seed.ts';
import { toolPanelStyles } from '../styles/tool-panel.ts';
import { downloadText } from '../toolbar/files.ts';

const Trajectories = z.int().min(2).max(50);
/** Sobol rows N (the design runs N × (parameters + 2) points); the command line allows far more. */
const Samples = z.int().min(4).max(256);

/** What a finished analysis ran: enough to repeat it (engine, scenario, seed, design). */
interface SensitivityManifest {
  engineVersion: string;
  scenarioHash: string;
  seed: number;
  method: 'morris' | 'sobol';
  design: { trajectories: number; levels: number } | { samples: number };
  replicates: 1;
  runs: number;
  /** What was varied: each field's range, or a structural factor's levels (null: as in the scenario). */
  parameters: CalibrationParam[];
}

/** The outputs screened, each named in the app's language when shown. */
const LABELS: Record<(typeof DEFAULT_SENSITIVITY_OUTPUTS)[number], () => string> = {
  'change.j0.latino.reportedShare': () => msg('Change in Latino reporting after activation'),
  'change.j0.latino.cooperationRate': () => msg('Change in Latino witness cooperation'),
  'j0.latinoNoncitizen.after.violentVictimisationPer1000': () => msg('Violent victimisation of Latino non-citizens, after'),
  'j0.all.after.clearanceRate': () => msg('Clearance of reported crime, after'),
  'j0.all.after.removals': () => msg('Removals, after'),
};
const OUTPUTS = DEFAULT_SENSITIVITY_OUTPUTS.map((key) => ({ key, label: LABELS[key] }));

/**
 * Which assumptions drive a conclusion: Morris elementary effects (a screening) or Sobol indices (the
 * share of an output's variance each parameter explains, alone and with others) of the chosen
 * parameters on the chosen outputs, run in Workers, shown as a table and a bar chart, and exported as
 * CSV or JSON with what made them.
 */
export class SensitivityPanel extends LitElement {
  static override properties = {
    draft: { attribute: false },
    seed: { attribute: false },
    chosen: { state: true },
    switches: { state: true },
    output: { state: true },
    trajectories: { state: true },
    method: { state: true },
    samples: { state: true },
    running: { state: true },
    done: { state: true },
    total: { state: true },
    results: { state: true },
    problem: { state: true },
  };
  declare draft: Record<string, unknown>;
  /** The seed the app runs with (the Seed field), which a link or the field may set apart from the file's. */
  declare seed: number | undefined;
  declare chosen: boolean[];
  /** Which structural factors (SWITCHES) are varied. */
  declare switches: boolean[];
  declare output: number;
  declare trajectories: number;
  declare method: 'morris' | 'sobol';
  declare samples: number;
  declare running: boolean;
  declare done: number;
  declare total: number;
  declare results: SensitivityResults | undefined;
  private manifest?: SensitivityManifest;
  /** The scenario as it was when the finished analysis started (the editor may have moved on). */
  private analysed: Record<string, unknown> = {};
  declare problem: string;
  private readonly pool = new PoolController(this);

  constructor() {
    super();
    this.draft = {};
    this.chosen = CHOICES.map((c) =>
      ['fear.reportingEffect', 'entanglement.reportingEffect', 'entanglement.coverageHalfDose', 'entanglement.trustEffect'].includes(c.path),
    );
    this.switches = SWITCHES.map(() => false);
    this.output = 0;
    updateWhenLocaleChanges(this);
    this.trajectories = 4;
    this.method = 'morris';
    this.samples = 8;
    this.running = false;
    this.done = 0;
    this.total = 0;
    this.problem = '';
  }

  override render(): TemplateResult {
    const sobol = this.method === 'sobol';
    return html`${parameterChoices(msg('Parameters to vary'), this.chosen, this.running, (c) => (this.chosen = c), false)}
      ${switchChoices(this.switches, this.running, (c) => (this.switches = c))}
      <div class="row">
        <label>${msg('Method')} <select id="sens-method" ?disabled=${this.running} @change=${(e: Event) => {
          this.method = (e.target as HTMLSelectElement).value as 'morris' | 'sobol';
          this.results = undefined;
          this.done = 0;
        }}>
          <option value="morris" ?selected=${!sobol}>${msg('Morris screening (few runs)')}</option>
          <option value="sobol" ?selected=${sobol}>${msg('Sobol indices (variance shares, more runs)')}</option>
        </select></label>
        ${
          sobol
            ? numberField({
                id: 'sens-samples',
                label: msg('Rows (N)'),
                schema: Samples,
                value: this.samples,
                keeper: 'the analysis',
                disabled: this.running,
                set: (v) => (this.samples = v),
              })
            : numberField({
                id: 'sens-trajectories',
                label: msg('Trajectories'),
                schema: Trajectories,
                value: this.trajectories,
                keeper: 'the screening',
                disabled: this.running,
                set: (v) => (this.trajectories = v),
              })
        }
        ${this.running ? html`<button class="primary" @click=${() => this.pool.cancel()}>${msg('Cancel')}</button>` : html`<button class="primary" @click=${this.run}>${sobol ? msg('Compute indices') : msg('Screen')}</button>`}
        ${this.running || this.done ? html`<span role="status">${msg(str`${this.done} of ${this.total} runs`)}</span>` : nothing}
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.results ? this.show(this.results) : nothing}`;
  }

  private show(results: SensitivityResults): TemplateResult {
    const output = html`<div class="row">
      <label>${msg('Output')} <select id="sens-output" @change=${(e: Event) => (this.output = Number((e.target as HTMLSelectElement).value))}>${OUTPUTS.map((o, i) => html`<option value=${i} ?selected=${i === this.output}>${o.label()}</option>`)}</select></label>
      <button id="sens-csv" class="secondary" @click=${this.exportCsv}>${msg('Download CSV')}</button>
      <button id="sens-json" class="secondary" @click=${this.exportJson}>${msg('Download JSON')}</button>
    </div>`;
    return html`${output}${results.method === 'morris' ? this.showMorris(results.outputs[this.output].effects) : this.showSobol(results.outputs[this.output])}`;
  }

  private showMorris(effects: Extract<SensitivityResults, { method: 'morris' }>['outputs'][number]['effects']): TemplateResult {
    const max = Math.max(1e-12, ...effects.map((e) => e.muStar + e.sigma));
    return html`${this.bars(
      effects.map((e) => ({ path: this.nameOf(e.path), bar: e.muStar / max, from: e.muStar / max, to: (e.muStar + e.sigma) / max })),
      msg('Morris mu-star by parameter, with sigma'),
    )}
      <table class="effects">
        <thead><tr><th scope="col">${msg('Parameter')}</th><th scope="col">${msg('μ* (importance)')}</th><th scope="col">${msg('μ (direction)')}</th><th scope="col">${msg('σ (non-linearity, interaction)')}</th></tr></thead>
        <tbody>${effects.map((e) => html`<tr><th scope="row">${this.nameOf(e.path)}</th><td>${e.muStar.toPrecision(3)}</td><td>${e.mu.toPrecision(3)}</td><td>${e.sigma.toPrecision(3)}</td></tr>`)}</tbody>
      </table>
      <p class="note">${msg(str`Effects are per whole search range of each parameter, from ${this.trajectories} trajectories of one replicate each: a screening, not a precise measurement.`)} ${msg(str`μ* and μ are in the output’s unit: ${this.outputUnit()}.`)}</p>`;
  }

  /** The unit of the output shown (μ* and μ are in it): a relative change, or its metric's unit. */
  private outputUnit(): string {
    const ref = parseOutput(OUTPUTS[this.output].key);
    return ref.change ? msg('relative change after activation (0.1 = 10%)') : translated(metricDef(ref.metric).unit);
  }

  private showSobol(r: Extract<SensitivityResults, { method: 'sobol' }>['outputs'][number]): TemplateResult {
    const i2 = (x: { estimate: number; lo: number; hi: number }) => `${x.estimate.toFixed(2)} (${x.lo.toFixed(2)} – ${x.hi.toFixed(2)})`;
    const clamp = (x: number) => Math.min(1, Math.max(0, x));
    return html`${this.bars(
      r.indices.map((s) => ({ path: this.nameOf(s.path), bar: clamp(s.total.estimate), from: clamp(s.total.lo), to: clamp(s.total.hi) })),
      msg('Sobol total index by parameter, with its 95% interval'),
    )}
      <table class="effects sobol">
        <thead><tr><th scope="col">${msg('Parameter')}</th><th scope="col">${msg('First-order (alone)')}</th><th scope="col">${msg('Total (alone and with others)')}</th></tr></thead>
        <tbody>${r.indices.map((s) => html`<tr><th scope="row">${this.nameOf(s.path)}</th><td>${i2(s.first)}</td><td>${i2(s.total)}</td></tr>`)}</tbody>
      </table>
      <p class="note">${msg(
        str`Shares of the output's variance over the parameters' search ranges, with 95% bootstrap intervals, from ${r.rows} of ${this.samples} rows of one replicate each. Few rows give wide intervals; the command line runs thousands.`,
      )}</p>`;
  }

  /** A varied parameter's name in words (parameterLabel), or a structural factor's (the same path may be a number elsewhere). */
  private nameOf(path: string): string {
    const factor = this.manifest?.parameters.find((p) => p.path === path)?.levels;
    return (factor && SWITCHES.find((s) => s.spec.path === path)?.label()) || parameterLabel(path);
  }

  /** Horizontal bars on a 0–1 scale, each with a whisker from `from` to `to`. */
  private bars(rows: { path: string; bar: number; from: number; to: number }[], label: string): TemplateResult {
    const w = 420;
    const rowH = 22;
    // Room for the longest name (about 6.5 px a character at 12 px).
    const x0 = Math.max(250, Math.ceil(Math.max(...rows.map((r) => r.path.length)) * 6.5) + 12);
    return html`<svg class="bars" width=${w + x0 + 10} height=${rows.length * rowH + 10} role="img" aria-label=${label}>
      ${rows.map((r, i) => {
        const y = i * rowH + 4;
        return svg`<text x="0" y=${y + 14} font-size="12">${r.path}</text>
          <rect x=${x0} y=${y + 3} width=${Math.max(1, r.bar * w)} height="14" fill="#0072b2" />
          <line x1=${x0 + r.from * w} x2=${x0 + r.to * w} y1=${y + 10} y2=${y + 10} stroke="#333" stroke-width="1.5" />`;
      })}
    </svg>`;
  }

  private run = async () => {
    this.problem = '';
    this.results = undefined;
    const picked = [...CHOICES.filter((_, i) => this.chosen[i]), ...SWITCHES.filter((_, i) => this.switches[i]).map((s) => s.spec)];
    if (picked.length < 2) {
      this.problem = msg('Choose at least two parameters or switches to vary.');
      return;
    }
    const start = toolStart(this.draft, this.seed);
    if ('problem' in start) {
      this.problem = start.problem;
      return;
    }
    const { seed, hash } = start;
    const params = resolveParams(picked, true);
    const method = this.method;
    const analysed = structuredClone(this.draft);
    const morris = method === 'morris' ? morrisDesign(params.length, this.trajectories, 4, seed) : undefined;
    const sobol = method === 'sobol' ? sobolDesign(params.length, this.samples, seed) : undefined;
    const points = (morris ?? sobol)!.points;
    const tasks = points.map((x) => ({ scenario: scenarioAt(structuredClone(analysed), params, x), seed, replicate: 0 }));
    this.running = true;
    this.done = 0;
    this.total = tasks.length;
    try {
      const out = await this.pool.use((pool) => pool.run(tasks, (_i, _r, done) => (this.done = done)));
      if (out.cancelled) {
        this.problem = msg('Cancelled: the analysis needs every run of its design, so nothing is shown.');
        return;
      }
      if (out.failed.length) {
        this.problem = msg(str`${out.failed.length} run(s) of the design kept stopping their worker, and the analysis needs every run; nothing is shown.`);
        return;
      }
      const keys = OUTPUTS.map((o) => o.key);
      const valuesOf = (key: string) => out.results.map((r) => readOutput(key, [r!.summary]));
      this.results = morris ? morrisResults(morris, params, keys, valuesOf) : sobolResults(sobol!, params, keys, valuesOf, seed);
      this.manifest = {
        engineVersion: ENGINE_VERSION,
        scenarioHash: hash,
        seed,
        method,
        design: morris ? { trajectories: this.trajectories, levels: 4 } : { samples: this.samples },
        replicates: 1,
        runs: tasks.length,
        parameters: params,
      };
      this.analysed = analysed;
    } catch (e) {
      this.problem = msg(str`The analysis stopped: ${(e as Error).message}`);
    } finally {
      this.running = false;
    }
  };

  private exportCsv = () => {
    if (!this.results || !this.manifest) return;
    const m = this.manifest;
    const design = 'samples' in m.design ? `rows ${m.design.samples}` : `trajectories ${m.design.trajectories}, levels ${m.design.levels}`;
    const provenance = provenanceLine(`${m.method === 'sobol' ? 'Sobol indices' : 'Morris screening'}`, {
      scenario: m.scenarioHash,
      seed: m.seed,
      design,
      runs: m.runs,
    });
    downloadText(`trustfall-sensitivity-${m.method}.csv`, sensitivityCsv(this.results, provenance), 'text/csv');
  };

  private exportJson = () => {
    if (!this.results || !this.manifest) return;
    const json = { format: 'trustfall-sensitivity', version: 1, manifest: this.manifest, scenario: this.analysed, results: this.results };
    downloadText(`trustfall-sensitivity-${this.manifest.method}.json`, JSON.stringify(json, null, 2), 'application/json');
  };

  static override styles = [
    toolPanelStyles,
    css`
      .effects {
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      .effects th,
      .effects td {
        border-bottom: 1px solid #ddd6c8;
        padding: 0.15rem 0.6rem;
        text-align: right;
      }
      .effects th[scope='row'] {
        text-align: left;
        font-weight: 500;
      }
      .note {
        color: #555;
      }
    `,
  ];
}

customElements.define('sensitivity-panel', SensitivityPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sensitivity-panel': SensitivityPanel;
  }
}
