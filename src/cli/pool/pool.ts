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
 * Worker threads that stay up between batches of replicate tasks (a calibration runs hundreds of small
 * batches; starting threads for each would cost more than the runs). Each task depends only on its own
 * data, and results are placed by task index, so the outcome does not depend on the number of workers
 * or on which finishes first.
 */
export class ThreadPool {
  private readonly workers: Worker[];
  private closed = false;

  constructor(size = defaultWorkers()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => new Worker(WORKER_URL));
  }

  run(tasks: ReplicateTask[], opts: Omit<PoolOptions, 'workers'> = {}): Promise<PoolOutcome> {
    const results: (ReplicateResult | undefined)[] = new Array(tasks.length).fill(undefined);
    if (tasks.length === 0) return Promise.resolve({ results, cancelled: false });
    let next = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
      let settled = false;
      const cleanups: (() => void)[] = [];
      const finish = (cancelled: boolean, error?: Error) => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        if (cancelled) this.close();
        if (error) reject(error);
        else resolve({ results, cancelled });
      };
      const onAbort = () => finish(true);
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => opts.signal?.removeEventListener('abort', onAbort));
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
      for (const w of this.workers) {
        const onMessage = (msg: { id: number; result?: ReplicateResult; error?: string }) => {
          if (settled) return;
          if (msg.error) return finish(false, new Error(`replicate ${tasks[msg.id].replicate} failed: ${msg.error}`));
          results[msg.id] = msg.result;
          done++;
          opts.onResult?.(msg.id, done, tasks.length);
          feed(w);
        };
        const onError = (e: Error) => finish(false, e);
        w.on('message', onMessage);
        w.on('error', onError);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
        });
      }
      for (const w of this.workers) feed(w);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.workers) void w.terminate();
  }
}

/** Runs one batch of replicate tasks on fresh worker threads and closes them. */
export async function runPool(tasks: ReplicateTask[], opts: PoolOptions = {}): Promise<PoolOutcome> {
  const pool = new ThreadPool(Math.min(opts.workers ?? defaultWorkers(), Math.max(1, tasks.length)));
  try {
    return await pool.run(tasks, opts);
  } finally {
    pool.close();
  }
}
