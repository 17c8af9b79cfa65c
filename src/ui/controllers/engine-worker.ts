import * as Comlink from 'comlink';
import type { EngineApi } from '../../../workers/contract.ts';

/** An engine Worker, its comlink API, and a promise that settles when the Worker has ended. */
export interface LiveWorker {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  /**
   * Settles once the Worker has ended for whatever reason (closed, terminated, crashed): it holds a Web
   * Lock while it lives, and a dead Worker otherwise never answers and never says so.
   */
  ended: Promise<void>;
}

let started = 0;

/** Starts an engine Worker (explore's engine and the pools' members alike) with its lifeline. */
export function startEngineWorker(name: string): LiveWorker {
  const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name });
  const api = Comlink.wrap<EngineApi>(worker);
  const lock = `${name}-lifeline-${++started}-${Math.random().toString(36).slice(2, 8)}`;
  // Ask for the lock only once the Worker holds it: then the request is granted exactly when it ends.
  const ended = api.holdLifeline(lock).then(() => navigator.locks.request(lock, () => undefined));
  return { worker, api, ended };
}
