import * as Comlink from 'comlink';
import { placeName } from '../../i18n/labels.ts';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { frameTransferables, RESIDENT_DRAW_LIMIT } from '../../engine/view/frame.ts';
import { VIEW_MEASURES, type Layout } from '../../engine/index.ts';
import type { RenderApi } from '../../render/render-surface.ts';
import type { EngineController } from '../controllers/engine-controller.ts';
import { emit } from '../events.ts';
import { legend, measureLabel } from './legend.ts';
import { policyLabel } from '../../report/policy-labels.ts';
import { getLocale } from '../i18n/locale.ts';
import type { HeatMeasure } from '../../render/colours.ts';
import type { ViewMode } from '../../render/town-renderer.ts';

/** The renderer seen from the page: every call is asynchronous (a message to its Worker). */
export type TownSurface = { [K in keyof RenderApi]: (...args: Parameters<RenderApi[K]>) => Promise<Awaited<ReturnType<RenderApi[K]>>> };

/**
 * The town view. Its canvas is handed to a Worker (OffscreenCanvas) that runs PixiJS, so drawing a
 * town of 100,000 never blocks the page; where OffscreenCanvas is missing, PixiJS runs in the page.
 * Either way it is loaded on demand, after the first paint. Frames from the engine are passed on by
 * transfer; mouse, wheel and keys become pan, zoom and picking a resident.
 */
export class TownView extends LitElement {
  static override properties = {
    engine: { attribute: false },
    picked: { type: Number },
    pickedTies: { attribute: false },
    loadError: { state: true },
    mode: { state: true },
    measure: { state: true },
    layer: { state: true },
    windowNote: { state: true },
  };
  declare engine: EngineController | undefined;
  /** The resident being inspected (-1: none): ringed in the view. */
  declare picked: number;
  /** The picked resident's ties, drawn as lines from them. */
  declare pickedTies: readonly number[];
  declare loadError: string;
  /** What to draw: residents, neighbourhoods as a heat map, or whichever suits the zoom. */
  declare mode: ViewMode;
  /** The heat map's measure. */
  declare measure: HeatMeasure;
  /** What the renderer draws now (the legend follows it). */
  declare layer: 'residents' | 'neighbourhoods';
  /** In a county: why no residents are drawn where the view is zoomed in (too many in view). */
  declare windowNote: string;

  private surface?: TownSurface;
  private worker?: Worker;
  private unsubscribe?: () => void;
  private drag?: { x: number; y: number; moved: boolean };
  private windowTimer?: ReturnType<typeof setTimeout>;
  /** The neighbourhoods of the window last asked for, as text. */
  private windowKey = '';
  private layoutSeen?: Layout;

  constructor() {
    super();
    this.loadError = '';
    this.mode = 'auto';
    this.measure = 'trustChange';
    this.layer = 'residents';
    this.windowNote = '';
    this.picked = -1;
    this.pickedTies = [];
    updateWhenLocaleChanges(this);
  }

  /** The language the town's labels were last sent in. */
  private labelledIn = '';

  /** Sends the jurisdictions' labels in the page's language (again after a switch of language). */
  private relabel(): void {
    const l = this.layoutSeen;
    if (!l || !this.surface || this.labelledIn === getLocale()) return;
    this.labelledIn = getLocale();
    void this.surface.setLabels(l.jurisdictions.map((j) => `${placeName(j.name)}: ${policyLabel(j.model, j.sanctuary, j.trustBuilding)}`));
  }

  override updated(changed: Map<string, unknown>): void {
    this.relabel();
    if (changed.has('picked') || changed.has('pickedTies')) void this.surface?.highlight(this.picked, this.pickedTies);
  }

  /** The renderer, once started (exports and tests use it). */
  get view(): TownSurface | undefined {
    return this.surface;
  }

  private startedWith: (s: TownSurface | undefined) => void = () => {};
  /** Settles with the renderer once it has started (undefined if it could not): an export waits for it. */
  readonly ready = new Promise<TownSurface | undefined>((resolve) => (this.startedWith = resolve));

