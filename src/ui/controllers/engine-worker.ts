import * as Comlink from 'comlink';
import type { EngineApi } from '../../../workers/contract.ts';

/** An engine Worker, its comlink API, and a promise that settles when the Worker has ended. */
export interface LiveWorker {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  /**
   * Settles once the Worker has ended for whatever reason (closed, terminated, crashed): it holds a Web
   * Lock while it lives, and a dead Worker otherwise never answers and never says so. Never settles
   * where the page has no Web Locks (an insecure context).
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
  // Web Locks exist only in a secure context: served over plain http on a classroom network there are
  // none, and a Worker that dies silently is then noticed only if it reports an error.
  const ended = 'locks' in navigator ? api.holdLifeline(lock).then(() => navigator.locks.request(lock, () => undefined)) : new Promise<void>(() => {});
  return { worker, api, ended };
}
