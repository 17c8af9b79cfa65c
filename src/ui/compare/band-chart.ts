import { msg } from '@lit/localize';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import type uPlot from 'uplot';
import type { Band } from '../../compare/bands.ts';
import { paddedRange } from '../charts/chart-specs.ts';
import { type LineSpec, plotOptions, renderOffPage } from '../charts/plot-options.ts';

export const SCENARIO_COLOURS = ['#222222', '#d55e00', '#0072b2', '#009e73'];
const DASHES: number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/**
 * One metric over time for 2 to 4 scenarios: each scenario's median across replicates as a line and
 * its 90% band as a shaded area (uPlot bands), with the activation day marked. Light DOM for uPlot's CSS.
 */
export class BandChart extends LitElement {
  static override properties = {
    bands: { attribute: false },
    labels: { attribute: false },
    activationDay: { attribute: false },
    days: { type: Number },
    percent: { type: Boolean },
    minSpan: { type: Number },
  };
  declare bands: Band[];
  declare labels: string[];
  /** The day the policy starts (marked), or null for a run with no policy. */
  declare activationDay: number | null;
  declare days: number;
  declare percent: boolean;
  /** The least y span drawn, in the bands' units, so small weekly noise is not magnified (10 points for a level out of 100). */
  declare minSpan: number;
  private plot?: uPlot;

  constructor() {
    super();
    this.bands = [];
    this.labels = [];
    this.activationDay = 0;
    this.days = 0;
    this.percent = false;
    this.minSpan = 0.1;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override render(): TemplateResult {
    return html`<div class="band-plot"></div>`;
  }

  private UPlot?: typeof uPlot;

  /** The chart's data and its options at `scale` (1 on screen, 2 for a figure). */
  private spec(width: number, scale: number): { opts: uPlot.Options; data: uPlot.AlignedData } {
    const data: (number | null)[][] = [this.bands[0].x];
    const series: LineSpec[] = [];
    const bands: uPlot.Band[] = [];
    this.bands.forEach((b, k) => {
      const colour = SCENARIO_COLOURS[k];
      data.push(b.hi, b.mid, b.lo);
      const base = 1 + k * 3;
      series.push({ label: `${this.labels[k]} 95th`, stroke: 'transparent', width: 1, dash: [] });
      series.push({ label: `${this.labels[k]} median`, stroke: colour, width: 2, dash: DASHES[k] });
      series.push({ label: `${this.labels[k]} 5th`, stroke: 'transparent', width: 1, dash: [] });
      bands.push({ series: [base, base + 2], fill: `${colour}2e` });
    });
    const opts = plotOptions(
      {
        width,
        height: 260,
        days: this.days,
        activationDay: this.activationDay,
        percent: this.percent,
        yRange: this.percent ? [0, 1] : (lo, hi) => paddedRange(lo, hi, this.minSpan),
        series,
        bands,
        xLabel: msg('day'),
      },
      scale,
    );
    return { opts, data: data as uPlot.AlignedData };
  }

  /** Each scenario's line and band, for a figure's legend. */
  legend(): (LineSpec & { band: boolean })[] {
    return this.bands.map((_, k) => ({ label: this.labels[k], stroke: SCENARIO_COLOURS[k], width: 2, dash: DASHES[k], band: true }));
  }

  /** The chart drawn again at twice the screen's size, off the page, for a figure. */
  async figureCanvas(): Promise<HTMLCanvasElement | undefined> {
    if (!this.UPlot || this.bands.length === 0 || !this.plot) return undefined;
    const { opts, data } = this.spec(this.plot.width, 2);
    return renderOffPage(this.UPlot, opts, data);
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    if (!changed.has('bands') || this.bands.length === 0) return;
    this.UPlot ??= (await import('uplot')).default;
    await import('uplot/dist/uPlot.min.css');
    this.plot?.destroy();
    const target = this.querySelector('.band-plot') as HTMLElement;
    const { opts, data } = this.spec(Math.max(300, target.clientWidth || 600), 1);
    this.plot = new this.UPlot(opts, data, target);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plot?.destroy();
  }
}

customElements.define('band-chart', BandChart);

declare global {
  interface HTMLElementTagNameMap {
    'band-chart': BandChart;
  }
}
