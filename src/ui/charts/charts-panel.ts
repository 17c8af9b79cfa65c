import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { formatNumber, groupTitle, metricLabel, placeName } from '../../i18n/labels.ts';
import { getLocale } from '../i18n/locale.ts';
import type uPlot from 'uplot';
import type { WeeklySeries } from '../../engine/index.ts';
import { CHARTS, LINES, paddedRange, smooth } from './chart-specs.ts';
import { composeFigure } from './figure.ts';
import { plotOptions, renderOffPage } from './plot-options.ts';

type UPlotCtor = typeof uPlot;

/**
 * Live charts (uPlot, loaded on demand): trust, reporting, cooperation, victimisation, clearance and
 * stops by group over time, with the day the agreement starts marked. Light DOM, so uPlot's own
 * stylesheet applies.
 */
export class ChartsPanel extends LitElement {
  static override properties = {
    weekly: { attribute: false },
    weeks: { type: Number },
    activationDay: { type: Number },
    days: { type: Number },
    jurisdiction: { state: true },
    smoothing: { state: true },
  };
  declare weekly: WeeklySeries | undefined;
  declare weeks: number;
  declare activationDay: number;
  declare days: number;
  declare jurisdiction: number;
  declare smoothing: number;

  private UPlot?: UPlotCtor;
  private plots: uPlot[] = [];

