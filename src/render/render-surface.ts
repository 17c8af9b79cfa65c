import type { Frame, Layout, WindowLayout } from '../engine/index.ts';
import type { HeatMeasure } from './colours.ts';
import type { ViewMode } from './town-renderer.ts';

/** The town view's renderer, running in its own Worker on an OffscreenCanvas (or in the page as a fallback). */
export interface RenderApi {
  init(canvas: OffscreenCanvas | HTMLCanvasElement, width: number, height: number, resolution: number): Promise<void>;
  resize(width: number, height: number): void;
  /** A new run's layout (copied: it is kept by the page too). */
  setLayout(layout: Layout): void;
  /** Each jurisdiction's label over the town ("County: Task Force model"), in the page's language. */
  setLabels(labels: string[]): void;
  /** The labels drawn over the town (as the page sent them; none before). */
  labels(): string[];
  /** The residents to draw one by one in a county (a window of neighbourhoods in view), or none. */
  setWindow(window: WindowLayout | null): void;
  /** In a county, the neighbourhoods in view when zoomed in far enough to draw residents; else none. */
  visibleCells(): number[];
  /** A frame to draw (transferred). */
  draw(frame: Frame): void;
  /** Rings the resident being inspected (-1: none). */
  highlight(id: number, ties?: readonly number[]): void;
  /** Where residents are drawn on the canvas, in CSS pixels: x and y for each, NaN for one not drawn. */
  pointsOf(ids: number[]): Float32Array;
  /** The measure the heat map of neighbourhoods shows. */
  setMeasure(measure: HeatMeasure): void;
  /** Residents, neighbourhoods (heat map), or whichever suits the zoom. */
  setMode(mode: ViewMode): void;
  /** What is drawn now, and how many resident particles the renderer holds. */
  showing(): { layer: 'residents' | 'neighbourhoods'; particles: number; drawsResidents: boolean; homes: boolean; ties: number };
  zoomBy(factor: number, cx?: number, cy?: number): void;
  panBy(dx: number, dy: number): void;
  fit(): void;
  /** The resident under canvas point (x, y) in CSS pixels, or -1. */
  pick(x: number, y: number): number;
  snapshot(): Promise<Blob>;
  /** Frames per second drawn over the last second. */
  fps(): number;
}
