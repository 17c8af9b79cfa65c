import { startClassroom } from '../../src/cli/classroom/server.ts';
import { fakeBuild } from '../helpers/class-client.ts';
import { classRound } from '../helpers/class-load.ts';

/**
 * `npm run bench:classroom`: class mode under load on the loopback interface. Rounds of 200 students
 * join, answer at once (each changing their mind once) and follow the trainer to the next chapter, then
 * leave; prints how long each step took, whether anything was lost, and the heap after each round (with
 * garbage collected, when node runs with --expose-gc), which stays flat if the server frees what
 * departed students held. Times are this machine's, printed, never asserted.
 */
const ROUNDS = Number(process.argv[2] ?? 5);
const N = Number(process.argv[3] ?? 200);
const key = 'feedfacefeedfacefeedfacefeedface';
const c = await startClassroom({ root: fakeBuild(), room: 'BENCH222', key });
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (b: number) => (b / 1048576).toFixed(1);
gc?.();
console.log(
  `classroom load: ${ROUNDS} rounds of ${N} students on 127.0.0.1 (heap ${gc ? 'after garbage collection' : 'as found: run with node --expose-gc for a steady figure'})`,
);
console.log(`start: heap ${mb(process.memoryUsage().heapUsed)} MB, rss ${mb(process.memoryUsage().rss)} MB`);
console.log('round  join ms  answers ms  next chapter ms  lost  followed  heap MB  rss MB');
for (let r = 0; r < ROUNDS; r++) {
  const x = await classRound(c.port, 'BENCH222', key, N, r);
  gc?.();
  const lost = x.sent.reduce((a, b) => a + b, 0) - x.received.reduce((a, b) => a + b, 0);
  const m = process.memoryUsage();
  console.log(
    [r + 1, x.joinMs.toFixed(0), x.answersMs.toFixed(0), x.nextChapterMs.toFixed(0), lost, `${x.followed}/${N}`, mb(m.heapUsed), mb(m.rss)]
      .map((v, k) => String(v).padStart(k ? [8, 11, 16, 5, 9, 8, 7][k - 1] : 5))
      .join(' '),
  );
}
console.log(`refused: ${JSON.stringify(c.stats.refused)}; connections ${c.stats.connections}, open now ${c.stats.open}`);
await c.close();
