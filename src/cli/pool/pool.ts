import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ReplicateResult, ReplicateTask } from '../../engine/index.ts';

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Called as each task finishes, with how many are done. */
  onResult?: (index: number, done: number, total: number) => void;
  /** Stops handing out tasks; the ones running are abandoned, the finished ones kept. */
  signal?: AbortSignal;
}

export interface PoolOutcome {
  /** Results by task index; undefined where a task did not finish (cancelled). */
  results: (ReplicateResult | undefined)[];
  cancelled: boolean;
}

/** The worker's entry: it registers tsx's loader in the thread, then loads replicate-worker.ts. */
const WORKER_URL = new URL('./worker-entry.mjs', import.meta.url);

/** Default worker count: every core (the CLI has no page to keep responsive). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Runs replicate tasks on worker threads. Each task depends only on its own data (scenario, seed,
 * replicate), and results are placed by task index, so the outcome does not depend on the number of
 * workers or on which finishes first.
 */
export function runPool(tasks: ReplicateTask[], opts: PoolOptions = {}): Promise<PoolOutcome> {
  const n = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), tasks.length || 1));
  const results: (ReplicateResult | undefined)[] = new Array(tasks.length).fill(undefined);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let settled = false;
    const finish = (cancelled: boolean, error?: Error) => {
      if (settled) return;
      settled = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve({ results, cancelled });
    };
    if (tasks.length === 0) return finish(false);
    opts.signal?.addEventListener('abort', () => finish(true), { once: true });
    const feed = (w: Worker) => {
      if (settled) return;
      if (opts.signal?.aborted) return finish(true);
      if (next >= tasks.length) {
        if (done === tasks.length) finish(false);
        return;
      }
      const id = next++;
      w.postMessage({ id, task: tasks[id] });
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(WORKER_URL);
      workers.push(w);
      w.on('message', (msg: { id: number; result?: ReplicateResult; error?: string }) => {
        if (msg.error) return finish(false, new Error(`replicate ${tasks[msg.id].replicate} failed: ${msg.error}`));
        results[msg.id] = msg.result;
        done++;
        opts.onResult?.(msg.id, done, tasks.length);
        feed(w);
      });
      w.on('error', (e) => finish(false, e));
      feed(w);
    }
  });
}
