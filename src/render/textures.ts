import { Rectangle, Texture } from 'pixi.js';

/** Shapes drawn white on one canvas, so every particle shares one texture source (one draw call). */
const SHAPES = ['circle', 'square', 'triangle', 'officer', 'ring', 'cross', 'smallSquare', 'diamond', 'question'] as const;
export type Shape = (typeof SHAPES)[number];
export const SHAPE_SIZE = 32;

/** Draws a shape into a 2D context, centred in a SHAPE_SIZE box at (x, y); shared with the HTML legend. */
function drawShape(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, shape: Shape, x: number, y: number, s = SHAPE_SIZE): void {
  const c = s / 2;
  const r = s * 0.42;
  ctx.save();
  ctx.translate(x, y);
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = s * 0.14;
  ctx.beginPath();
  switch (shape) {
    case 'circle':
      ctx.arc(c, c, r, 0, Math.PI * 2);
      ctx.fill();
      break;
    case 'square':
      ctx.fillRect(c - r * 0.85, c - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      ctx.moveTo(c, c - r);
      ctx.lineTo(c + r, c + r * 0.8);
      ctx.lineTo(c - r, c + r * 0.8);
      ctx.closePath();
      ctx.fill();
      break;
    case 'officer': {
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? r : r * 0.45;
        ctx.lineTo(c + Math.cos(a) * rr, c + Math.sin(a) * rr);
      }
      ctx.closePath();
      ctx.fill();
      break;
    }
    case 'ring':
      ctx.arc(c, c, r * 0.8, 0, Math.PI * 2);
      ctx.stroke();
      break;
    case 'cross':
      ctx.moveTo(c - r * 0.75, c - r * 0.75);
      ctx.lineTo(c + r * 0.75, c + r * 0.75);
      ctx.moveTo(c + r * 0.75, c - r * 0.75);
      ctx.lineTo(c - r * 0.75, c + r * 0.75);
      ctx.stroke();
      break;
    case 'smallSquare':
      ctx.strokeRect(c - r * 0.6, c - r * 0.6, r * 1.2, r * 1.2);
      break;
    case 'diamond':
      ctx.moveTo(c, c - r);
      ctx.lineTo(c + r, c);
      ctx.lineTo(c, c + r);
      ctx.lineTo(c - r, c);
      ctx.closePath();
      ctx.fill();
      break;
    case 'question':
      ctx.font = `bold ${s * 0.9}px sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText('?', c, c + s * 0.05);
      break;
  }
  ctx.restore();
}

/** One texture per shape, all cut from the same canvas (an OffscreenCanvas inside a Worker). */
export function createShapeTextures(): Record<Shape, Texture> {
  const width = SHAPE_SIZE * SHAPES.length;
  const canvas =
    typeof document === 'undefined' ? new OffscreenCanvas(width, SHAPE_SIZE) : Object.assign(document.createElement('canvas'), { width, height: SHAPE_SIZE });
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  SHAPES.forEach((s, i) => drawShape(ctx, s, i * SHAPE_SIZE, 0));
  const base = Texture.from(canvas);
  const out = {} as Record<Shape, Texture>;
  SHAPES.forEach((s, i) => (out[s] = new Texture({ source: base.source, frame: new Rectangle(i * SHAPE_SIZE, 0, SHAPE_SIZE, SHAPE_SIZE) })));
  return out;
}
