import type { ReplicateResult, ReplicateTask } from '../../engine/index.ts';
import { type Executor, type ScheduleOutcome, schedule } from '../../pool/scheduler.ts';
import { EngineUnavailable, startEngineWorker } from '../controllers/engine-worker.ts';

/** Workers to use: one per core, less one for the page, at least one. */
export function poolSize(): number {
  return Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
}

export type PoolOutcome = ScheduleOutcome<ReplicateResult>;

let poolCount = 0;

/**
 * Runs batches of replicate tasks on a pool of engine Web Workers until `close()`, with the scheduler
 * the CLI's thread pool uses (src/pool/scheduler.ts). `cancel()` stops handing out tasks and ends the
 * workers; the results already in are kept. Each Worker holds a lifeline while it lives, so one that is
 * closed, terminated or crashes (which otherwise never answers and never says so) is noticed, replaced
 * and its task run again; `onWorkerLost` lets the page say so. A Worker that cannot start at all ends
 * the batch with EngineUnavailable.
 */
export class BrowserPool {
  private readonly members: Executor<ReplicateTask, ReplicateResult>[] = [];
  private readonly id = `trustfall-pool-${++poolCount}-${Math.random().toString(36).slice(2, 8)}`;
  private spawned = 0;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(
    size = poolSize(),
    private readonly onWorkerLost: (lost: number) => void = () => {},
  ) {
    for (let i = 0; i < size; i++) this.members.push(this.spawn());
  }

  get size(): number {
    return this.members.length;
  }

  private spawn(): Executor<ReplicateTask, ReplicateResult> {
    const n = this.spawned++;
    const { worker, api, ended, started, hasStarted } = startEngineWorker(`${this.id}-${n}`);
    // A Worker that throws where nothing catches it is treated as dead too; one that fails before it
    // started (its script could not be loaded) would fail again, so the batch stops with the reason.
    const failed = new Promise<void>((resolve) => worker.addEventListener('error', () => resolve(), { once: true }));
    const died = Promise.race([ended, failed]).then(() => {
      if (!hasStarted()) throw new EngineUnavailable();
    });
    // Noticed by the scheduler while it runs a task; at rest, a rejection here is no one's business.
    died.catch(() => undefined);
    // A task goes only once the lifeline is held: a Worker busy with its first task could not take it,
    // and one that died then would never be noticed.
    return { run: (task) => started.then(() => api.runTask(task)), died, terminate: () => worker.terminate() };
  }

  run(tasks: ReplicateTask[], onResult: (index: number, result: ReplicateResult, done: number) => void): Promise<PoolOutcome> {
    return schedule(tasks, this.members, () => this.spawn(), { onResult, onWorkerLost: this.onWorkerLost, signal: this.abort.signal });
  }

  cancel(): void {
    this.abort.abort();
    this.close();
  }

  /** Ends the workers; the pool can run batch after batch until then. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const m of this.members) m.terminate();
  }
}
