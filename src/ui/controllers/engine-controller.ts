import * as Comlink from 'comlink';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Frame, Layout, RunSummary, ResidentInfo, ViewMeasure, WeeklySeries, WindowLayout } from '../../engine/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { CreateResult, EngineApi, Manifest, Tick } from '../../../workers/contract.ts';
import { EngineUnavailable, startEngineWorker } from './engine-worker.ts';

export type RunStatus = 'starting' | 'preparing' | 'ready' | 'playing' | 'finished' | 'invalid' | 'error';

/**
 * Simulated days per second of wall-clock time. Play advances by elapsed time, not by frame, so a slow
 * display (software rendering, a projector laptop) shows fewer frames but the same pace.
 */
export const SPEEDS = [
  { label: '1 week a second', days: 7 },
  { label: '1 month a second', days: 30 },
  { label: '3 months a second', days: 91 },
  { label: '1 year a second', days: 365 },
] as const;
/** Most days one request asks of the Worker, so a frame is never long in coming. */
const MAX_DAYS_PER_REQUEST = 30;

/**
 * Owns the engine Worker for a component: loading a scenario, playing, pausing, stepping, and the
 * results streamed back (frames for the town view, weekly metrics for the charts). The model never runs
 * on the page's thread; each call here is a message to the Worker.
 */
export class EngineController implements ReactiveController {
  status: RunStatus = 'starting';
  /** Burn-in progress while preparing, in [0, 1]. */
  preparing = 0;
  problems: string[] = [];
  errorMessage = '';
  scenario?: Scenario;
  manifest?: Manifest;
  layout?: Layout;
  /** The newest frame until a listener takes it. */
  frame?: Frame;
  day = 0;
  days = 0;
  /** The furthest day simulated: the timeline scrubs from 0 to here. */
  furthest = 0;
  /** Memory the Worker holds for the timeline's snapshots. */
  snapshots = { count: 0, bytes: 0, every: 0 };
  activationDay = 0;
  speed: number = SPEEDS[1].days;
  /** Weekly series accumulated as weeks close. */
  weekly?: WeeklySeries;
  summary?: RunSummary;

  /** Said once the engine's Worker died and was replaced: what happened and where the run stands. */
  restartNote = '';

