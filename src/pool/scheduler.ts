/**
 * The one scheduler behind both worker pools (the page's Web Workers and the CLI's worker threads):
 * tasks handed out in order to whichever member is free, results placed by task index (so they do not
 * depend on how many members there are or which finishes first), a cancel that keeps what finished,
 * and recovery from a member that dies mid-task: it is replaced and its task started again on the
 * fresh one, up to `retries` times.
 */

/** One member of a pool: runs a task at a time; `died` settles if it ends without being asked to. */
export interface Executor<T, R> {
  run(task: T): Promise<R>;
  died: Promise<void>;
  terminate(): void;
}

export interface ScheduleOptions<R> {
  /** Called as each task finishes, with how many are done. */
  onResult?: (index: number, result: R, done: number, total: number) => void;
  /** Called each time a member died and was replaced, with the count so far. */
  onWorkerLost?: (lost: number) => void;
  /** Stops handing out tasks; the ones running are abandoned, the finished ones kept. */
  signal?: AbortSignal;
  /** Times a task may be started again after its member died (default 2). */
  retries?: number;
}

export interface ScheduleOutcome<R> {
  /** Results by task index; undefined where a task did not finish. */
  results: (R | undefined)[];
  cancelled: boolean;
  /** Members that died during the run and were replaced. */
  workersLost: number;
  /** Tasks given up after their member died `retries + 1` times. */
  failed: number[];
}

/**
 * Runs `tasks` on `members` (replacing, in place, any that dies with `spawn()`). Rejects if a task
 * itself throws: that is a bug or bad input, not bad luck, and running it again would fail again.
 */
export async function schedule<T, R>(
  tasks: readonly T[],
  members: Executor<T, R>[],
  spawn: () => Executor<T, R>,
  opts: ScheduleOptions<R> = {},
): Promise<ScheduleOutcome<R>> {
  const results: (R | undefined)[] = new Array(tasks.length).fill(undefined);
  const queue = tasks.map((_, i) => i);
  const tries = new Array<number>(tasks.length).fill(0);
  const failed: number[] = [];
  const retries = opts.retries ?? 2;
  const signal = opts.signal;
  let done = 0;
  let workersLost = 0;
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  const lane = async (slot: number) => {
    while (!signal?.aborted && queue.length > 0) {
      const i = queue.shift()!;
      const m = members[slot];
      const outcome = await Promise.race([
        m.run(tasks[i]).then(
          (r) => ({ r }),
          (error: unknown) => ({ error }),
        ),
        m.died.then(() => ({ died: true as const })),
      ]);
      if (signal?.aborted) return;
      if ('r' in outcome) {
        results[i] = outcome.r;
        done++;
        opts.onResult?.(i, outcome.r, done, tasks.length);
      } else if ('died' in outcome) {
        workersLost++;
        m.terminate();
        members[slot] = spawn();
        opts.onWorkerLost?.(workersLost);
        if (++tries[i] <= retries) queue.unshift(i);
        else failed.push(i);
      } else throw outcome.error;
    }
  };
  await Promise.race([Promise.all(members.map((_, slot) => lane(slot))), aborted]);
  return { results, cancelled: signal?.aborted ?? false, workersLost, failed };
}
