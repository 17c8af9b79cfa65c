import { wrap } from '../charts/figure.ts';

/** What a saved map says around the map. */
export interface MapFigureText {
  title: string;
  caption: string;
  legend: { colour: string; label: string }[];
}

const FONT = 'system-ui, sans-serif';
const SCALE = 2;

/**
 * The map as a PNG a reader can publish: the title above, the map as shown (its current pan and zoom),
 * the key and a caption of what made it below, at twice the screen's resolution. Returns an object URL.
 */
export async function mapFigure(svgEl: SVGSVGElement, text: MapFigureText): Promise<string> {
  const box = svgEl.viewBox.baseVal;
  const mapW = 975 * SCALE;
  const mapH = Math.round((mapW * box.height) / box.width);
  const clone = svgEl.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(mapW));
  clone.setAttribute('height', String(mapH));
  // The page's stylesheet does not reach an image: the borders' colours go in as attributes.
  for (const p of clone.querySelectorAll('.counties')) p.setAttribute('stroke', '#fff');
  for (const p of clone.querySelectorAll('.state-borders')) p.setAttribute('style', 'fill:none;stroke:#555');
  for (const p of clone.querySelectorAll('.picked')) p.setAttribute('style', 'fill:none;stroke:#000');
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  const image = new Image();
  image.src = url;
  await image.decode();
  URL.revokeObjectURL(url);

  const s = (x: number) => x * SCALE;
  const margin = s(16);
  const width = mapW + 2 * margin;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  ctx.font = `${s(12)}px ${FONT}`;
  const captionLines = wrap(ctx, text.caption, width - 2 * margin);
  // The key's items laid out in rows that fit the width.
  const items: { x: number; row: number; colour: string; label: string }[] = [];
  let x = margin;
  let row = 0;
  for (const item of text.legend) {
    const w = s(18) + ctx.measureText(item.label).width + s(14);
    if (x + w > width - margin && x > margin) {
      x = margin;
      row++;
    }
    items.push({ x, row, ...item });
    x += w;
  }
  canvas.width = width;
  canvas.height = margin + s(24) + mapH + s(8) + (row + 1 + captionLines.length) * s(16) + margin;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#1d1d1f';
  ctx.font = `600 ${s(16)}px ${FONT}`;
  ctx.fillText(text.title, margin, margin + s(14));
  ctx.drawImage(image, margin, margin + s(24), mapW, mapH);
  ctx.font = `${s(12)}px ${FONT}`;
  const top = margin + s(24) + mapH + s(20);
  for (const item of items) {
    const y = top + item.row * s(16);
    ctx.fillStyle = item.colour;
    ctx.fillRect(item.x, y - s(10), s(12), s(12));
    ctx.strokeStyle = '#999';
    ctx.strokeRect(item.x, y - s(10), s(12), s(12));
    ctx.fillStyle = '#1d1d1f';
    ctx.fillText(item.label, item.x + s(18), y);
  }
  let y = top + row * s(16);
  y += s(18);
  ctx.fillStyle = '#555';
  for (const line of captionLines) {
    ctx.fillText(line, margin, y);
    y += s(16);
  }
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the map could not be drawn'))), 'image/png'),
  );
  return URL.createObjectURL(blob);
}
