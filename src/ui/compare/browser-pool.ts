import * as Comlink from 'comlink';
import type { ReplicateResult, ReplicateTask } from '../../engine/index.ts';
import type { EngineApi } from '../../../workers/contract.ts';

/** Workers to use: one per core, less one for the page, at least one. */
export function poolSize(): number {
  return Math.max(1, (navigator.hardwareConcurrency || 2) - 1);
}

/**
 * Runs batches of replicate tasks on a pool of engine Workers until `close()`. Results are placed by
 * task index, so they do not depend on how many workers there are or which finishes first. `cancel()`
 * stops handing out tasks and ends the workers; the results already in are kept.
 */
export class BrowserPool {
  private readonly workers: { worker: Worker; api: Comlink.Remote<EngineApi> }[] = [];
  private cancelled = false;
  private onCancel: () => void = () => {};
  /** Settles when cancel() is called: calls to ended workers never answer, so run() races this. */
  private readonly cancelledSignal = new Promise<void>((resolve) => (this.onCancel = resolve));

  constructor(size = poolSize()) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('../../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: `trustfall-pool-${i}` });
      this.workers.push({ worker, api: Comlink.wrap<EngineApi>(worker) });
    }
  }

  get size(): number {
    return this.workers.length;
  }

  async run(
    tasks: ReplicateTask[],
    onResult: (index: number, result: ReplicateResult, done: number) => void,
  ): Promise<{ results: (ReplicateResult | undefined)[]; cancelled: boolean }> {
    const results: (ReplicateResult | undefined)[] = new Array(tasks.length).fill(undefined);
    let next = 0;
    let done = 0;
    const lane = async (api: Comlink.Remote<EngineApi>) => {
      while (!this.cancelled && next < tasks.length) {
        const i = next++;
        try {
          const r = await api.runTask(tasks[i]);
          if (this.cancelled) return;
          results[i] = r;
          done++;
          onResult(i, r, done);
        } catch (e) {
          if (this.cancelled) return;
          throw e;
        }
      }
    };
    await Promise.race([Promise.all(this.workers.map((w) => lane(w.api))), this.cancelledSignal]);
    return { results, cancelled: this.cancelled };
  }

  cancel(): void {
    this.cancelled = true;
    this.close();
    this.onCancel();
  }

  /** Ends the workers; the pool can run batch after batch until then. */
  close(): void {
    for (const w of this.workers) w.worker.terminate();
  }
}
