import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, svg, type TemplateResult } from 'lit';
import { resolveParams, scenarioAt } from '../../calibrate/calibrate.ts';
import { resolveScenario, ScenarioError } from '../../scenario/index.ts';
import { morrisDesign, morrisEffects, readOutput, type MorrisEffect } from '../../sensitivity/morris.ts';
import { CHOICES } from '../calibrate/calibrate-panel.ts';
import { BrowserPool } from '../compare/browser-pool.ts';
import { toolPanelStyles } from '../styles/tool-panel.ts';

/** The outputs screened, each named in the app's language when shown. */
const OUTPUTS = [
  { key: 'change.j0.latino.reportedShare', label: () => msg('Change in Latino reporting after activation') },
  { key: 'change.j0.latino.cooperationRate', label: () => msg('Change in Latino witness cooperation') },
  { key: 'j0.latinoNoncitizen.after.violentVictimisationPer1000', label: () => msg('Violent victimisation of Latino non-citizens, after') },
  { key: 'j0.all.after.clearanceRate', label: () => msg('Clearance of reported crime, after') },
  { key: 'j0.all.after.removals', label: () => msg('Removals, after') },
];

/**
 * Which assumptions drive a conclusion: Morris elementary effects of the chosen parameters on the
 * chosen outputs, run in Workers, shown as a table and a bar chart of μ* with σ.
 */
export class SensitivityPanel extends LitElement {
  static override properties = {
    draft: { attribute: false },
    chosen: { state: true },
    output: { state: true },
    trajectories: { state: true },
    running: { state: true },
    done: { state: true },
    total: { state: true },
    results: { state: true },
    problem: { state: true },
  };
  declare draft: Record<string, unknown>;
  declare chosen: boolean[];
  declare output: number;
  declare trajectories: number;
  declare running: boolean;
  declare done: number;
  declare total: number;
  declare results: { output: string; effects: (MorrisEffect & { path: string })[] }[] | undefined;
  declare problem: string;
  private pool?: BrowserPool;

  constructor() {
    super();
    this.draft = {};
    this.chosen = CHOICES.map((c) =>
      ['fear.reportingEffect', 'entanglement.reportingEffect', 'entanglement.inForceJail', 'entanglement.trustEffect'].includes(c.path),
    );
    this.output = 0;
    updateWhenLocaleChanges(this);
    this.trajectories = 4;
    this.running = false;
    this.done = 0;
    this.total = 0;
    this.problem = '';
  }

  /** Leaving the page stops the screening's Workers. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pool?.cancel();
  }

  override render(): TemplateResult {
    return html`<fieldset ?disabled=${this.running}>
        <legend>${msg('Parameters to screen')}</legend>
        ${CHOICES.map((c, i) => html`<label class="choice"><input type="checkbox" .checked=${this.chosen[i]} @change=${(e: Event) => (this.chosen = this.chosen.map((v, k) => (k === i ? (e.target as HTMLInputElement).checked : v)))} /> ${c.path}</label>`)}
      </fieldset>
      <div class="row">
        <label>${msg('Trajectories')} <input id="sens-trajectories" type="number" min="2" max="50" .value=${String(this.trajectories)} ?disabled=${this.running} @change=${(e: Event) => (this.trajectories = Math.min(50, Math.max(2, Math.round(Number((e.target as HTMLInputElement).value)) || 4)))} /></label>
        ${this.running ? html`<button class="primary" @click=${() => this.pool?.cancel()}>${msg('Cancel')}</button>` : html`<button class="primary" @click=${this.run}>${msg('Screen')}</button>`}
        ${this.running || this.done ? html`<span role="status">${msg(str`${this.done} of ${this.total} runs`)}</span>` : nothing}
      </div>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.results ? this.show() : nothing}`;
  }

  private show(): TemplateResult {
    const r = this.results![this.output];
    const max = Math.max(1e-12, ...r.effects.map((e) => e.muStar + e.sigma));
    const w = 420;
    const rowH = 22;
    return html`<div class="row">
        <label>${msg('Output')} <select id="sens-output" @change=${(e: Event) => (this.output = Number((e.target as HTMLSelectElement).value))}>${OUTPUTS.map((o, i) => html`<option value=${i} ?selected=${i === this.output}>${o.label()}</option>`)}</select></label>
      </div>
      <svg class="bars" width=${w + 260} height=${r.effects.length * rowH + 10} role="img" aria-label=${msg('Morris mu-star by parameter, with sigma')}>
        ${r.effects.map((e, i) => {
          const y = i * rowH + 4;
          const bar = (e.muStar / max) * w;
          const whisker = ((e.muStar + e.sigma) / max) * w;
          return svg`<text x="0" y=${y + 14} font-size="12">${e.path}</text>
            <rect x="250" y=${y + 3} width=${Math.max(1, bar)} height="14" fill="#0072b2" />
            <line x1=${250 + bar} x2=${250 + whisker} y1=${y + 10} y2=${y + 10} stroke="#333" stroke-width="1.5" />`;
        })}
      </svg>
      <table class="effects">
        <thead><tr><th scope="col">${msg('Parameter')}</th><th scope="col">${msg('μ* (importance)')}</th><th scope="col">${msg('μ (direction)')}</th><th scope="col">${msg('σ (non-linearity, interaction)')}</th></tr></thead>
        <tbody>${r.effects.map((e) => html`<tr><th scope="row">${e.path}</th><td>${e.muStar.toPrecision(3)}</td><td>${e.mu.toPrecision(3)}</td><td>${e.sigma.toPrecision(3)}</td></tr>`)}</tbody>
      </table>
      <p class="note">${msg(str`Effects are per whole search range of each parameter, from ${this.trajectories} trajectories of one replicate each: a screening, not a precise measurement.`)}</p>`;
  }

  private run = async () => {
    this.problem = '';
    this.results = undefined;
    const picked = CHOICES.filter((_, i) => this.chosen[i]);
    if (picked.length < 2) {
      this.problem = msg('Choose at least two parameters to screen.');
      return;
    }
    let seed: number;
    try {
      seed = resolveScenario(this.draft, 'the edited scenario').run.seed;
    } catch (e) {
      this.problem = e instanceof ScenarioError ? e.problems.join('; ') : (e as Error).message;
      return;
    }
    const params = resolveParams(picked);
    const design = morrisDesign(params.length, this.trajectories, 4, seed);
    const tasks = design.points.map((x) => ({ scenario: scenarioAt(structuredClone(this.draft), params, x), seed, replicate: 0 }));
    this.pool = new BrowserPool();
    this.running = true;
    this.done = 0;
    this.total = tasks.length;
    try {
      const out = await this.pool.run(tasks, (_i, _r, done) => (this.done = done));
      if (out.cancelled) {
        this.problem = msg('Cancelled: a Morris screening needs every run of its design, so nothing is shown.');
        return;
      }
      if (out.failed.length) {
        this.problem = msg(
          str`${out.failed.length} run(s) of the design kept stopping their worker, and a Morris screening needs every run; nothing is shown.`,
        );
        return;
      }
      this.results = OUTPUTS.map((o) => ({
        output: o.key,
        effects: morrisEffects(
          design,
          out.results.map((r) => readOutput(o.key, [r!.summary])),
          params.length,
        )
          .map((e) => ({ ...e, path: params[e.param].path }))
          .sort((a, b) => b.muStar - a.muStar),
      }));
    } finally {
      this.pool.close();
      this.running = false;
    }
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
