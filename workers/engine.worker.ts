/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import {
  advanceRecording,
  createTimeline,
  createWorld,
  frame,
  frameTransferables,
  inspectResident,
  layout,
  runTask,
  seekDay,
  stepInChunksAsync,
  summarise,
  timelineMemory,
  weeklySeries,
  windowLayout,
  ENGINE_VERSION,
  RESIDENT_DRAW_LIMIT,
  type Timeline,
  type ViewMeasure,
  type World,
} from '../src/engine/index.ts';
import { resolveScenario, scenarioHash, ScenarioError, type Scenario } from '../src/scenario/index.ts';
import { holdLifeline } from './lifeline.ts';
import { TICK_SERIES, type CreateResult, type EngineApi, type Tick } from './contract.ts';

/** Days run between yields while building (burn-in), so progress and other calls get through. */
const CHUNK_DAYS = 30;

let world: World | undefined;
let timeline: Timeline = createTimeline();
let scenario: Scenario | undefined;
let seed = 0;
let eventCursor = 0;
/** The residents drawn one by one in a county (the neighbourhoods in view), if any. */
let window: { version: number; ids: Int32Array } | undefined;
let windowVersion = 0;
/** What frames colour residents by (the town view's choice). */
let viewMeasure: ViewMeasure = 'trust';
let weeksSent = 0;

function need(): World {
  if (!world) throw new Error('no scenario loaded: call create first');
  return world;
}

const yieldToMessages = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function build(onProgress?: (share: number) => void): Promise<CreateResult> {
  const s = scenario!;
  const w = createWorld(s, seed, 0);
  const burnIn = w.params.burnInDays;
  await stepInChunksAsync(w, 0, CHUNK_DAYS, async () => {
    onProgress?.((w.day + burnIn) / Math.max(1, burnIn));
    await yieldToMessages();
  });
  world = w;
  window = undefined;
  timeline = createTimeline();
  advanceRecording(timeline, w, 0);
  eventCursor = w.events.written;
  weeksSent = 0;
  const f = frame(w, eventCursor, undefined, viewMeasure);
  eventCursor = f.eventCursor;
  const l = layout(w);
  const result: CreateResult = {
    ok: true,
    scenario: s,
    manifest: { engineVersion: ENGINE_VERSION, scenarioHash: scenarioHash(s), seed },
    layout: l,
    days: w.params.days,
    activationDay: w.params.activationDay,
    frame: f,
  };
  return Comlink.transfer(result, [l.cell.buffer, l.kind.buffer, l.household.buffer, ...frameTransferables(f)] as ArrayBuffer[]);
}

function tick(w: World, replaceWeeks = false): Tick {
  const f = frame(w, eventCursor, window, viewMeasure);
  eventCursor = f.eventCursor;
  // Only what the live charts draw: the whole series is fetched when it is exported.
  if (replaceWeeks) weeksSent = 0;
  const weeks = weeklySeries(w, weeksSent, TICK_SERIES);
  weeksSent += weeks.weeks;
  const m = timelineMemory(timeline);
  const result: Tick = {
    day: w.day,
    done: w.day >= w.params.days,
    frame: f,
    weeks,
    replaceWeeks,
    furthest: timeline.furthest,
    snapshots: { count: m.snapshots, bytes: m.bytes, every: m.every },
  };
  return Comlink.transfer(result, frameTransferables(f));
}

const api: EngineApi = {
  async create(input, newSeed, onProgress) {
    try {
      scenario = resolveScenario(input);
    } catch (e) {
      if (e instanceof ScenarioError) return { ok: false, problems: e.problems };
      throw e;
    }
    seed = newSeed;
    return build(onProgress);
  },
  async advance(days) {
    const w = need();
    advanceRecording(timeline, w, days);
    return tick(w);
  },
  async seek(day) {
    const w = need();
    seekDay(timeline, w, day);
    // No burst of the events between: the town shows the day it was taken to.
    eventCursor = w.events.written;
    return tick(w, true);
  },
  async reset() {
    if (!scenario) throw new Error('no scenario loaded: call create first');
    return build();
  },
  async setWindow(cells) {
    const w = need();
    if (cells.length === 0 || w.residents.count <= RESIDENT_DRAW_LIMIT) {
      window = undefined;
      return null;
    }
    const l = windowLayout(w, cells, RESIDENT_DRAW_LIMIT, ++windowVersion);
    if ('tooMany' in l) return l;
    window = { version: l.version, ids: l.ids };
    return l;
  },
  async setViewMeasure(m) {
    viewMeasure = m;
  },
  async frameNow() {
    const f = frame(need(), eventCursor, window, viewMeasure);
    eventCursor = f.eventCursor;
    return Comlink.transfer(f, frameTransferables(f));
  },
  async summary() {
    return summarise(need());
  },
  async weekly() {
    return weeklySeries(need());
  },
  async inspect(resident) {
    return inspectResident(need(), resident);
  },
  async runTask(task) {
    return runTask(task);
  },
  holdLifeline(name, kind) {
    return holdLifeline(name, kind);
  },
};

Comlink.expose(api);