  override async firstUpdated(): Promise<void> {
    const host = this.renderRoot.querySelector('.canvas') as HTMLElement;
    const canvas = host.querySelector('canvas') as HTMLCanvasElement;
    const { width, height } = host.getBoundingClientRect();
    const resolution = Math.min(2, window.devicePixelRatio || 1);
    try {
      this.surface = await this.start(canvas, Math.max(1, width), Math.max(1, height), resolution);
    } catch (e) {
      this.loadError = msg(str`The town view could not start: ${(e as Error).message}. The charts and summary still work.`);
      this.startedWith(undefined);
      return;
    }
    this.startedWith(this.surface);
    // Followed from the start: the panel's size can change while the engine is still being prepared (a
    // caption that wraps once the page's language has loaded), and the drawing must follow it.
    new ResizeObserver(([entry]) => void this.surface?.resize(entry.contentRect.width, entry.contentRect.height).then(() => this.sync())).observe(host);
    const failed = (e: unknown) => (this.loadError = msg(str`The town view stopped: ${(e as Error).message}. The charts and summary still work.`));
    this.unsubscribe = this.engine?.onFrame((f, l) => {
      if (l !== this.layoutSeen) {
        this.layoutSeen = l;
        this.windowKey = '';
        this.surface!.setLayout(l).catch(failed);
        this.labelledIn = '';
        this.relabel();
        void this.sync();
      }
      this.surface!.draw(Comlink.transfer(f, frameTransferables(f))).catch(failed);
    });
    await this.surface.setMeasure(this.measure);
    await this.engine?.setViewMeasure(this.measure);
  }

  private async start(canvas: HTMLCanvasElement, width: number, height: number, resolution: number): Promise<TownSurface> {
    if ('transferControlToOffscreen' in canvas) {
      this.worker = new Worker(new URL('../../../workers/render.worker.ts', import.meta.url), { type: 'module', name: 'trustfall-render' });
      const remote = Comlink.wrap<RenderApi>(this.worker);
      const offscreen = canvas.transferControlToOffscreen();
      await remote.init(Comlink.transfer(offscreen, [offscreen]), width, height, resolution);
      return remote as unknown as TownSurface;
    }
    const { createRenderApi } = await import('../../render/render-api.ts');
    const local = createRenderApi();
    await local.init(canvas, width, height, resolution);
    return Object.fromEntries(
      Object.entries(local).map(([k, fn]) => [k, async (...a: unknown[]) => (fn as (...x: unknown[]) => unknown)(...a)]),
    ) as TownSurface;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    clearTimeout(this.windowTimer);
    this.worker?.terminate();
  }

  /** Asks the renderer what it draws now (after a zoom, a pan, a new layout or a mode change). */
  private async sync(): Promise<void> {
    clearTimeout(this.windowTimer);
    // A county: once the view settles, the residents of the neighbourhoods in view are fetched and drawn.
    this.windowTimer = setTimeout(() => void this.updateWindow(), 150);
    const s = await this.surface?.showing();
    if (s) this.layer = s.layer;
  }

  private async updateWindow(): Promise<void> {
    const surface = this.surface;
    const engine = this.engine;
    if (!surface || !engine || engine.layout?.drawsResidents !== false) return;
    const cells = await surface.visibleCells();
    const key = cells.join(',');
    if (key === this.windowKey) return;
    this.windowKey = key;
    const win = cells.length ? await engine.setWindow(cells) : await engine.setWindow([]).then(() => null);
    if (key !== this.windowKey) return;
    const tooMany = win !== null && 'tooMany' in win;
    this.windowNote = tooMany ? msg(str`${win.tooMany.toLocaleString(getLocale())} residents in view: zoom in further to see them one by one.`) : '';
    await surface.setWindow(tooMany ? null : win);
    const s = await surface.showing();
    this.layer = s.layer;
  }

  private zoom(factor: number, cx?: number, cy?: number): void {
    void this.surface?.zoomBy(factor, cx, cy).then(() => this.sync());
  }

  override render(): TemplateResult {
    const county = this.engine?.layout?.drawsResidents === false;
    return html`
      <div class="toolbar">
        <button @click=${() => this.zoom(1.4)} aria-label=${msg('Zoom in')}>+</button>
        <button @click=${() => this.zoom(1 / 1.4)} aria-label=${msg('Zoom out')}>−</button>
        <button @click=${() => void this.surface?.fit().then(() => this.sync())}>${msg('Fit')}</button>
        <label
          >${msg('Show')}
          <select id="town-mode" @change=${this.onMode}>
            <option value="auto" ?selected=${this.mode === 'auto'}>${msg('residents, or neighbourhoods when zoomed out')}</option>
            <option value="residents" ?selected=${this.mode === 'residents'} ?disabled=${county}>${msg('residents')}</option>
            <option value="neighbourhoods" ?selected=${this.mode === 'neighbourhoods'}>${msg('neighbourhoods (heat map)')}</option>
          </select></label
        >
        <label
          >${msg('Colour by')}
          <select id="town-measure" @change=${this.onMeasure}>
            ${VIEW_MEASURES.map((m) => html`<option value=${m} ?selected=${m === this.measure}>${measureLabel(m)}</option>`)}
          </select></label
        >
      </div>
      <p class="hint">
        ${
          county
            ? `${msg(str`A county of ${this.engine!.layout!.residents.toLocaleString(getLocale())} residents is shown by neighbourhood; zoom in to see the residents of the neighbourhoods in view (up to ${RESIDENT_DRAW_LIMIT.toLocaleString(getLocale())} at once).`)} ${this.windowNote}`
            : msg('Drag to pan, wheel to zoom, click a resident to inspect. With the view focused: arrows, + and −, 0 to fit.')
        }
      </p>
      <div
        class="canvas"
        tabindex="0"
        role="img"
        aria-label=${msg(str`Town view: neighbourhoods and residents coloured by ${measureLabel(this.measure).toLowerCase()}`)}
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @wheel=${this.onWheel}
        @keydown=${this.onKey}
      >
        <canvas></canvas>
      </div>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : legend(this.layer, this.measure)}
    `;
  }

