import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rawStatus } from '../../helpers/raw-http.ts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortLinkRoute } from '../../../src/cli/classroom/short-link-route.ts';
import { MAX_LINK, SHORT_ID_LENGTH, ShortLinks, shortId } from '../../../src/classroom/short-links.ts';
import { ROOM_ALPHABET } from '../../../src/classroom/protocol.ts';

const CHAPTER = `#chapter=${'N4IgdghgtgpiBcIDKBXARgGwgZwJYHMA6AYzAGt9oA'.repeat(25)}&locked`;

describe('short links for trainers’ chapters (issue 21)', () => {
  it('gives a link the same id every time, from the unambiguous alphabet, and different links different ids', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200, unit: fc.constantFrom(...'abcXYZ019-_+$') }),
        fc.string({ minLength: 1, maxLength: 200 }),
        (a, b) => {
          const id = shortId(`#chapter=${a}`);
          expect(id).toHaveLength(SHORT_ID_LENGTH);
          expect([...id].every((ch) => ROOM_ALPHABET.includes(ch))).toBe(true);
          expect(shortId(`#chapter=${a}`)).toBe(id);
          if (a !== b) expect(shortId(`#chapter=${b}`)).not.toBe(id);
        },
      ),
    );
  });

  it('keeps the first link an id was given: a second link with the same id is refused, not swapped in', () => {
    const store = new ShortLinks(10, 10, () => 'AAAAAAAA');
    expect(store.add('#chapter=trainers', '10.0.0.2')).toBe('AAAAAAAA');
    expect(() => store.add('#chapter=someone-elses', '10.0.0.66')).toThrow(/already stands for another link/);
    expect(store.get('AAAAAAAA')).toBe('#chapter=trainers');
    expect(store.add('#chapter=trainers', '10.0.0.2')).toBe('AAAAAAAA');
  });

  it('lets one device keep only so many links, so it cannot push the trainer’s out', () => {
    const store = new ShortLinks(100, 3);
    for (const k of [1, 2, 3]) store.add(`#chapter=flood${k}`, '10.0.0.66');
    expect(() => store.add('#chapter=flood4', '10.0.0.66')).toThrow(/the most one may/);
    expect(store.add('#chapter=trainers', '10.0.0.2')).toHaveLength(8);
  });

  it('keeps only the app’s own links, up to their length, and forgets the oldest past its cap', () => {
    const store = new ShortLinks(3);
    expect(() => store.add('https://example.com/')).toThrow(/only the app/);
    expect(() => store.add('#chapter=<script>')).toThrow(/only the app/);
    expect(() => store.add(`#chapter=${'a'.repeat(MAX_LINK)}`)).toThrow(/longer than/);
    const ids = ['#chapter=a', '#chapter=b', '#story=c&locked', '#run=d'].map((l) => store.add(l));
    expect(store.size).toBe(3);
    expect(store.get(ids[0])).toBeUndefined();
    expect(store.get(ids[3].toLowerCase())).toBe('#run=d');
  });

  describe('served over http', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const route = shortLinkRoute();
      server = createServer((req, res) => route(req, res, () => res.writeHead(404).end('next')));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('shortens a chapter link and sends a browser from the short link to the chapter', async () => {
      const r = await fetch(`${base}/api/short`, { method: 'POST', body: CHAPTER });
      expect(r.status).toBe(200);
      const { id, path } = (await r.json()) as { id: string; path: string };
      expect(path).toBe(`/s/${id}`);
      expect(`${base}${path}`.length).toBeLessThan(60);
      const go = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(go.status).toBe(302);
      expect(go.headers.get('location')).toBe(`/${CHAPTER}`);
    });

    it('refuses what it cannot keep, and says so; other paths pass on', async () => {
      expect((await fetch(`${base}/api/short`)).status).toBe(405);
      const bad = await fetch(`${base}/api/short`, { method: 'POST', body: 'http://evil.example/' });
      expect([bad.status, await bad.text()]).toEqual([400, expect.stringMatching(/only the app/)]);
      const huge = await fetch(`${base}/api/short`, { method: 'POST', body: `#chapter=${'a'.repeat(MAX_LINK * 3)}` });
      expect(huge.status).toBe(413);
      const unknown = await fetch(`${base}/s/ABCDEFGH`);
      expect([unknown.status, await unknown.text()]).toEqual([404, expect.stringMatching(/not known to this server/)]);
      expect(await (await fetch(`${base}/index.html`)).text()).toBe('next');
      // In Spanish for a Spanish phone.
      expect(await (await fetch(`${base}/s/ABCDEFGH`, { headers: { 'Accept-Language': 'es-MX,es;q=0.9' } })).text()).toMatch(/no conoce este enlace corto/);
    });

    it('answers a request whose target is not a URL ("//") with 400, and goes on serving', async () => {
      expect(await rawStatus(base, 'GET // HTTP/1.1')).toBe(400);
      expect((await fetch(`${base}/s/ABCDEFGH`)).status).toBe(404);
    });
  });
});