  private worker!: Worker;
  private api!: Comlink.Remote<EngineApi>;
  /** Rejects when the current Worker ends; every call to it races this, so none waits for ever. */
  private died!: Promise<never>;
  private disposed = false;
  /** What was last loaded, to rebuild the run in a fresh Worker. */
  private loaded?: { input: unknown; seed: number };
  private busy = false;
  private rafId = 0;
  private loadToken = 0;
  private summaryAsked = 0;
  private summaryShown = 0;
  /** Day of the run the summary was last asked for. */
  private summaryDay = 0;
  private readonly frameListeners = new Set<(f: Frame, l: Layout) => void>();
  private seeking = false;
  /** What the town view colours residents by; told to every engine Worker this controller starts. */
  private viewMeasure: ViewMeasure = 'trust';
  private pendingSeek?: number;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.spawn();
  }

  /**
   * Starts an engine Worker. It holds a lifeline while it lives; when that is let go without the page
   * having ended it, the Worker died (closed, crashed), and the run is rebuilt in a fresh one. A Worker
   * whose script fails before it started is not started again: the page is told to reload.
   */
  private spawn(): void {
    const { worker, api, ended, hasStarted } = startEngineWorker('trustfall-engine');
    this.worker = worker;
    this.api = api;
    void api.setViewMeasure(this.viewMeasure).catch(() => undefined);
    this.died = ended.then(() => Promise.reject(WORKER_DIED));
    this.died.catch(() => {
      if (!this.disposed && this.worker === worker) void this.recover();
    });
    worker.addEventListener('error', (e) => this.fail(hasStarted() ? e.message || 'the engine stopped unexpectedly' : new EngineUnavailable().message));
  }

  /** A call to the current Worker, or a rejection with WORKER_DIED if it ends first. */
  private call<T>(fn: (api: Comlink.Remote<EngineApi>) => Promise<T>): Promise<T> {
    return Promise.race([fn(this.api), this.died]);
  }

  /** Rebuilds the run in a fresh Worker and brings it back to the day it had reached (runs are deterministic). */
  private async recover(): Promise<void> {
    cancelAnimationFrame(this.rafId);
    const day = this.day;
    this.worker.terminate();
    this.spawn();
    if (!this.loaded) return;
    this.restartNote = `The engine stopped unexpectedly and was restarted; rebuilding the run to day ${day}…`;
    const ok = await this.load(this.loaded.input, this.loaded.seed);
    if (!ok) return;
    this.busy = true;
    try {
      while (this.day < day) await this.receive(await this.call((a) => a.advance(Math.min(MAX_DAYS_PER_REQUEST * 4, day - this.day))));
    } catch (e) {
      if (e !== WORKER_DIED) this.fail((e as Error).message);
      return;
    } finally {
      this.busy = false;
    }
    await this.refreshSummary();
    this.restartNote = `The engine stopped unexpectedly and was restarted; the run was rebuilt to day ${day}, exactly as it was.`;
    this.host.requestUpdate();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    cancelAnimationFrame(this.rafId);
    this.disposed = true;
    this.worker.terminate();
  }

  /**
   * Calls `fn` with every new frame (the town view draws from it without re-rendering the page). A
   * frame is handed over: the listener may transfer its buffers on, so the controller keeps none.
   */
  onFrame(fn: (f: Frame, l: Layout) => void): () => void {
    this.frameListeners.add(fn);
    if (this.frame && this.layout) this.handOver(this.frame);
    return () => this.frameListeners.delete(fn);
  }

  /** Validates and builds a scenario in the Worker; invalid input leaves the status 'invalid'. */
  async load(input: unknown, seed: number): Promise<boolean> {
    this.pause();
    const token = ++this.loadToken;
    this.status = 'preparing';
    this.preparing = 0;
    this.problems = [];
    this.host.requestUpdate();
    let result: CreateResult;
    try {
      result = await this.call<CreateResult>((a) =>
        a.create(
          input,
          seed,
          Comlink.proxy((share: number) => {
            if (token !== this.loadToken) return;
            this.preparing = share;
            this.host.requestUpdate();
          }),
        ),
      );
    } catch (e) {
      if (e !== WORKER_DIED) this.fail((e as Error).message);
      return false;
    }
    if (token !== this.loadToken) return false;
    if (result.ok) this.loaded = { input, seed };
    return this.accept(result);
  }

  /** Starts advancing a few days per animation frame. */
  play(): void {
    if (this.status !== 'ready') return;
    this.status = 'playing';
    this.host.requestUpdate();
    let last = performance.now();
    let owed = 0;
    const loop = async (now: number) => {
      if (this.status !== 'playing') return;
      owed += ((now - last) / 1000) * this.speed;
      last = now;
      const days = Math.min(MAX_DAYS_PER_REQUEST, Math.floor(owed));
      if (days > 0 && !this.busy) {
        owed -= days;
        await this.advance(days);
      }
      // Never bank more than a request's worth, so a stalled tab does not leap ahead when it wakes.
      owed = Math.min(owed, MAX_DAYS_PER_REQUEST);
      if (this.status === 'playing') this.rafId = requestAnimationFrame(loop);
    };
    this.rafId = requestAnimationFrame(loop);
  }

  pause(): void {
    cancelAnimationFrame(this.rafId);
    if (this.status === 'playing') this.status = 'ready';
    // What the paused run shows is the summary of every day run so far.
    this.summaryDay = this.day;
    void this.refreshSummary();
    this.host.requestUpdate();
  }

  /** Advances exactly `days` days (a day, a week) while paused. */
  async stepDays(days: number): Promise<void> {
    if (this.status !== 'ready' || this.busy) return;
    await this.advance(days);
  }

  /**
   * Takes the run to a day already simulated (pausing it): the town, charts and summary show that day,
   * and playing on continues exactly as the run did. While a seek is under way, later requests replace
   * each other, so dragging the scrubber asks only for the last day it passed.
   */
  async seek(day: number): Promise<void> {
    if (!['ready', 'playing', 'finished'].includes(this.status)) return;
    this.pendingSeek = Math.max(0, Math.min(Math.round(day), this.furthest));
    if (this.seeking) return;
    cancelAnimationFrame(this.rafId);
    if (this.status === 'playing') this.status = 'ready';
    this.seeking = true;
    try {
      while (this.pendingSeek !== undefined) {
        // A step or play request under way finishes first.
        while (this.busy) await new Promise((r) => setTimeout(r, 10));
        const target = this.pendingSeek;
        this.pendingSeek = undefined;
        this.busy = true;
        try {
          await this.receive(await this.call((a) => a.seek(target)));
        } finally {
          this.busy = false;
        }
      }
    } catch (e) {
      if (e !== WORKER_DIED) this.fail((e as Error).message);
      return;
    } finally {
      this.seeking = false;
    }
    this.status = this.day >= this.days ? 'finished' : 'ready';
    this.summaryDay = this.day;
    await this.refreshSummary();
    this.host.requestUpdate();
  }

  /** Runs to the end as fast as the Worker can, drawing as it goes. */
  async runToEnd(): Promise<void> {
    if (this.status !== 'ready' && this.status !== 'playing') return;
    cancelAnimationFrame(this.rafId);
    this.status = 'playing';
    this.busy = true;
    this.host.requestUpdate();
    try {
      while (this.status === 'playing' && this.day < this.days) await this.receive(await this.call((a) => a.advance(60)));
    } catch (e) {
      if (e === WORKER_DIED) return;
      this.fail((e as Error).message);
    } finally {
      this.busy = false;
    }
    // The summary is brought up to date before the status says so.
    await this.refreshSummary();
    if (this.status === 'playing') this.status = this.day >= this.days ? 'finished' : 'ready';
    this.host.requestUpdate();
  }

  async reset(): Promise<void> {
    this.pause();
    this.status = 'preparing';
    this.host.requestUpdate();
    try {
      this.accept(await this.call<CreateResult>((a) => a.reset()));
    } catch (e) {
      if (e !== WORKER_DIED) this.fail((e as Error).message);
    }
  }

  async inspect(resident: number): Promise<ResidentInfo | undefined> {
    try {
      return await this.call((a) => a.inspect(resident));
    } catch {
      return undefined;
    }
  }

  /**
   * In a county drawn by neighbourhood: asks the engine for the residents of these neighbourhoods (the
   * town view zoomed in), and a frame of them at once. Returns their layout, null with none, or how many
   * residents the neighbourhoods hold when that is too many to draw.
   */
  async setWindow(cells: number[]): Promise<WindowLayout | { tooMany: number } | null> {
    try {
      const win = await this.call<WindowLayout | { tooMany: number } | null>((a) => a.setWindow(cells));
      if (win && !('tooMany' in win)) {
        // The window's first frame follows its layout, so the renderer has both in order.
        queueMicrotask(
          () =>
            void this.call((a) => a.frameNow()).then(
              (f) => this.handOver(f),
              () => undefined,
            ),
        );
      }
      return win;
    } catch {
      return null;
    }
  }

  /** Colours residents by another measure from now on, and redraws the day shown at once. */
  async setViewMeasure(measure: ViewMeasure): Promise<void> {
    this.viewMeasure = measure;
    try {
      await this.call((a) => a.setViewMeasure(measure));
      if (this.layout) this.handOver(await this.call((a) => a.frameNow()));
    } catch {
      // A Worker that died is being replaced; its new frames use the default until asked again.
    }
  }

  /** The whole weekly series so far, every group and metric (the live one holds only what the charts draw). */
  async fullWeekly(): Promise<WeeklySeries | undefined> {
    return this.layout ? await this.call((a) => a.weekly()) : undefined;
  }

  /** Fetches the summary of the days run so far; an older request never overwrites a newer answer. */
  async refreshSummary(): Promise<RunSummary | undefined> {
    if (!this.layout) return undefined;
    const asked = ++this.summaryAsked;
    let s: RunSummary;
    try {
      s = await this.call((a) => a.summary());
    } catch {
      return undefined;
    }
    if (asked >= this.summaryShown) {
      this.summaryShown = asked;
      this.summary = s;
      this.host.requestUpdate();
    }
    return s;
  }

  private async advance(days: number): Promise<void> {
    this.busy = true;
    try {
      await this.receive(await this.call((a) => a.advance(days)));
    } catch (e) {
      if (e === WORKER_DIED) return;
      this.fail((e as Error).message);
    } finally {
      this.busy = false;
    }
    if (this.day >= this.days && this.status !== 'error') {
      cancelAnimationFrame(this.rafId);
      await this.refreshSummary();
      this.status = 'finished';
      this.host.requestUpdate();
    }
  }

  private async receive(t: Tick): Promise<void> {
    this.day = t.day;
    this.furthest = t.furthest;
    this.snapshots = t.snapshots;
    if (t.replaceWeeks) this.weekly = t.weeks;
    else if (this.weekly && t.weeks.weeks > 0) appendWeeks(this.weekly, t.weeks);
    this.handOver(t.frame);
    // Every half simulated year while it plays, however many days each request advanced (and on pause):
    // a summary rendered beside a tick can make a task of about 50 ms on a slow machine.
    if (t.day - this.summaryDay >= 182) {
      this.summaryDay = t.day;
      void this.refreshSummary();
    }
    this.host.requestUpdate();
  }

  private accept(result: CreateResult): boolean {
    if (!result.ok) {
      this.status = 'invalid';
      this.problems = result.problems;
      this.host.requestUpdate();
      return false;
    }
    this.scenario = result.scenario;
    this.manifest = result.manifest;
    this.layout = result.layout;
    this.day = 0;
    this.furthest = 0;
    this.days = result.days;
    this.activationDay = result.activationDay;
    this.weekly = {
      weeks: 0,
      startDay: [],
      jurisdictions: result.scenario.jurisdictions.map((j) => ({ name: j.name, groups: {} as WeeklySeries['jurisdictions'][number]['groups'] })),
    };
    this.summary = undefined;
    this.summaryDay = 0;
    this.status = 'ready';
    this.handOver(result.frame);
    this.host.requestUpdate();
    return true;
  }

  private handOver(f: Frame): void {
    this.frame = f;
    if (!this.layout || this.frameListeners.size === 0) return;
    for (const fn of this.frameListeners) fn(f, this.layout);
    this.frame = undefined;
  }

  private fail(message: string): void {
    cancelAnimationFrame(this.rafId);
    this.status = 'error';
    this.errorMessage = message;
    this.host.requestUpdate();
  }
}

/** The reason a call fails when the engine's Worker ended before answering. */
const WORKER_DIED = Symbol('the engine Worker ended');

/** Appends newly closed weeks to the accumulated series, in place. */
function appendWeeks(into: WeeklySeries, add: WeeklySeries): void {
  into.weeks += add.weeks;
  into.startDay.push(...add.startDay);
  add.jurisdictions.forEach((j, i) => {
    const target = into.jurisdictions[i].groups as Record<string, Record<string, (number | null)[]>>;
    for (const [g, cols] of Object.entries(j.groups)) {
      target[g] ??= {};
      for (const [k, values] of Object.entries(cols)) {
        target[g][k] ??= [];
        target[g][k].push(...values);
      }
    }
  });
}
