import type { StudentState, TrainerState } from '../../src/classroom/protocol.ts';
import { classClient, clientId, type TestClient } from './class-client.ts';

const chapter = (id: string, index: number) => ({
  id,
  index,
  count: 10,
  title: `Chapter ${index + 1}`,
  question: 'Which?',
  units: { text: ' points', signed: true, digits: 1 },
  prediction: { kind: 'choice', options: ['a', 'b', 'c', 'd'] },
});

/** What one class round measured: how long the answers and the next chapter took to arrive, and whether any went missing. */
export interface ClassRound {
  clients: number;
  joinMs: number;
  answersMs: number;
  nextChapterMs: number;
  /** Answers the trainer's view holds, by option, and those sent. */
  received: number[];
  sent: number[];
  /** Students who saw the next chapter. */
  followed: number;
}

/**
 * One lesson's worth of traffic on the loopback interface: `n` students join (the same students each
 * round, as a class comes back after a break: a room takes a lesson's worth of ids, not more), all answer at once (each
 * changing their mind once, as students do), the trainer sees the answers, and moves the class on.
 * Resolves when every message has arrived; a lost one leaves it waiting (the caller's timeout says so).
 */
export async function classRound(port: number, room: string, key: string, n: number, round = 0): Promise<ClassRound> {
  const trainer = await classClient(port);
  trainer.send({ t: 'hello', room, client: clientId(900000 + round), key });
  const hello = await trainer.next((m) => m.t === 'room' || m.t === 'refused');
  if (hello.t === 'refused') throw new Error(`the server refused the trainer: ${hello.why}`);
  const first = `load-${round}-a`;
  trainer.send({ t: 'chapter', chapter: chapter(first, 0) });
  let t = performance.now();
  const students: TestClient[] = await Promise.all(
    Array.from({ length: n }, async (_, k) => {
      const s = await classClient(port);
      s.send({ t: 'hello', room, client: clientId(k) });
      const joined = await s.next((m) => m.t === 'refused' || (m.t === 'state' && (m as StudentState).chapter?.id === first));
      if (joined.t === 'refused') throw new Error(`the server refused student ${k}: ${joined.why}`);
      return s;
    }),
  );
  const joinMs = performance.now() - t;
  const sent = [0, 0, 0, 0];
  t = performance.now();
  students.forEach((s, k) => {
    // A first thought, then the answer that counts.
    s.send({ t: 'answer', chapter: first, answer: { option: (k + 1) % 4 } });
    s.send({ t: 'answer', chapter: first, answer: { option: k % 4 } });
    sent[k % 4]++;
  });
  const all = (m: TrainerState) => m.answered === n && m.answers.filter((a, k) => 'option' in a && a.option === k % 4).length === n;
  const final = await trainer.next<TrainerState>((m) => m.t === 'room' && all(m as TrainerState));
  const answersMs = performance.now() - t;
  const received = [0, 0, 0, 0];
  for (const a of final.answers) if ('option' in a) received[a.option]++;
  const next = `load-${round}-b`;
  t = performance.now();
  trainer.send({ t: 'chapter', chapter: chapter(next, 1) });
  await Promise.all(students.map((s) => s.next((m) => m.t === 'state' && (m as StudentState).chapter?.id === next)));
  const nextChapterMs = performance.now() - t;
  const followed = students.filter((s) => s.got.some((m) => m.t === 'state' && (m as StudentState).chapter?.id === next)).length;
  for (const s of students) s.ws.close();
  trainer.ws.close();
  await Promise.all([...students, trainer].map((s) => s.closed));
  return { clients: n, joinMs, answersMs, nextChapterMs, received, sent, followed };
}
