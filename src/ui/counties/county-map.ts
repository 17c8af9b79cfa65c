import { msg } from '@lit/localize';
import { LitElement, html, svg, type PropertyValues, type TemplateResult } from 'lit';

declare global {
  interface HTMLElementEventMap {
    /** A county picked on the map, by FIPS code. */
    'county-pick': CustomEvent<string>;
  }
}

/** The projected map's size (us-atlas's Albers USA outlines). */
const WIDTH = 975;
const HEIGHT = 610;
const MAX_ZOOM = 16;

/**
 * The U.S. county map: one SVG path per county, filled by `fill`, the picked county outlined. Pan by
 * dragging or with the arrow keys, zoom with the wheel, the buttons or + and −, 0 to see the whole
 * country. A county is picked by clicking it; keyboard users pick from the list beside the map, which
 * holds every county (3,000 tab stops on a map would help nobody).
 */
export class CountyMap extends LitElement {
  static override properties = {
    shapes: { attribute: false },
    states: { attribute: false },
    fill: { attribute: false },
    selected: { attribute: false },
    label: { attribute: false },
    view: { state: true },
  };
  declare shapes: readonly { fips: string; d: string }[];
  declare states: string;
  declare fill: (fips: string) => string;
  declare selected: string | undefined;
  /** What the map shows, for screen readers. */
  declare label: string;
  declare view: { x: number; y: number; k: number };
  private drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | undefined;

  constructor() {
    super();
    this.shapes = [];
    this.states = '';
    this.fill = () => '#eee';
    this.selected = undefined;
    this.label = '';
    this.view = { x: 0, y: 0, k: 1 };
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected) this.focusOn(this.selected);
  }

  override render(): TemplateResult {
    const { x, y, k } = this.view;
    const w = WIDTH / k;
    const h = HEIGHT / k;
    return html`
      <div class="map-tools" role="group" aria-label=${msg('Map zoom')}>
        <button @click=${() => this.zoom(2)} aria-label=${msg('Zoom in')}>+</button>
        <button @click=${() => this.zoom(0.5)} aria-label=${msg('Zoom out')}>−</button>
        <button @click=${this.reset}>${msg('Whole country')}</button>
      </div>
      <svg
        class="county-map"
        viewBox="${x} ${y} ${w} ${h}"
        role="img"
        tabindex="0"
        aria-label=${this.label}
        @wheel=${this.onWheel}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @keydown=${this.onKey}
      >
        ${svg`<g class="counties" stroke-width=${0.3 / k}>${this.shapes.map((s) => svg`<path d=${s.d} fill=${this.fill(s.fips)} data-fips=${s.fips}></path>`)}</g>`}
        ${svg`<path class="state-borders" d=${this.states} stroke-width=${0.8 / k}></path>`}
        ${this.selectedOutline(k)}
      </svg>
    `;
  }

  /** The picked county's outline drawn again on top, so its border shows whole. */
  private selectedOutline(k: number): TemplateResult | string {
    const s = this.shapes.find((c) => c.fips === this.selected);
    return s ? svg`<path class="picked" d=${s.d} stroke-width=${2.5 / k}></path>` : '';
  }

  /** Centres the view on a county, zoomed so that it fills about a sixth of the width. */
  focusOn(fips: string): void {
    const path = this.querySelector<SVGPathElement>(`path[data-fips="${fips}"]`);
    if (!path) return;
    const b = path.getBBox();
    const k = Math.min(MAX_ZOOM, Math.max(1, Math.min(WIDTH / 6 / Math.max(b.width, 1), HEIGHT / 6 / Math.max(b.height, 1))));
    this.view = this.clamp({ x: b.x + b.width / 2 - WIDTH / k / 2, y: b.y + b.height / 2 - HEIGHT / k / 2, k });
  }

  private reset = () => {
    this.view = { x: 0, y: 0, k: 1 };
  };

  /** Zooms by a factor about the centre of the view (or about a point of the map). */
  private zoom(factor: number, at?: { x: number; y: number }): void {
    const { x, y, k } = this.view;
    const nk = Math.min(MAX_ZOOM, Math.max(1, k * factor));
    const cx = at?.x ?? x + WIDTH / k / 2;
    const cy = at?.y ?? y + HEIGHT / k / 2;
    const fx = (cx - x) / (WIDTH / k);
    const fy = (cy - y) / (HEIGHT / k);
    this.view = this.clamp({ x: cx - fx * (WIDTH / nk), y: cy - fy * (HEIGHT / nk), k: nk });
  }

  private clamp(v: { x: number; y: number; k: number }): { x: number; y: number; k: number } {
    const w = WIDTH / v.k;
    const h = HEIGHT / v.k;
    return { k: v.k, x: Math.min(WIDTH - w, Math.max(0, v.x)), y: Math.min(HEIGHT - h, Math.max(0, v.y)) };
  }

  /** A point of the map under the pointer. */
  private mapPoint(e: { clientX: number; clientY: number }): { x: number; y: number } {
    const svgEl = this.querySelector('svg')!;
    const r = svgEl.getBoundingClientRect();
    const { x, y, k } = this.view;
    return { x: x + ((e.clientX - r.left) / r.width) * (WIDTH / k), y: y + ((e.clientY - r.top) / r.height) * (HEIGHT / k) };
  }

  private onWheel = (e: WheelEvent) => {
    e.preventDefault();
    this.zoom(e.deltaY < 0 ? 1.25 : 0.8, this.mapPoint(e));
  };

  private onPointerDown = (e: PointerEvent) => {
    this.drag = { x: e.clientX, y: e.clientY, vx: this.view.x, vy: this.view.y, moved: false };
  };

  private onPointerMove = (e: PointerEvent) => {
    const d = this.drag;
    if (!d) return;
    const r = this.querySelector('svg')!.getBoundingClientRect();
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) (e.currentTarget as Element).setPointerCapture(e.pointerId);
    d.moved = true;
    const { k } = this.view;
    this.view = this.clamp({ k, x: d.vx - (dx / r.width) * (WIDTH / k), y: d.vy - (dy / r.height) * (HEIGHT / k) });
  };

  private onPointerUp = (e: PointerEvent) => {
    const d = this.drag;
    this.drag = undefined;
    if (d?.moved) return;
    const fips = (e.target as Element).getAttribute?.('data-fips');
    if (fips) this.dispatchEvent(new CustomEvent('county-pick', { detail: fips, bubbles: true, composed: true }));
  };

  private onKey = (e: KeyboardEvent) => {
    const { x, y, k } = this.view;
    const step = 60 / k;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) this.view = this.clamp({ k, x: x + moves[e.key][0], y: y + moves[e.key][1] });
    else if (e.key === '+' || e.key === '=') this.zoom(1.5);
    else if (e.key === '-' || e.key === '_') this.zoom(1 / 1.5);
    else if (e.key === '0') this.reset();
    else return;
    e.preventDefault();
  };
}

customElements.define('county-map', CountyMap);

declare global {
  interface HTMLElementTagNameMap {
    'county-map': CountyMap;
  }
}
