import { Application, BufferImageSource, Container, Graphics, Particle, ParticleContainer, Sprite, Text, Texture } from 'pixi.js';
import { CELL_MEASURES, FREE, REMOVED, kindGroup, type Frame, type Layout, type WindowLayout } from '../engine/index.ts';
import { type HeatMeasure, MEASURE_BGR, MEASURE_SCALES } from './colours.ts';
import { MARKS } from './marks.ts';
import { policyLabel } from '../report/policy-labels.ts';
import { SHAPE_SIZE, createShapeTextures, type Shape } from './textures.ts';
import { BORDER_GAP, CELL, STREET, layoutTown, nearestResident, type TownPositions } from './town-layout.ts';

/** Residents' shape by metrics group: non-Latino circle, Latino citizen square, Latino non-citizen triangle. */
const GROUP_SHAPE: Shape[] = ['square', 'triangle', 'circle'];
const MAX_MARKS = 400;
/** Smallest size on screen, in CSS pixels, of a resident, an officer and an event mark. */
const MIN_SCREEN = { resident: 1.8, officer: 7, mark: 5, label: 14 };
const LABEL_FONT = 28;
/** Household plots are drawn once a plot is this wide on screen (CSS pixels): smaller, they are only texture. */
const HOME_PX = 6;
/** In 'auto', neighbourhoods smaller than this on screen (CSS pixels) are drawn as a heat map. */
const AUTO_HEAT_PX = 36;
const MEASURE_COUNT = CELL_MEASURES.length;
const RESIDENTS_SLOT = CELL_MEASURES.indexOf('residents');

/** What the view draws: residents, neighbourhoods as a heat map, or whichever suits the zoom ('auto'). */
export type ViewMode = 'auto' | 'residents' | 'neighbourhoods';

/** One jurisdiction's heat map: a texture of one pixel per neighbourhood, drawn scaled up without smoothing. */
interface HeatLayer {
  source: BufferImageSource;
  /** The texture's RGBA bytes, seen as one 32-bit word per neighbourhood. */
  pixels: Uint32Array;
  cellBase: number;
  cells: number;
}

/**
 * The town view: neighbourhoods and borders, every resident as a particle coloured by trust and shaped
 * by group, officers on patrol, and events as brief marks; zoomed out (or for a county too large to draw
 * resident by resident), neighbourhoods as a heat map of a chosen measure. It draws what frames say and
 * decides nothing.
 */
export class TownRenderer {
  private readonly world = new Container();
  private readonly background = new Graphics();
  /** Household plots, shown when zoomed in close enough to tell one home from the next. */
  private readonly homes = new Graphics();
  /** Side of the smallest household plot (world units; 0 when none is drawn). */
  private smallestHome = 0;
  private readonly heat = new Container();
  private heatLayers: HeatLayer[] = [];
  private measure: HeatMeasure = 'trust';
  private mode: ViewMode = 'auto';
  private drawsResidents = true;
  private cells?: Float32Array;
  /** True when the heat map has not been painted from the latest cells and measure. */
  private heatStale = false;
  /** The whole town's layout (jurisdictions, sizes); at county scale its per-resident arrays are empty. */
  private layout?: Layout;
  /** At county scale, the residents drawn (a window of neighbourhoods in view): their ids and version. */
  private windowIds?: Int32Array;
  private windowVersion = 0;
  private readonly labels = new Container();
  private residents?: ParticleContainer;
  private particles: Particle[] = [];
  private readonly officers = new Container();
  private readonly marks = new Container();
  /** A ring round the resident being inspected. */
  private readonly highlightRing = new Sprite({ anchor: 0.5, tint: 0xf4a261 });
  private highlighted = -1;
  /** Lines from the inspected resident to the people they are tied to: the ties through which word spreads. */
  private readonly tieLines = new Graphics();
  private highlightedTies: readonly number[] = [];
  private tiesDrawn = 0;
  private markAge: number[] = [];
  private markLife: number[] = [];
  private pos?: TownPositions;
  private custody?: Uint8Array;
  private textures: Record<Shape, Texture>;
  /** World size of a resident dot as last applied to the particles. */
  private appliedDot = 0;
  /** True until the user zooms or pans: then a resize keeps their view. */
  private fitted = true;