  constructor() {
    super();
    this.weeks = 0;
    this.activationDay = 0;
    this.days = 0;
    this.jurisdiction = 0;
    this.smoothing = 4;
    updateWhenLocaleChanges(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    const mod = await import('uplot');
    await import('uplot/dist/uPlot.min.css');
    this.UPlot = mod.default;
    this.rebuild();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plots.forEach((p) => p.destroy());
    this.plots = [];
  }

  /**
   * All the charts as one figure to publish: each drawn again at twice the screen's resolution under its
   * title, with the lines' legend and `caption` (what made the run) below; a PNG data URL.
   */
  async figure(title: string, caption: string): Promise<string> {
    // A readable width whatever the column on screen (a projector's narrow one included).
    const width = Math.max(360, this.plots[0]?.width ?? 360);
    const charts = [];
    for (const c of CHARTS) {
      const { opts, data } = this.spec(c, width, 2);
      charts.push({ canvas: await renderOffPage(this.UPlot!, opts, data), heading: metricLabel(c.key) });
    }
    const smoothing = this.smoothing === 1 ? msg('weekly values') : msg(str`${this.smoothing}-week averages`);
    const place = (this.weekly?.jurisdictions.length ?? 0) > 1 ? ` (${placeName(this.weekly!.jurisdictions[this.jurisdiction].name)})` : '';
    return composeFigure(
      charts,
      {
        title: `${title}${place}`,
        units: msg(str`Shares in %, rates per 1,000 a year, trust out of 100; ${smoothing}`),
        legend: [
          ...LINES.map((l) => ({ label: groupTitle(l.group), stroke: l.colour, width: l.width, dash: l.dash })),
          { label: msg('policy starts'), stroke: '#c62828', width: 2, dash: [6, 4] },
        ],
        caption,
      },
      2,
      2,
    ).toDataURL('image/png');
  }

  override render(): TemplateResult {
    const names = this.weekly?.jurisdictions.map((j) => placeName(j.name)) ?? [];
    return html`<div class="charts-head">
        ${
          names.length > 1
            ? html`<label>${msg('Jurisdiction')}
              <select @change=${(e: Event) => (this.jurisdiction = Number((e.target as HTMLSelectElement).value))}>
                ${names.map((n, i) => html`<option value=${i} ?selected=${i === this.jurisdiction}>${n}</option>`)}
              </select></label
            >`
            : nothing
        }
        <label>${msg('Smoothing')}
          <select @change=${(e: Event) => (this.smoothing = Number((e.target as HTMLSelectElement).value))}>
            ${[1, 4, 13].map((k) => html`<option value=${k} ?selected=${k === this.smoothing}>${k === 1 ? msg('none (weekly)') : msg(str`${k}-week average`)}</option>`)}
          </select></label
        >
        <span class="charts-key">${LINES.map((l) => html`<span class="key"><svg width="26" height="8" aria-hidden="true"><line x1="0" y1="4" x2="26" y2="4" stroke=${l.colour} stroke-width=${l.width} stroke-dasharray=${l.dash.join(' ')} /></svg>${groupTitle(l.group)}</span>`)}
          <span class="key"><svg width="10" height="12" aria-hidden="true"><line x1="5" y1="0" x2="5" y2="12" stroke="#c62828" stroke-width="2" stroke-dasharray="3 2" /></svg>${msg('policy starts')}</span></span
        >
      </div>
      <div class="charts-grid">${CHARTS.map(
        (c) =>
          html`<figure class="chart" data-metric=${c.key}>
            <figcaption>${metricLabel(c.key)}</figcaption>
            <div class="plot" aria-hidden="true"></div>
            <p class="visually-hidden chart-text">${this.describe(c.key, c.percent, c.scale)}</p>
          </figure>`,
      )}</div>`;
  }

  /** The chart in words, for screen readers: the latest week's value of each line, and where it started. */
  private describe(key: string, percent: boolean, scale: number): string {
    const w = this.weekly;
    const j = w?.jurisdictions[this.jurisdiction];
    if (!w || !j || w.weeks === 0) return msg('No weeks run yet.');
    const locale = getLocale();
    const show = (v: number | null | undefined) =>
      v === null || v === undefined ? msg('no value') : percent ? `${formatNumber(v * 100, 0, locale)}%` : formatNumber(v * scale, scale === 1 ? 2 : 0, locale);
    const lines = LINES.map((l) => {
      const ys = (j.groups[l.group]?.[key] ?? []) as (number | null)[];
      const name = groupTitle(l.group);
      const last = show(ys.at(-1));
      const first = show(ys[0]);
      return msg(str`${name} ${last} (first week ${first})`);
    });
    const day = (w.startDay.at(-1) ?? 0) + 6;
    const all = lines.join('; ');
    return msg(str`Week ending day ${day}: ${all}.`);
  }

  protected override updated(changed: PropertyValues): void {
    // A change of language redraws the charts too (their axis labels are drawn into the canvas).
    const relabel = this.builtIn !== getLocale();
    if (relabel || changed.has('jurisdiction') || changed.has('smoothing') || changed.has('days') || this.plots.length === 0) this.rebuild();
    else if (changed.has('weeks') || changed.has('weekly')) this.refresh();
  }

  private data(key: string, scale = 1): uPlot.AlignedData {
    const w = this.weekly;
    const j = w?.jurisdictions[this.jurisdiction];
    const xs = (w?.startDay ?? []).map((d) => d + 3.5);
    const at = (v: number | null) => (v === null ? null : v * scale);
    const ys = LINES.map((l) => smooth((j?.groups[l.group]?.[key] ?? []) as (number | null)[], this.smoothing).map(at));
    return [xs, ...ys] as uPlot.AlignedData;
  }

  /** One chart's options at `scale` (1 on screen, 2 for a figure) and its data. */
  private spec(c: (typeof CHARTS)[number], width: number, scale: number): { opts: uPlot.Options; data: uPlot.AlignedData } {
    const opts = plotOptions(
      {
        width,
        height: 170,
        // Room on the right for the last day's label ("1,000").
        padding: [10, 18, 0, 0],
        days: this.days,
        activationDay: this.activationDay,
        percent: c.percent,
        yRange: c.percent ? [0, 1] : (lo, hi) => paddedRange(lo, hi, c.minSpan),
        series: LINES.map((l) => ({ label: l.label, stroke: l.colour, width: l.width, dash: l.dash })),
        xLabel: msg('day'),
      },
      scale,
    );
    return { opts, data: this.data(c.key, c.scale) };
  }

  /** The language the charts were drawn in. */
  private builtIn = '';

  private rebuild(): void {
    if (!this.UPlot) return;
    this.builtIn = getLocale();
    this.plots.forEach((p) => p.destroy());
    this.plots = [];
    const figures = this.querySelectorAll<HTMLElement>('.chart .plot');
    CHARTS.forEach((c, i) => {
      const target = figures[i];
      if (!target) return;
      // The cell's width (a projector's narrow column included), never wider: a wider canvas overflows the cell.
      const width = Math.max(160, target.clientWidth || 360);
      const { opts, data } = this.spec(c, width, 1);
      this.plots.push(new this.UPlot!(opts, data, target));
      new ResizeObserver(() => {
        const wNow = Math.max(160, target.clientWidth);
        if (this.plots[i] && Math.abs(this.plots[i].width - wNow) > 4) this.plots[i].setSize({ width: wNow, height: 170 });
      }).observe(target);
    });
  }

  private refresh(): void {
    CHARTS.forEach((c, i) => this.plots[i]?.setData(this.data(c.key, c.scale)));
  }
}

customElements.define('charts-panel', ChartsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'charts-panel': ChartsPanel;
  }
}
