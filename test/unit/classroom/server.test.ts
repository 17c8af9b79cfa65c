import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage, StudentState, TrainerState } from '../../../src/classroom/protocol.ts';
import { type Classroom, newRoomCode, startClassroom } from '../../../src/cli/classroom/server.ts';
import { rawStatus } from '../../helpers/raw-http.ts';
import { LIMITS } from '../../../src/cli/classroom/limits.ts';
import { classClient, clientId, fakeBuild } from '../../helpers/class-client.ts';

const KEY = '0123456789abcdef0123456789abcdef';
const CHAPTER = {
  id: 'one',
  index: 0,
  count: 3,
  title: 'One',
  question: 'Which?',
  units: { text: ' points', signed: true, digits: 1 },
  prediction: { kind: 'choice', options: ['a', 'b'] },
};
const isState = (m: ServerMessage) => m.t === 'state';
const isRoom = (m: ServerMessage) => m.t === 'room';

describe('the classroom server', () => {
  let c: Classroom;
  beforeAll(async () => {
    c = await startClassroom({ root: fakeBuild(), room: 'ABCDEFGH', key: KEY });
  });
  afterAll(() => c.close());

  const trainer = async () => {
    const t = await classClient(c.port);
    t.send({ t: 'hello', room: 'ABCDEFGH', client: clientId(9999), key: KEY });
    await t.next(isRoom);
    return t;
  };
  const student = async (k: number) => {
    const s = await classClient(c.port);
    s.send({ t: 'hello', room: 'ABCDEFGH', client: clientId(k) });
    await s.next(isState);
    return s;
  };

  it('serves the app with its security policy, and redirects the short join link to the phone page', async () => {
    const page = await fetch(c.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'");
    const join = await fetch(`${c.url}j/abcdefgh`, { redirect: 'manual' });
    expect(join.status).toBe(302);
    expect(join.headers.get('location')).toBe('/class.html#ABCDEFGH');
    expect(c.joinUrl).toMatch(/\/j\/ABCDEFGH$/);
    expect(c.trainerUrl).toContain(`#class-trainer=ABCDEFGH.${KEY}`);
  });

  it('answers a request whose target is not a URL ("//") with 400 and goes on serving the class, and shortens a trainer’s chapter link', async () => {
    expect(await rawStatus(c.url, 'GET // HTTP/1.1')).toBe(400);
    expect((await fetch(c.url)).status).toBe(200);
    const short = (await (await fetch(`${c.url}api/short`, { method: 'POST', body: '#chapter=abc' })).json()) as { path: string };
    expect((await fetch(`${c.url}${short.path.slice(1)}`, { redirect: 'manual' })).headers.get('location')).toBe('/#chapter=abc');
  });

  it('relays a chapter to students, their answers to the trainer, and refuses a student who tries to run the class', async () => {
    const t = await trainer();
    const s = await student(1);
    t.send({ t: 'chapter', chapter: CHAPTER });
    const shown = await s.next<StudentState>((m) => isState(m) && (m as StudentState).chapter?.id === 'one');
    expect(shown.open).toBe(true);
    s.send({ t: 'answer', chapter: 'one', answer: { option: 1 } });
    const room = await t.next<TrainerState>((m) => isRoom(m) && (m as TrainerState).answered === 1);
    expect(room.answers).toEqual([{ option: 1 }]);
    const before = c.stats.refused['not-allowed'];
    s.send({ t: 'chapter', chapter: { ...CHAPTER, id: 'two' } });
    s.send({ t: 'vote', open: false });
    s.send({ t: 'export' });
    await s.next((m) => m.t === 'refused' && s.got.filter((x) => x.t === 'refused').length === 3);
    expect(c.stats.refused['not-allowed']).toBe(before + 3);
    expect(c.room.trainerState()).toMatchObject({ chapter: 'one', open: true });
    t.ws.close();
    s.ws.close();
  });

  it('refuses a wrong room code or trainer key, and closes a socket that keeps guessing', async () => {
    const g = await classClient(c.port);
    const before = c.stats.refused['bad-room'];
    g.send({ t: 'hello', room: 'HGFEDCBA', client: clientId(1) });
    g.send({ t: 'hello', room: 'ABCDEFGH', client: clientId(1), key: 'f'.repeat(32) });
    g.send({ t: 'hello', room: 'ABCDEFGH', client: clientId(1), key: KEY.replace('0', '1') });
    expect(await g.closed).toBe(1008);
    expect(c.stats.refused['bad-room']).toBe(before + LIMITS.wrongHellos);
    // A message before joining is refused too.
    const early = await classClient(c.port);
    early.send({ t: 'answer', chapter: 'one', answer: { option: 0 } });
    expect(await early.next((m) => m.t === 'refused')).toEqual({ t: 'refused', why: 'not-joined' });
    early.ws.close();
  });

  it('refuses and counts oversized, malformed and flooding messages, closes the worst offender, and keeps serving everyone else', async () => {
    const s = await student(2);
    const before = { ...c.stats.refused };
    s.send('x'.repeat(5000));
    s.send('{not json');
    s.send({ t: 'answer', chapter: 'one', answer: { option: 1, name: '<b>me</b>' } });
    s.send({ t: 'answer', chapter: 'one', answer: { value: Number.NaN } });
    s.send({ t: 'hello', room: 'ABCDEFGH', client: '<script>' });
    s.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await s.next((m) => m.t === 'refused' && s.got.filter((x) => x.t === 'refused').length === 6);
    expect(c.stats.refused.oversized).toBe(before.oversized + 1);
    expect(c.stats.refused.malformed).toBe(before.malformed + 5);
    // A flood: far past the burst at once; the rate limit refuses the excess, and enough refusals close the socket.
    for (let k = 0; k < 200; k++) s.send({ t: 'answer', chapter: 'one', answer: { option: 0 } });
    expect(await s.closed).toBe(1008);
    expect(c.stats.refused.rate).toBeGreaterThan(before.rate);
    // A frame past the hard ceiling closes that socket at once (1009), and is counted.
    const big = await student(3);
    big.send('y'.repeat(LIMITS.maxFrame + 1));
    expect(await big.closed).toBe(1009);
    await expect.poll(() => c.stats.refused.oversized).toBe(before.oversized + 2);
    // The server still serves a new student.
    const fine = await student(4);
    expect(fine.got[0]).toMatchObject({ t: 'state', chapter: { id: 'one' } });
    fine.ws.close();
  });

  it('keeps one id per socket: a socket that says hello again as someone else is refused (it would vote twice)', async () => {
    const s = await student(6);
    const before = c.stats.refused['not-allowed'];
    s.send({ t: 'hello', room: 'ABCDEFGH', client: clientId(7) });
    expect(await s.next((m) => m.t === 'refused')).toEqual({ t: 'refused', why: 'not-allowed' });
    expect(c.stats.refused['not-allowed']).toBe(before + 1);
    s.ws.close();
  });

  it('gives a student who reconnects their earlier answer, as a phone that slept or lost Wi-Fi', async () => {
    const s = await student(5);
    s.send({ t: 'answer', chapter: 'one', answer: { option: 0 } });
    await s.next((m) => isState(m) && (m as StudentState).answer !== null);
    s.ws.terminate();
    const again = await student(5);
    expect(again.got[0]).toMatchObject({ t: 'state', chapter: { id: 'one' }, answer: { option: 0 } });
    again.ws.close();
  });

  it('makes room codes of 8 unambiguous letters and digits, different each time', () => {
    const codes = new Set(Array.from({ length: 200 }, newRoomCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
  });
});

describe('a full classroom server', () => {
  it('refuses students past its limit and counts them, and still lets the trainer in', async () => {
    const c = await startClassroom({ root: fakeBuild(), room: 'FVKK2222', key: KEY });
    const clients = await Promise.all(
      Array.from({ length: LIMITS.clients }, async (_, k) => {
        const s = await classClient(c.port);
        s.send({ t: 'hello', room: 'FVKK2222', client: clientId(k) });
        await s.next(isState);
        return s;
      }),
    );
    const extra = await classClient(c.port);
    extra.send({ t: 'hello', room: 'FVKK2222', client: clientId(LIMITS.clients) });
    expect(await extra.next((m) => m.t === 'refused')).toEqual({ t: 'refused', why: 'full' });
    expect(await extra.closed).toBe(1013);
    expect(c.stats.refused.full).toBe(1);
    const t = await classClient(c.port);
    t.send({ t: 'hello', room: 'FVKK2222', client: clientId(9999), key: KEY });
    expect(await t.next(isRoom)).toMatchObject({ joined: LIMITS.clients });
    for (const x of [...clients, t]) x.ws.terminate();
    await c.close();
  });
});
