import type { LineSpec } from './plot-options.ts';

/** What a published figure says around its chart(s). */
export interface FigureText {
  title: string;
  /** The measure's unit, under the title. */
  units: string;
  /** Each line's key: its stroke and dash, and the policy-start marker. */
  legend: (LineSpec & { band?: boolean })[];
  /** What made it: engine version, scenario hash, seed, replicates, what the lines and bands are. */
  caption: string;
}

const FONT = 'system-ui, sans-serif';

/** Splits text into lines no wider than `width` in the context's current font. */
export function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A figure a researcher can publish: a title and units above, the charts (already drawn at `scale`,
 * laid out in `columns`, each with its own heading when several), a legend, and a caption of what made
 * it, all at the same scale. Returns the canvas; the caller takes its PNG.
 */
export function composeFigure(charts: { canvas: HTMLCanvasElement; heading?: string }[], text: FigureText, scale: number, columns = 1): HTMLCanvasElement {
  const s = (x: number) => Math.round(x * scale);
  const cw = Math.max(...charts.map((c) => c.canvas.width));
  const ch = Math.max(...charts.map((c) => c.canvas.height));
  const headingH = charts.some((c) => c.heading) ? s(22) : 0;
  const rows = Math.ceil(charts.length / columns);
  const margin = s(16);
  const width = cw * columns + 2 * margin;
  const out = document.createElement('canvas');
  const measure = out.getContext('2d')!;
  measure.font = `${s(12)}px ${FONT}`;
  const captionLines = wrap(measure, text.caption, width - 2 * margin);
  // The legend's items laid out in rows that fit the width.
  const items: { x: number; row: number; entry: FigureText['legend'][number] }[] = [];
  let lx = margin;
  let row = 0;
  for (const entry of text.legend) {
    const w = s(34) + measure.measureText(entry.label).width + s(18);
    if (lx + w > width - margin && lx > margin) {
      row++;
      lx = margin;
    }
    items.push({ x: lx, row, entry });
    lx += w;
  }
  const legendRowH = s(22);
  measure.font = `${s(13)}px ${FONT}`;
  const unitLines = wrap(measure, text.units, width - 2 * margin);
  measure.font = `600 ${s(18)}px ${FONT}`;
  const titleLines = wrap(measure, text.title, width - 2 * margin);
  const top = margin + titleLines.length * s(24) + unitLines.length * s(18) + s(10);
  const chartsBottom = top + rows * (headingH + ch);
  out.width = width;
  out.height = chartsBottom + s(8) + (row + 1) * legendRowH + s(6) + captionLines.length * s(17) + margin;
  const ctx = out.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#111';
  ctx.font = `600 ${s(18)}px ${FONT}`;
  titleLines.forEach((line, i) => ctx.fillText(line, margin, margin + s(18) + i * s(24)));
  ctx.fillStyle = '#444';
  ctx.font = `${s(13)}px ${FONT}`;
  unitLines.forEach((line, i) => ctx.fillText(line, margin, margin + titleLines.length * s(24) + s(12) + i * s(18)));
  charts.forEach((c, i) => {
    const x = margin + (i % columns) * cw;
    const y = top + Math.floor(i / columns) * (headingH + ch);
    if (c.heading) {
      ctx.fillStyle = '#222';
      ctx.font = `600 ${s(13)}px ${FONT}`;
      ctx.fillText(c.heading, x + s(6), y + s(16));
    }
    ctx.drawImage(c.canvas, x, y + headingH);
  });
  // The legend: a sample of each line (and its band), the policy-start marker among them.
  ctx.font = `${s(12)}px ${FONT}`;
  for (const { x, row: r, entry: l } of items) {
    const y = chartsBottom + s(8) + r * legendRowH + s(11);
    if (l.band) {
      ctx.fillStyle = `${l.stroke}2e`;
      ctx.fillRect(x, y - s(7), s(28), s(14));
    }
    ctx.strokeStyle = l.stroke;
    ctx.lineWidth = s(l.width);
    ctx.setLineDash(l.dash.map(s));
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + s(28), y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#222';
    ctx.fillText(l.label, x + s(34), y + s(4));
  }
  ctx.fillStyle = '#444';
  const captionTop = chartsBottom + s(8) + (row + 1) * legendRowH + s(6);
  captionLines.forEach((line, i) => ctx.fillText(line, margin, captionTop + s(12) + i * s(17)));
  return out;
}
