import { msg } from '@lit/localize';
import type uPlot from 'uplot';

/** One line of a time chart. */
export interface LineSpec {
  label: string;
  stroke: string;
  width: number;
  dash: readonly number[];
}

/** A chart over days with the policy's start marked: what the live charts, the comparison bands and their figures share. */
export interface PlotSpec {
  width: number;
  height: number;
  days: number;
  /** The day a policy starts, marked with a labelled line; null where the run has no policy to start. */
  activationDay: number | null;
  percent: boolean;
  /** The y range: fixed, or from the data's. */
  yRange: [number, number] | ((lo: number | null, hi: number | null) => [number, number]);
  /** Series after x, in data order (transparent ones for band edges included). */
  series: LineSpec[];
  bands?: uPlot.Band[];
  padding?: [number, number, number, number];
  xLabel: string;
}

/**
 * uPlot options for a spec, drawn `scale` times larger in every dimension (sizes, fonts, line widths,
 * dashes): 1 on screen, 2 for a figure at twice the screen's resolution. uPlot draws at the device's
 * pixel ratio only, so a sharper figure is a larger drawing, not a resampled one.
 */
export function plotOptions(spec: PlotSpec, scale = 1): uPlot.Options {
  const s = (x: number) => x * scale;
  const font = `${s(12)}px system-ui, sans-serif`;
  const axis = { font, labelFont: `600 ${s(12)}px system-ui, sans-serif`, ticks: { size: s(5), width: s(1) }, gap: s(5) };
  const fixed = Array.isArray(spec.yRange) ? spec.yRange : undefined;
  const ranged = typeof spec.yRange === 'function' ? spec.yRange : undefined;
  return {
    width: s(spec.width),
    height: s(spec.height),
    padding: spec.padding?.map(s) as [number, number, number, number] | undefined,
    legend: { show: false },
    cursor: { show: scale === 1 },
    bands: spec.bands,
    scales: {
      x: { time: false, range: () => [0, Math.max(7, spec.days)] },
      y: fixed ? { range: fixed } : { range: (_u, lo, hi) => ranged!(lo, hi) },
    },
    axes: [
      // Tick spacing grows with the drawing like everything else: a figure drawn twice as large with uPlot's
      // unscaled default (50 px) put day labels on top of each other ("1,0001,0251,050").
      { ...axis, label: spec.xLabel, size: s(36), labelSize: s(14), space: s(60) },
      { ...axis, size: s(52), space: s(30), values: spec.percent ? (_u, v) => v.map((y) => `${Math.round(y * 100)}%`) : undefined },
    ],
    series: [
      { label: 'day' },
      ...spec.series.map((l) => ({ label: l.label, stroke: l.stroke, width: s(l.width), dash: l.dash.map(s), spanGaps: true, points: { show: false } })),
    ],
    hooks: {
      draw: [
        (u) => {
          if (spec.activationDay === null) return;
          const x = u.valToPos(spec.activationDay, 'x', true);
          const ctx = u.ctx;
          ctx.save();
          ctx.strokeStyle = '#c62828';
          ctx.setLineDash([s(6), s(4)]);
          ctx.lineWidth = s(2);
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          // Labelled on the chart itself, so a picture of it says what the line is.
          ctx.setLineDash([]);
          ctx.fillStyle = '#c62828';
          ctx.font = `${s(12)}px system-ui, sans-serif`;
          ctx.textBaseline = 'top';
          ctx.fillText(msg('policy starts'), x + s(4), u.bbox.top + s(4));
          ctx.restore();
        },
      ],
    },
  };
}

/**
 * Draws a chart off the page and returns a copy of its canvas once uPlot has drawn it (uPlot sizes and
 * draws in a microtask after construction, so the canvas is blank until then); the plot is destroyed.
 */
export async function renderOffPage(UPlot: typeof uPlot, opts: uPlot.Options, data: uPlot.AlignedData): Promise<HTMLCanvasElement> {
  const host = document.createElement('div');
  host.style.cssText = 'position:absolute;left:-100000px;top:0;';
  document.body.appendChild(host);
  let plot: uPlot | undefined;
  try {
    const drawn = new Promise<void>((resolve) => {
      const hooks = { ...opts.hooks, draw: [...(opts.hooks?.draw ?? []), () => resolve()] };
      plot = new UPlot({ ...opts, hooks }, data, host);
      // Never wait for ever: with nothing to draw, uPlot may not call the hook.
      setTimeout(resolve, 5000);
    });
    await drawn;
    const canvas = plot!.ctx.canvas;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    copy.getContext('2d')!.drawImage(canvas, 0, 0);
    return copy;
  } finally {
    plot?.destroy();
    host.remove();
  }
}
