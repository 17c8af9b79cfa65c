import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { ServerMessage } from '../../src/classroom/protocol.ts';

/** A folder standing in for a build: an index.html with a Content-Security-Policy, as the classroom server expects. */
export function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tf-class-'));
  writeFileSync(join(dir, 'index.html'), `<meta http-equiv="Content-Security-Policy" content="default-src 'self'" /><p>app</p>`);
  writeFileSync(join(dir, 'class.html'), '<p>phone</p>');
  return dir;
}

/** A WebSocket client of the classroom server that keeps every message it is sent. */
export interface TestClient {
  ws: WebSocket;
  got: ServerMessage[];
  send(m: unknown): void;
  /** Resolves with the first message (already received or to come) that passes `test`. */
  next<T extends ServerMessage>(test: (m: ServerMessage) => boolean): Promise<T>;
  closed: Promise<number>;
}

export async function classClient(port: number): Promise<TestClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/class`);
  const got: ServerMessage[] = [];
  const waiting: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    got.push(m);
    for (const w of [...waiting])
      if (w.test(m)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(m);
      }
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    got,
    send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)),
    next: <T extends ServerMessage>(test: (m: ServerMessage) => boolean) =>
      new Promise<T>((resolve) => {
        const seen = got.find(test);
        if (seen) resolve(seen as T);
        else waiting.push({ test, resolve: resolve as (m: ServerMessage) => void });
      }),
    closed,
  };
}

/** A client id like a phone's. */
export const clientId = (k: number) => `client-${String(k).padStart(12, '0')}`;
