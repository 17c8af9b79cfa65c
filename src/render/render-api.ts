import type { Frame, Layout } from '../engine/index.ts';
import type { RenderApi } from './render-surface.ts';
import { TownRenderer } from './town-renderer.ts';

/** RenderApi over a TownRenderer in the current thread: the Worker's body, and the page's fallback. */
export function createRenderApi(): RenderApi {
  let r: TownRenderer | undefined;
  const need = () => {
    if (!r) throw new Error('renderer not initialised');
    return r;
  };
  return {
    async init(canvas, width, height, resolution) {
      r = await TownRenderer.create(canvas, width, height, resolution);
    },
    resize: (w, h) => need().resize(w, h),
    setLayout: (l: Layout) => need().setLayout(l),
    setLabels: (labels) => need().setLabels(labels),
    labels: () => need().drawnLabels(),
    draw: (f: Frame) => need().draw(f),
    setWindow: (win) => need().setWindow(win),
    highlight: (id, ties) => need().highlight(id, ties),
    pointsOf: (ids) => need().pointsOf(ids),
    visibleCells: () => need().visibleCells(),
    setMeasure: (m) => need().setMeasure(m),
    setMode: (m) => need().setMode(m),
    showing: () => need().showing(),
    zoomBy: (f, cx, cy) => need().zoomBy(f, cx, cy),
    panBy: (dx, dy) => need().panBy(dx, dy),
    fit: () => need().fit(),
    pick: (x, y) => need().pick(x, y),
    snapshot: () => need().snapshot(),
    fps: () => need().fps,
  };
}
