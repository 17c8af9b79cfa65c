import * as Comlink from 'comlink';
import type { EngineApi } from '../../../workers/contract.ts';
import type { ReplicateResult, ReplicateTask } from '../../engine/index.ts';

/** Workers to use: one per core, less one for the page, at least one. */
export function poolSize(): number {
  return Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
}

/** How many times a task may be started on a fresh Worker after the one running it died. */
const RETRIES = 2;

interface Member {
  worker: Worker;
  api: Comlink.Remote<EngineApi>;
  /** Settles when the Worker has ended (its lifeline lock was freed). */
  died: Promise<void>;
}

/** What a run reports: every task's result by index (undefined where none), and why it stopped early. */
export interface PoolOutcome {
  results: (ReplicateResult | undefined)[];
  cancelled: boolean;
  /** Workers that died during the run and were replaced. */
  workersLost: number;
  /** Tasks given up after their Worker died RETRIES + 1 times (their results are missing). */
  failed: number[];
}

let poolCount = 0;

/**
 * Runs batches of replicate tasks on a pool of engine Workers until `close()`. Results are placed by
 * task index, so they do not depend on how many workers there are or which finishes first.
 *
 * `cancel()` stops handing out tasks and ends the workers; the results already in are kept. A Worker
 * that dies mid-task (it is closed, terminated or crashes) is noticed through a Web Lock it holds while
 * alive, replaced by a fresh one, and its task started again there (up to RETRIES times); `onWorkerLost`
 * lets the page say so. Finished results are never lost.
 */
export class BrowserPool {
  private readonly members: Member[] = [];
  private readonly id = `trustfall-pool-${++poolCount}-${Math.random().toString(36).slice(2, 8)}`;
  private spawned = 0;
  private cancelled = false;
  private closed = false;
  private onCancel: () => void = () => {};
  /** Settles when cancel() is called: calls to ended workers never answer, so run() races this. */
  private readonly cancelledSignal = new Promise<void>((resolve) => {
    this.onCancel = resolve;
  });

  constructor(
    size = poolSize(),
    private readonly onWorkerLost: (lost: number) => void = () => {},
  ) {
    for (let i = 0; i < size; i++) this.members.push(this.spawn());
  }

  get size(): number {
    return this.members.length;
  }

  private spawn(): Member {
    const n = this.spawned++;
    const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: `${this.id}-${n}` });
    const api = Comlink.wrap<EngineApi>(worker);
    const lock = `${this.id}-lifeline-${n}`;
    // Ask for the lock only once the Worker holds it: then the request is granted exactly when it ends.
    const ended = api.holdLifeline(lock).then(() => navigator.locks.request(lock, () => undefined));
    // A Worker whose script fails, or that throws where nothing catches it, is treated as dead too.
    const failed = new Promise<void>((resolve) => worker.addEventListener('error', () => resolve(), { once: true }));
    const died = Promise.race([ended, failed]).then(() => undefined);
    return { worker, api, died };
  }

  async run(tasks: ReplicateTask[], onResult: (index: number, result: ReplicateResult, done: number) => void): Promise<PoolOutcome> {
    const results: (ReplicateResult | undefined)[] = new Array(tasks.length).fill(undefined);
    const queue = tasks.map((_, i) => i);
    const tries = new Array(tasks.length).fill(0);
    const failed: number[] = [];
    let done = 0;
    let workersLost = 0;
    const lane = async (slot: number) => {
      while (!this.cancelled && queue.length > 0) {
        const i = queue.shift()!;
        const m = this.members[slot];
        const outcome = await Promise.race([m.api.runTask(tasks[i]).then((r) => ({ r })), m.died.then(() => ({ died: true as const }))]).catch(
          (e: unknown) => ({ error: e }),
        );
        if (this.cancelled) return;
        if ('r' in outcome) {
          results[i] = outcome.r;
          done++;
          onResult(i, outcome.r, done);
        } else if ('died' in outcome) {
          workersLost++;
          m.worker.terminate();
          this.members[slot] = this.spawn();
          this.onWorkerLost(workersLost);
          if (++tries[i] <= RETRIES) queue.unshift(i);
          else failed.push(i);
        } else throw outcome.error;
      }
    };
    await Promise.race([Promise.all(this.members.map((_, slot) => lane(slot))), this.cancelledSignal]);
    return { results, cancelled: this.cancelled, workersLost, failed };
  }

  cancel(): void {
    this.cancelled = true;
    this.close();
    this.onCancel();
  }

  /** Ends the workers; the pool can run batch after batch until then. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const m of this.members) m.worker.terminate();
  }
}
