import * as Comlink from 'comlink';
import type { EngineApi } from '../../../workers/contract.ts';
import { LIFELINE_PREFIX, lifelineEnded, lifelineKind, sweepLifelines } from './lifeline.ts';

/** An engine Worker, its comlink API, and a promise that settles when the Worker has ended. */
export interface LiveWorker {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  /**
   * Settles once the Worker has ended for whatever reason (closed, terminated, crashed): it holds a
   * lifeline while it lives (see lifeline.ts), and a dead Worker otherwise never answers and never says so.
   */
  ended: Promise<void>;
  /**
   * Resolves once the Worker has started: its script loaded and it answered about its lifeline (held,
   * or not to be had). Never, if its script fails to load.
   */
  started: Promise<void>;
  /** Whether `started` has resolved: a Worker that fails before then could not load its script. */
  hasStarted: () => boolean;
}

/**
 * A Worker that failed before it started: its script could not be loaded or run, typically because
 * this page is older than the app now served (a new build replaced the Worker's file). Starting it
 * again would fail again, so pools stop and say so instead of spawning it over and over.
 */
export class EngineUnavailable extends Error {
  constructor() {
    super('the engine could not be loaded (this page may be older than the version of Trustfall now installed); reload the page');
  }
}

let count = 0;

/** Starts an engine Worker (explore's engine and the pools' members alike) with its lifeline. */
export function startEngineWorker(name: string): LiveWorker {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name });
  const api = Comlink.wrap<EngineApi>(worker);
  if (count === 0) void sweepLifelines();
  const lifeline = `${LIFELINE_PREFIX}${name}-${++count}-${Math.random().toString(36).slice(2, 8)}`;
  // Watch the lifeline only once the Worker holds it: then the watch is granted exactly when it ends.
  const answered = api.holdLifeline(lifeline, lifelineKind());
  const ended = lifelineEnded(lifeline, answered);
  let running = false;
  const markStarted = () => {
    running = true;
  };
  const started = answered.then(markStarted, markStarted);
  return { worker, api, ended, started, hasStarted: () => running };
}
