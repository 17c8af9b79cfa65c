import { describe, expect, it } from 'vitest';
import { type Executor, schedule } from '../../../src/pool/scheduler.ts';

/** A member that squares numbers after a short wait, and can be made to die on a given task. */
function member(log: string[], name: string, dieOn?: number): Executor<number, number> {
  let die: () => void = () => {};
  const died = new Promise<void>((resolve) => {
    die = resolve;
  });
  return {
    run: (t) =>
      new Promise((resolve) => {
        if (t === dieOn) {
          log.push(`${name} died on ${t}`);
          setTimeout(die, 1);
          return; // never answers, as a dead Worker does not
        }
        setTimeout(() => resolve(t * t), 1 + (t % 3));
      }),
    died,
    terminate: () => log.push(`${name} ended`),
  };
}

describe('the pool scheduler', () => {
  it('places results by task index whatever the number of members', async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => i);
    for (const n of [1, 2, 5]) {
      const log: string[] = [];
      const members = Array.from({ length: n }, (_, k) => member(log, `m${k}`));
      const out = await schedule(tasks, members, () => member(log, 'spare'));
      expect(out.results).toEqual(tasks.map((t) => t * t));
      expect(out.workersLost).toBe(0);
    }
  });

  it('replaces a member that dies mid-task and runs its task again on the fresh one', async () => {
    const log: string[] = [];
    // Whichever member is handed task 7 dies on it.
    const members = [member(log, 'a', 7), member(log, 'b', 7)];
    const lost: number[] = [];
    const out = await schedule(
      Array.from({ length: 12 }, (_, i) => i),
      members,
      () => member(log, 'fresh'),
      { onWorkerLost: (n) => lost.push(n) },
    );
    expect(out.results).toEqual(Array.from({ length: 12 }, (_, i) => i * i));
    expect(out.workersLost).toBe(1);
    expect(lost).toEqual([1]);
    const victim = log.find((l) => l.endsWith('died on 7'))!.split(' ')[0];
    expect(log).toContain(`${victim} ended`);
    expect(out.failed).toEqual([]);
  });

  it('gives a task up after it has killed its member more often than the retries allow', async () => {
    const log: string[] = [];
    const out = await schedule([1, 2, 3], [member(log, 'a', 2)], () => member(log, 'fresh', 2), { retries: 2 });
    expect(out.failed).toEqual([1]);
    expect(out.results).toEqual([1, undefined, 9]);
    expect(out.workersLost).toBe(3);
  });

  it('keeps what finished when cancelled, and rejects when a task itself throws', async () => {
    const log: string[] = [];
    const abort = new AbortController();
    const out = await schedule(
      Array.from({ length: 50 }, (_, i) => i),
      [member(log, 'a')],
      () => member(log, 'fresh'),
      {
        signal: abort.signal,
        onResult: (_i, _r, done) => {
          if (done === 5) abort.abort();
        },
      },
    );
    expect(out.cancelled).toBe(true);
    expect(out.results.filter((r) => r !== undefined)).toHaveLength(5);
    const throwing: Executor<number, number> = { run: () => Promise.reject(new Error('bad input')), died: new Promise(() => {}), terminate: () => {} };
    await expect(schedule([1], [throwing], () => throwing)).rejects.toThrow('bad input');
  });
});
