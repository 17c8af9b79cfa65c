import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BrowserPool, poolSize } from '../compare/browser-pool.ts';

/**
 * The pool of engine Workers a panel runs its replicates on, owned for the panel: a fresh pool for
 * each piece of work (`use`), closed when it ends however it ends, cancelled by the panel's Cancel
 * and when the panel leaves the page, and a count of Workers lost (replaced) during the current work
 * that re-renders the panel as it changes. Every panel with a pool (compare, story, calibration,
 * posterior, sensitivity) has one of these instead of building and tearing down a pool by hand.
 */
export class PoolController implements ReactiveController {
  /** Workers that died and were replaced during the current (or last) piece of work. */
  workersLost = 0;
  private pool?: BrowserPool;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Runs `work` on a fresh pool (any earlier one is cancelled first), closing it afterwards. */
  async use<T>(work: (pool: BrowserPool) => Promise<T>): Promise<T> {
    this.pool?.cancel();
    this.workersLost = 0;
    const pool = new BrowserPool(poolSize(), (lost) => {
      this.workersLost = lost;
      this.host.requestUpdate();
    });
    this.pool = pool;
    try {
      return await work(pool);
    } finally {
      pool.close();
      if (this.pool === pool) this.pool = undefined;
    }
  }

  /** Stops handing out work and ends the Workers; the results already in are kept. */
  cancel(): void {
    this.pool?.cancel();
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }
}