  private constructor(private readonly app: Application) {
    this.textures = createShapeTextures();
    this.world.addChild(this.background, this.homes, this.heat, this.labels, this.officers, this.marks, this.tieLines, this.highlightRing);
    this.highlightRing.texture = this.textures.ring;
    this.highlightRing.visible = false;
    app.stage.addChild(this.world);
    // 30 frames a second is smooth for dots and leaves the machine's cores to the engine.
    app.ticker.maxFPS = 30;
    app.ticker.add((t) => this.animate(t.deltaMS / 1000));
  }

  /**
   * Creates the view on a canvas: a page's canvas, or an OffscreenCanvas inside a Worker (so the GL work
   * never blocks the page). No antialiasing: software WebGL pays dearly for it and dots do not need it.
   */
  static async create(canvas: HTMLCanvasElement | OffscreenCanvas, width: number, height: number, resolution: number): Promise<TownRenderer> {
    const app = new Application();
    await app.init({
      canvas: canvas as HTMLCanvasElement,
      width,
      height,
      resolution,
      autoDensity: typeof document !== 'undefined',
      background: '#ffffff',
      antialias: false,
      preference: 'webgl',
    });
    return new TownRenderer(app);
  }

  /**
   * Matches the drawing buffer to the element's new size (CSS pixels): a fitted view is fitted again, a
   * view the user zoomed or panned keeps its scale and position.
   */
  resize(width: number, height: number): void {
    this.app.renderer.resize(Math.max(1, width), Math.max(1, height));
    if (this.fitted) this.fit();
    // Drawn at once at the new size: resizing clears the canvas, and a paused view's ticker may not run
    // again soon (two towns in one page, each in its Worker, were left black or stretched).
    this.app.render();
  }

  /** Frames per second of the view over the last second. */
  get fps(): number {
    return this.app.ticker.FPS;
  }

  /** The page's labels for the jurisdictions (its language); until they come, English ones. */
  private jurisdictionLabels: string[] = [];

  drawnLabels(): string[] {
    return this.jurisdictionLabels;
  }

  setLabels(labels: string[]): void {
    this.jurisdictionLabels = labels;
    if (this.layout) this.drawBackground(this.layout);
  }

  /** Builds the particles (when the town is drawn resident by resident) and the heat map for a new run. */
  setLayout(l: Layout): void {
    this.layout = l;
    this.drawsResidents = l.drawsResidents;
    this.windowIds = undefined;
    this.windowVersion = 0;
    this.highlighted = -1;
    this.pos = layoutTown(l);
    this.drawBackground(l);
    this.buildHeat(l);
    this.buildResidents(l, this.pos);
    this.officers.removeChildren().forEach((c) => c.destroy());
    // At county scale officers are not drawn: thousands of stars over a heat map would hide it.
    for (let i = 0; i < (l.drawsResidents ? l.officers : 0); i++) {
      const s = new Sprite({ texture: this.textures.officer, anchor: 0.5, tint: 0x14213d });
      s.position.set(-100, -100);
      this.officers.addChild(s);
    }
    this.fit();
  }

  /**
   * At county scale, the residents of the neighbourhoods in view (drawn-residents.ts), drawn one by one over the
   * heat map from the next frame cut for them; null draws none.
   */
  setWindow(win: WindowLayout | null): void {
    const l = this.layout;
    if (!l || l.drawsResidents) return;
    this.windowIds = win?.ids;
    this.windowVersion = win?.version ?? 0;
    const empty = { cell: new Int32Array(0), kind: new Uint8Array(0), household: new Int32Array(0) };
    const part = win ? { cell: win.cell, kind: win.kind, household: win.household } : empty;
    this.buildResidents({ ...l, residents: part.cell.length, ...part });
    this.applySizes();
  }

  /** In a county, the neighbourhoods in view when zoomed in far enough to draw residents; else none. */
  visibleCells(): number[] {
    const l = this.layout;
    if (!l || l.drawsResidents || this.mode === 'neighbourhoods' || CELL * this.world.scale.x < AUTO_HEAT_PX) return [];
    const s = this.world.scale.x;
    const x0 = -this.world.x / s;
    const y0 = -this.world.y / s;
    const x1 = x0 + this.app.screen.width / s;
    const y1 = y0 + this.app.screen.height / s;
    const out: number[] = [];
    l.jurisdictions.forEach((j, i) => {
      const left = j.x0 * CELL + i * BORDER_GAP;
      const c0 = Math.max(0, Math.floor((x0 - left) / CELL));
      const c1 = Math.min(j.width - 1, Math.floor((x1 - left) / CELL));
      const r0 = Math.max(0, Math.floor(y0 / CELL));
      const r1 = Math.min(j.height - 1, Math.floor(y1 / CELL));
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(j.cellBase + r * j.width + c);
    });
    return out;
  }