  private onMode = (e: Event) => {
    this.mode = (e.target as HTMLSelectElement).value as ViewMode;
    void this.surface?.setMode(this.mode).then(() => this.sync());
  };

  private onMeasure = (e: Event) => {
    this.measure = (e.target as HTMLSelectElement).value as HeatMeasure;
    void this.surface?.setMeasure(this.measure);
    void this.engine?.setViewMeasure(this.measure);
  };

  private onDown(e: PointerEvent): void {
    this.drag = { x: e.clientX, y: e.clientY, moved: false };
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
  }

  private onMove(e: PointerEvent): void {
    if (!this.drag) return;
    const dx = e.clientX - this.drag.x;
    const dy = e.clientY - this.drag.y;
    if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
    this.drag = { x: e.clientX, y: e.clientY, moved: true };
    void this.surface?.panBy(dx, dy).then(() => this.sync());
  }

  private async onUp(e: PointerEvent): Promise<void> {
    const wasDrag = this.drag?.moved;
    this.drag = undefined;
    if (wasDrag || !this.surface) return;
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const id = await this.surface.pick(e.clientX - rect.left, e.clientY - rect.top);
    if (id >= 0) emit(this, 'resident-pick', id);
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    this.zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - rect.left, e.clientY - rect.top);
  }

  private onKey(e: KeyboardEvent): void {
    const r = this.surface;
    if (!r) return;
    const step = 40;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => void r.panBy(step, 0).then(() => this.sync()),
      ArrowRight: () => void r.panBy(-step, 0).then(() => this.sync()),
      ArrowUp: () => void r.panBy(0, step).then(() => this.sync()),
      ArrowDown: () => void r.panBy(0, -step).then(() => this.sync()),
      '+': () => this.zoom(1.25),
      '=': () => this.zoom(1.25),
      '-': () => this.zoom(0.8),
      '0': () => void r.fit().then(() => this.sync()),
    };
    const act = actions[e.key];
    if (act) {
      e.preventDefault();
      e.stopPropagation();
      act();
    }
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.5rem;
      align-items: center;
      margin-bottom: 0.3rem;
    }
    .toolbar label {
      min-width: 0;
      max-width: 100%;
    }
    .toolbar select {
      font: inherit;
      /* Whole option names where there is room ("residents, or neighbourhoods when zoomed out"), never wider than the panel. */
      max-width: 100%;
    }
    .toolbar button {
      font: inherit;
      min-width: 2rem;
      padding: 0.15rem 0.5rem;
      border: 1px solid #14213d;
      background: #fff;
      border-radius: 4px;
      cursor: pointer;
    }
    .hint {
      color: #555;
      font-size: 0.8rem;
      margin: 0 0 0.3rem;
    }
    .canvas {
      position: relative;
      /* A page may fix the height (two towns side by side keep one size whatever their captions). */
      flex: var(--town-canvas-grow, 1);
      min-height: var(--town-canvas-height, 320px);
      border: 1px solid #ccc;
      border-radius: 4px;
      overflow: hidden;
      touch-action: none;
      cursor: grab;
    }
    .canvas:focus-visible {
      outline: 3px solid #f4a261;
    }
    .canvas canvas {
      display: block;
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .legend {
      font-size: 0.8rem;
      margin-top: 0.4rem;
    }
    .legend .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 0.9rem;
      align-items: center;
      margin-bottom: 0.2rem;
    }
    .legend .item {
      display: inline-flex;
      gap: 0.25rem;
      align-items: center;
    }
    .legend .faded svg {
      opacity: 0.3;
    }
    .legend .title {
      font-weight: 600;
    }
    .legend .scale {
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
      white-space: nowrap;
    }
    .legend .note {
      flex-basis: 100%;
      color: #555;
    }
    .legend .ramp {
      display: inline-block;
      width: 8rem;
      height: 0.7rem;
      border: 1px solid #999;
    }
    .error {
      color: #b00020;
    }
  `;
}

customElements.define('town-view', TownView);

declare global {
  interface HTMLElementTagNameMap {
    'town-view': TownView;
  }
}
