import { msg } from '@lit/localize';
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import type uPlot from 'uplot';
import type { Band } from '../../compare/bands.ts';
import { paddedRange } from '../charts/chart-specs.ts';

export const SCENARIO_COLOURS = ['#222222', '#d55e00', '#0072b2', '#009e73'];
const DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3]];

/**
 * One metric over time for 2 to 4 scenarios: each scenario's median across replicates as a line and
 * its 90% band as a shaded area (uPlot bands), with the activation day marked. Light DOM for uPlot's CSS.
 */
export class BandChart extends LitElement {
  static override properties = {
    bands: { attribute: false },
    labels: { attribute: false },
    activationDay: { type: Number },
    days: { type: Number },
    percent: { type: Boolean },
  };
  declare bands: Band[];
  declare labels: string[];
  declare activationDay: number;
  declare days: number;
  declare percent: boolean;
  private plot?: uPlot;

  constructor() {
    super();
    this.bands = [];
    this.labels = [];
    this.activationDay = 0;
    this.days = 0;
    this.percent = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The canvas, for PNG export. */
  get canvas(): HTMLCanvasElement | undefined {
    return this.plot?.ctx.canvas;
  }

  override render(): TemplateResult {
    return html`<div class="band-plot"></div>`;
  }

  protected override async updated(changed: PropertyValues): Promise<void> {
    if (!changed.has('bands') || this.bands.length === 0) return;
    const UPlot = (await import('uplot')).default;
    await import('uplot/dist/uPlot.min.css');
    this.plot?.destroy();
    const target = this.querySelector('.band-plot') as HTMLElement;
    const x = this.bands[0].x;
    const data: (number | null)[][] = [x];
    const series: uPlot.Series[] = [{ label: 'day' }];
    const bands: uPlot.Band[] = [];
    this.bands.forEach((b, k) => {
      const colour = SCENARIO_COLOURS[k];
      data.push(b.hi, b.mid, b.lo);
      const base = 1 + k * 3;
      series.push({ label: `${this.labels[k]} 95th`, stroke: 'transparent', points: { show: false } });
      series.push({ label: `${this.labels[k]} median`, stroke: colour, width: 2, dash: DASHES[k], points: { show: false }, spanGaps: true });
      series.push({ label: `${this.labels[k]} 5th`, stroke: 'transparent', points: { show: false } });
      bands.push({ series: [base, base + 2], fill: `${colour}2e` });
    });
    const activation = this.activationDay;
    this.plot = new UPlot(
      {
        width: Math.max(300, target.clientWidth || 600),
        height: 260,
        legend: { show: false },
        bands,
        scales: {
          x: { time: false, range: () => [0, Math.max(7, this.days)] },
          y: this.percent ? { range: [0, 1] } : { range: (_u, lo, hi) => paddedRange(lo, hi, 0.1) },
        },
        axes: [
          { label: msg('day'), size: 36 },
          { size: 52, values: this.percent ? (_u, v) => v.map((y) => `${Math.round(y * 100)}%`) : undefined },
        ],
        series,
        hooks: {
          draw: [
            (u) => {
              const px = u.valToPos(activation, 'x', true);
              u.ctx.save();
              u.ctx.strokeStyle = '#c62828';
              u.ctx.setLineDash([6, 4]);
              u.ctx.lineWidth = 2;
              u.ctx.beginPath();
              u.ctx.moveTo(px, u.bbox.top);
              u.ctx.lineTo(px, u.bbox.top + u.bbox.height);
              u.ctx.stroke();
              u.ctx.restore();
            },
          ],
        },
      },
      data as uPlot.AlignedData,
      target,
    );
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
