import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { ReplicateResult, ReplicateTask } from '../../engine/index.ts';
import { type Executor, type ScheduleOutcome, schedule } from '../../pool/scheduler.ts';

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Called as each task finishes, with how many are done. */
  onResult?: (index: number, done: number, total: number) => void;
  /** Stops handing out tasks; the ones running are abandoned, the finished ones kept. */
  signal?: AbortSignal;
}

export type PoolOutcome = ScheduleOutcome<ReplicateResult>;

/**
 * The worker thread's entry: from TypeScript (npm run sim), worker-entry.mjs registers tsx's loader in
 * the thread and loads replicate-worker.ts; from the build (dist-cli/), the built replicate-worker.mjs.
 */
const WORKER_FILE = import.meta.url.endsWith('.ts') ? './worker-entry.mjs' : './replicate-worker.mjs';
const WORKER_URL = new URL(WORKER_FILE, import.meta.url);

/** Default worker count: every core (the CLI has no page to keep responsive). */
function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Worker threads that stay up between batches of replicate tasks (a calibration runs hundreds of small
 * batches; starting threads for each would cost more than the runs), spoken to over comlink and
 * scheduled by the same code as the page's pool (src/pool/scheduler.ts): results placed by task index,
 * so the outcome does not depend on the number of workers or on which finishes first; a thread that
 * dies is replaced and its task run again.
 */
export class ThreadPool {
  private readonly members: Executor<ReplicateTask, ReplicateResult>[];
  private closed = false;

  constructor(size = defaultWorkers()) {
    this.members = Array.from({ length: Math.max(1, size) }, () => spawnThread());
  }

  async run(tasks: ReplicateTask[], opts: Omit<PoolOptions, 'workers'> = {}): Promise<PoolOutcome> {
    const outcome = await schedule(tasks, this.members, spawnThread, {
      signal: opts.signal,
      onResult: (i, _r, done, total) => opts.onResult?.(i, done, total),
    }).catch((e: unknown) => {
      throw new Error(`a replicate failed: ${(e as Error).message}`);
    });
    if (outcome.cancelled) this.close();
    return outcome;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const m of this.members) m.terminate();
  }
}

function spawnThread(): Executor<ReplicateTask, ReplicateResult> {
  const worker = new Worker(WORKER_URL);
  const api = Comlink.wrap<{ runTask(t: ReplicateTask): ReplicateResult }>(nodeEndpoint(worker));
  const died = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    run: (task) => api.runTask(task),
    died,
    terminate: () => {
      // Ending it on purpose: nothing waits on `died` any more.
      void worker.terminate();
      api[Comlink.releaseProxy]();
    },
  };
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
