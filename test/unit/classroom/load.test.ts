import { expect, it } from 'vitest';
import { startClassroom } from '../../../src/cli/classroom/server.ts';
import { classRound } from '../../helpers/class-load.ts';
import { fakeBuild } from '../../helpers/class-client.ts';

// The load itself, with its times and memory, is `npm run bench:classroom`; here only that nothing is lost.
it('takes 200 students answering at once on the loopback interface without losing a message, and moves all of them to the next chapter', async () => {
  const key = 'feedfacefeedfacefeedfacefeedface';
  const c = await startClassroom({ root: fakeBuild(), room: 'KQAD2222', key });
  const r = await classRound(c.port, 'KQAD2222', key, 200);
  expect(r.received).toEqual(r.sent);
  expect(r.followed).toBe(200);
  // Nothing was refused: 200 students changing their mind once is well within every limit.
  expect(Object.values(c.stats.refused).every((n) => n === 0)).toBe(true);
  await expect.poll(() => c.stats.open).toBe(0);
  await c.close();
}, 60_000);