  /** Lays out and makes particles for the residents a layout lists (all of a town, or a county's window). */
  private buildResidents(l: Layout, pos = layoutTown(l)): void {
    this.pos = pos;
    this.residents?.destroy();
    const pc = new ParticleContainer({
      texture: this.textures.circle,
      dynamicProperties: { position: false, vertex: false, rotation: false, uvs: false, color: true },
    });
    const drawn = l.cell.length;
    this.particles = new Array(drawn);
    for (let r = 0; r < drawn; r++) {
      const p = new Particle({ texture: this.textures[GROUP_SHAPE[kindGroup(l.kind[r])]], x: this.pos.x[r], y: this.pos.y[r], anchorX: 0.5, anchorY: 0.5 });
      // Unseen until a frame gives its colour (a county's window arrives before its first frame).
      p.color = 0;
      this.particles[r] = p;
      // One by one: spreading 100,000 particles into addParticle(...) overflows the call stack.
      pc.particleChildren.push(p);
    }
    this.residents = pc;
    this.appliedDot = 0;
    this.world.addChildAt(pc, 3);
    this.custody = undefined;
    this.placeHighlight();
    this.marks.removeChildren().forEach((c) => c.destroy());
    this.markAge = [];
    this.markLife = [];
  }

  /** The index among the drawn residents of resident `id`, or -1 (a county draws only its window). */
  private drawnIndex(id: number): number {
    const ids = this.windowIds;
    if (!ids) return this.drawsResidents ? id : -1;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ids[mid] === id) return mid;
      if (ids[mid] < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Applies a frame: the heat map, colours and visibility of residents, officers' beats, new event marks. */
  draw(f: Frame): void {
    if (!this.pos || !this.residents) return;
    this.cells = f.cells;
    this.heatStale = true;
    this.paintHeat();
    // A county's frame is for one window: colour the residents only if it is the one drawn.
    const matches = f.window === this.windowVersion;
    if (matches) this.custody = f.custody;
    const n = matches ? Math.min(this.particles.length, f.value.length) : 0;
    const lut = MEASURE_BGR[f.measure];
    const [lo, hi] = MEASURE_SCALES[f.measure].domain;
    const k = 255 / (hi - lo);
    for (let r = 0; r < n; r++) {
      const c = f.custody[r];
      const alpha = c === FREE ? 255 : c === REMOVED ? 0 : 70;
      const at = ((f.value[r] - lo) * k) | 0;
      this.particles[r].color = lut[at < 0 ? 0 : at > 255 ? 255 : at] + (alpha << 24);
    }
    // Each officer is drawn in the neighbourhood they patrol today (the model assigns beats daily, so
    // gliding between them would show journeys that do not exist).
    const officers = this.officers.children;
    for (let i = 0; i < f.officerCell.length && i < officers.length; i++) {
      const c = f.officerCell[i];
      officers[i].position.set(this.pos.cellX[c] + 20 + ((i * 37) % 60), this.pos.cellY[c] + 20 + ((i * 53) % 60));
    }
    const lastDay = f.eventDay.length ? f.eventDay[f.eventDay.length - 1] : 0;
    for (let k = 0; k < f.eventKind.length; k++) {
      if (f.eventDay[k] < lastDay - 14) continue;
      const style = MARKS[f.eventKind[k]];
      const at = style ? this.drawnIndex(f.eventResident[k]) : -1;
      if (style && at >= 0) this.addMark(style.shape, style.tint, style.seconds, style.size, at);
    }
  }

  /** Rings resident `id` (the one inspected) wherever it is drawn, with a line to each of `ties` drawn too; -1 for none. */
  highlight(id: number, ties: readonly number[] = []): void {
    this.highlighted = id;
    this.highlightedTies = id >= 0 ? ties : [];
    this.placeHighlight();
    this.bringIntoView(id);
  }

  /** Zoomed in on another part of the town, the view moves to centre a picked resident (a town drawn resident by resident). */
  private bringIntoView(id: number): void {
    const at = id >= 0 && this.pos && this.drawsResidents ? this.drawnIndex(id) : -1;
    if (at < 0 || !this.pos || at >= this.pos.x.length || this.fitted || this.heatShown()) return;
    const s = this.world.scale.x;
    const { width, height } = this.app.screen;
    const x = this.world.x + this.pos.x[at] * s;
    const y = this.world.y + this.pos.y[at] * s;
    if (x >= 0 && x <= width && y >= 0 && y <= height) return;
    this.world.position.set(width / 2 - this.pos.x[at] * s, height / 2 - this.pos.y[at] * s);
  }

  /** Where residents are drawn on the canvas (CSS pixels), x and y for each; NaN for one not drawn. */
  pointsOf(ids: readonly number[]): Float32Array {
    const out = new Float32Array(ids.length * 2).fill(Number.NaN);
    if (!this.pos || this.heatShown()) return out;
    const s = this.world.scale.x;
    ids.forEach((id, k) => {
      const at = this.drawnIndex(id);
      if (at < 0 || at >= this.pos!.x.length) return;
      out[2 * k] = this.world.x + this.pos!.x[at] * s;
      out[2 * k + 1] = this.world.y + this.pos!.y[at] * s;
    });
    return out;
  }

  private placeHighlight(): void {
    const at = this.highlighted >= 0 ? this.drawnIndex(this.highlighted) : -1;
    const ring = this.highlightRing;
    ring.visible = !!this.pos && at >= 0 && at < this.pos.x.length && !this.heatShown();
    const lines = this.tieLines.clear();
    this.tiesDrawn = 0;
    if (!ring.visible || !this.pos) return;
    const { x, y } = this.pos;
    ring.position.set(x[at], y[at]);
    // Large enough to find at any zoom: at least 22 pixels across on screen.
    ring.width = ring.height = Math.max(this.pos.dot * 5, 22 / this.world.scale.x);
    for (const t of this.highlightedTies) {
      const to = this.drawnIndex(t);
      if (to < 0 || to >= x.length) continue;
      lines.moveTo(x[at], y[at]).lineTo(x[to], y[to]);
      this.tiesDrawn++;
    }
    // About 1.5 pixels wide on screen whatever the zoom.
    if (this.tiesDrawn > 0) lines.stroke({ color: 0xe07a1f, width: 1.5 / this.world.scale.x, alpha: 0.9 });
  }

  /** Chooses the measure the heat map shows. */
  setMeasure(m: HeatMeasure): void {
    this.measure = m;
    this.heatStale = true;
    this.paintHeat();
  }

  /** Chooses what the view draws. */
  setMode(m: ViewMode): void {
    this.mode = m;
    this.updateVisibility();
  }

  /** What the view draws now, and how many resident particles it holds (none at county scale). */
  showing(): { layer: 'residents' | 'neighbourhoods'; particles: number; drawsResidents: boolean; homes: boolean; ties: number } {
    // particles: residents held for drawing (a county's window, or none); homes: household plots drawn; ties: lines to the inspected resident's ties.
    return {
      layer: this.heatShown() ? 'neighbourhoods' : 'residents',
      particles: this.particles.length,
      drawsResidents: this.drawsResidents,
      homes: this.homes.visible,
      ties: this.tiesDrawn,
    };
  }

  /** The resident under a point of the canvas (CSS pixels), or -1. */
  pick(canvasX: number, canvasY: number): number {
    if (!this.pos) return -1;
    const s = this.world.scale.x;
    const wx = (canvasX - this.world.x) / s;
    const wy = (canvasY - this.world.y) / s;
    const custody = this.custody;
    if (this.heatShown()) return -1;
    const at = nearestResident(this.pos, wx, wy, Math.max(this.pos.dot * 2, 8 / s), custody ? (r) => custody[r] !== REMOVED : undefined);
    return at >= 0 && this.windowIds ? this.windowIds[at] : at;
  }

  /** Zooms by `factor` keeping canvas point (cx, cy) fixed (the centre by default). */
  zoomBy(factor: number, cx = this.app.screen.width / 2, cy = this.app.screen.height / 2): void {
    this.fitted = false;
    const s = Math.min(40, Math.max(0.05, this.world.scale.x * factor));
    const k = s / this.world.scale.x;
    this.world.position.set(cx - (cx - this.world.x) * k, cy - (cy - this.world.y) * k);
    this.world.scale.set(s);
    this.applySizes();
  }

  panBy(dx: number, dy: number): void {
    this.fitted = false;
    this.world.position.set(this.world.x + dx, this.world.y + dy);
  }

  /** Shows the whole town. */
  fit(): void {
    if (!this.pos) return;
    this.fitted = true;
    const pad = 16;
    const { width, height } = this.app.screen;
    const s = Math.min((width - 2 * pad) / this.pos.width, (height - 2 * pad - 18) / this.pos.height);
    this.world.scale.set(s);
    this.world.position.set((width - this.pos.width * s) / 2, 18 + (height - 18 - this.pos.height * s) / 2);
    this.applySizes();
  }

  /**
   * Keeps residents, officers and marks visible when zoomed out: each is drawn at its world size or a
   * minimum size on screen, whichever is larger. Resizing 100,000 particles happens only on zoom.
   */
  private applySizes(): void {
    if (!this.pos || !this.residents) return;
    this.updateVisibility();
    const zoom = this.world.scale.x;
    const dot = Math.max(this.pos.dot, MIN_SCREEN.resident / zoom);
    if (Math.abs(dot - this.appliedDot) > 1e-3 * dot) {
      const scale = dot / SHAPE_SIZE;
      for (const p of this.particles) p.scaleX = p.scaleY = scale;
      this.residents.update();
      this.appliedDot = dot;
    }
    const officer = Math.max(this.pos.dot * 3.2, MIN_SCREEN.officer / zoom);
    for (const s of this.officers.children) (s as Sprite).width = (s as Sprite).height = officer;
    const label = Math.max(1, MIN_SCREEN.label / (LABEL_FONT * zoom));
    for (const t of this.labels.children) {
      t.scale.set(label);
      t.y = -8 - LABEL_FONT * label;
    }
  }

  /** A PNG of the view as it is now. */
  async snapshot(): Promise<Blob> {
    const canvas = this.app.renderer.extract.canvas({ target: this.app.stage, frame: this.app.screen }) as HTMLCanvasElement | OffscreenCanvas;
    if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no image'))), 'image/png'));
  }

  destroy(): void {
    this.app.destroy(true, { children: true });
  }

  private heatShown(): boolean {
    if (this.mode === 'neighbourhoods') return true;
    const zoomedOut = CELL * this.world.scale.x < AUTO_HEAT_PX;
    // A county shows residents only where it has a window of them, zoomed in.
    if (!this.drawsResidents) return zoomedOut || !this.windowIds;
    return this.mode === 'auto' && zoomedOut;
  }

  private updateVisibility(): void {
    const heat = this.heatShown();
    // In a county zoomed in, the heat map stays faintly under its residents, and shows where no window reaches.
    this.heat.visible = heat || !this.drawsResidents;
    if (this.heat.visible) this.paintHeat();
    this.heat.alpha = heat ? 1 : 0.35;
    if (this.residents) this.residents.visible = !heat;
    this.homes.visible = !heat && this.drawsResidents && this.smallestHome > 0 && this.smallestHome * this.world.scale.x >= HOME_PX;
    this.officers.visible = !heat;
    this.marks.visible = !heat;
    this.placeHighlight();
  }

  /** One texture per jurisdiction, a pixel per neighbourhood, laid over the neighbourhoods' squares. */
  private buildHeat(l: Layout): void {
    this.heat.removeChildren().forEach((c) => c.destroy({ texture: true, textureSource: true }));
    this.heatLayers = l.jurisdictions.map((j, i) => {
      const data = new Uint8Array(j.width * j.height * 4);
      const source = new BufferImageSource({ resource: data, width: j.width, height: j.height, format: 'rgba8unorm', scaleMode: 'nearest' });
      const sprite = new Sprite(new Texture({ source }));
      sprite.position.set(j.x0 * CELL + i * BORDER_GAP, 0);
      sprite.width = j.width * CELL;
      sprite.height = j.height * CELL;
      this.heat.addChild(sprite);
      return { source, pixels: new Uint32Array(data.buffer), cellBase: j.cellBase, cells: j.width * j.height };
    });
    this.heatStale = true;
    this.updateVisibility();
  }

  /**
   * Colours each neighbourhood by the chosen measure (one with no residents left stays blank), from the
   * same 256-colour table as the residents. Only while the heat map is shown, and once per new frame or
   * measure: a town drawn resident by resident uploads no texture each frame.
   */
  private paintHeat(): void {
    const cells = this.cells;
    if (!cells || !this.heatStale || !this.heat.visible) return;
    this.heatStale = false;
    const slot = CELL_MEASURES.indexOf(this.measure);
    const lut = MEASURE_BGR[this.measure];
    const [lo, hi] = MEASURE_SCALES[this.measure].domain;
    const k255 = 255 / (hi - lo);
    for (const layer of this.heatLayers) {
      for (let k = 0; k < layer.cells; k++) {
        const o = (layer.cellBase + k) * MEASURE_COUNT;
        if (!(cells[o + RESIDENTS_SLOT] > 0)) {
          layer.pixels[k] = 0;
          continue;
        }
        const at = ((cells[o + slot] - lo) * k255) | 0;
        // Bytes r, g, b, a in memory: the table's blue-green-red word with an opaque alpha on top.
        layer.pixels[k] = (lut[at < 0 ? 0 : at > 255 ? 255 : at] | 0xff000000) >>> 0;
      }
      layer.source.update();
    }
  }

  private drawBackground(l: Layout): void {
    const g = this.background.clear();
    this.labels.removeChildren().forEach((c) => c.destroy());
    const pos = this.pos!;
    // Streets: the jurisdiction's ground shows between the neighbourhoods' blocks.
    l.jurisdictions.forEach((j, i) => g.rect(j.x0 * CELL + i * BORDER_GAP, 0, j.width * CELL, j.height * CELL));
    g.fill({ color: 0xd3cec2 });
    for (let c = 0; c < pos.cellX.length; c++) g.rect(pos.cellX[c] + STREET, pos.cellY[c] + STREET, CELL - 2 * STREET, CELL - 2 * STREET);
    g.fill({ color: 0xf3f0e9 });
    // Homes: one plot per household, drawn only when zoomed in (updateVisibility).
    const h = this.homes.clear();
    this.smallestHome = pos.homeSide.length > 0 ? Infinity : 0;
    for (let k = 0; k < pos.homeX.length; k++) {
      const side = pos.homeSide[k];
      this.smallestHome = Math.min(this.smallestHome, side);
      h.rect(pos.homeX[k] - side / 2, pos.homeY[k] - side / 2, side, side);
    }
    if (pos.homeX.length > 0) h.fill({ color: 0xe4ded1 }).stroke({ color: 0xcdc6b6, width: Math.min(0.6, pos.homeSide[0] * 0.05) });
    l.jurisdictions.forEach((j, i) => {
      const x0 = j.x0 * CELL + i * BORDER_GAP;
      g.rect(x0 - 3, -3, j.width * CELL + 6, j.height * CELL + 6).stroke({ color: 0x333333, width: 4 });
      const label = new Text({
        text: this.jurisdictionLabels[i] ?? `${j.name}: ${policyLabel(j.model, j.sanctuary, j.trustBuilding)}`,
        style: { fontSize: LABEL_FONT, fill: 0x222222, fontFamily: 'system-ui, sans-serif' },
      });
      label.position.set(x0, -40);
      this.labels.addChild(label);
    });
  }

  private addMark(shape: Shape, tint: number, seconds: number, size: number, resident: number): void {
    if (!this.pos || resident < 0 || resident >= this.pos.x.length) return;
    // Reuse a faded mark, else add one, else recycle the oldest.
    let i = this.marks.children.findIndex((m) => !m.visible);
    if (i < 0 && this.marks.children.length < MAX_MARKS) {
      this.marks.addChild(new Sprite({ anchor: 0.5 }));
      i = this.marks.children.length - 1;
    } else if (i < 0) {
      i = this.markAge.indexOf(Math.max(...this.markAge));
    }
    const s = this.marks.children[i] as Sprite;
    s.texture = this.textures[shape];
    s.tint = tint;
    s.width = s.height = Math.max(this.pos.dot * size, (MIN_SCREEN.mark * size) / 5 / this.world.scale.x);
    s.position.set(this.pos.x[resident], this.pos.y[resident]);
    s.alpha = 1;
    s.visible = true;
    this.markAge[i] = 0;
    this.markLife[i] = seconds;
  }

  /** Event marks fade out over their lifetime. */
  private animate(dt: number): void {
    const marks = this.marks.children;
    for (let i = 0; i < marks.length; i++) {
      if (!marks[i].visible) continue;
      this.markAge[i] += dt;
      const left = 1 - this.markAge[i] / this.markLife[i];
      if (left <= 0) marks[i].visible = false;
      else marks[i].alpha = left;
    }
  }
}
