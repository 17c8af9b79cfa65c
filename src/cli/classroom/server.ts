import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { pathOf, shortLinkRoute } from './short-link-route.ts';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CLASS_SOCKET_PATH,
  MAX_MESSAGE_BYTES,
  readClientMessage,
  ROOM_ALPHABET,
  ROOM_CODE_LENGTH,
  type RefusalReason,
  type ServerMessage,
} from '../../classroom/protocol.ts';
import { Room } from '../../classroom/room.ts';
import { Bucket, LIMITS } from './limits.ts';

export interface ClassroomOptions {
  /** The built app (vite build's dist/). */
  root: string;
  port?: number;
  /** 0.0.0.0 to serve the room's network; 127.0.0.1 for tests. */
  host?: string;
  /** The address students reach (e.g. http://192.168.1.20:4174): goes in the join link and QR code. */
  publicUrl?: (port: number) => string;
  room?: string;
  key?: string;
}

/** What the server counted: sockets, messages read, and every refusal by reason. */
export interface ClassroomStats {
  connections: number;
  open: number;
  messages: number;
  refused: Record<RefusalReason, number>;
}

export interface Classroom {
  url: string;
  port: number;
  room: Room;
  /** The students' link (short: the server redirects it to the phone page). */
  joinUrl: string;
  /** The trainer's link, with the key in it: whoever holds it runs the class. */
  trainerUrl: string;
  /** The trainer's link on this computer (loopback). */
  localTrainerUrl: string;
  stats: ClassroomStats;
  close(): Promise<void>;
}

/** A code no one in the room can guess in a lesson: 8 of 31 letters and digits, from the system's random source. */
export function newRoomCode(): string {
  const bytes = randomBytes(ROOM_CODE_LENGTH * 2);
  let code = '';
  // Rejection sampling keeps every letter equally likely (248 = 8 × 31).
  for (const b of bytes) if (b < 248 && code.length < ROOM_CODE_LENGTH) code += ROOM_ALPHABET[b % 31];
  return code.length === ROOM_CODE_LENGTH ? code : newRoomCode();
}

/** The page's Content-Security-Policy, as the built index.html states it, plus what only a header can say. */
function contentSecurityPolicy(root: string): string {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const m = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!m) throw new Error(`${root}/index.html has no Content-Security-Policy: is it a Trustfall build?`);
  return `${m[1]}; frame-ancestors 'none'`;
}

interface Peer {
  client?: string;
  /** Answered the last ping. */
  alive: boolean;
  trainer: boolean;
  bucket: Bucket;
  refusals: number;
  wrongHellos: number;
}

/**
 * The classroom server (`npm run classroom`): serves the built app to the room and relays class mode's
 * messages over WebSockets at /class. One room per server, made at start; its trainer key is in the
 * trainer's link only. Every message is size-checked, rate-limited and schema-checked before the room
 * reads it; refusals are counted, and a socket that keeps misbehaving is closed, never the server.
 */
export async function startClassroom(o: ClassroomOptions): Promise<Classroom> {
  const code = o.room ?? newRoomCode();
  const key = o.key ?? randomBytes(16).toString('hex');
  const csp = contentSecurityPolicy(o.root);
  const files = sirv(o.root, {
    etag: true,
    gzip: true,
    setHeaders: (res) => {
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('Cache-Control', 'no-cache');
    },
  });
  // Trainers' own chapters get short links here too (the same route as npm run start:network's).
  const shortLinks = shortLinkRoute();
  const http: Server = createServer((req, res) => {
    // A request target that is not a URL ("//") is refused here, never thrown: one request must not end the class.
    const path = pathOf(req);
    if (path === undefined) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request');
      return;
    }
    // The short join link a phone scans: /j/ROOMCODE → the phone page.
    const join = /^\/j\/([A-Za-z0-9]{1,16})$/.exec(path);
    if (join) {
      res.writeHead(302, { Location: `/class.html#${join[1].toUpperCase()}` }).end();
      return;
    }
    shortLinks(req, res, () =>
      files(req, res, () => {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }),
    );
  });
  await new Promise<void>((resolve) => http.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const base = (o.publicUrl?.(port) ?? `http://127.0.0.1:${port}`).replace(/\/$/, '');
  const joinUrl = `${base}/j/${code}`;
  const room = new Room(code, joinUrl);
  const stats: ClassroomStats = {
    connections: 0,
    open: 0,
    messages: 0,
    refused: { oversized: 0, malformed: 0, rate: 0, 'not-allowed': 0, 'bad-room': 0, full: 0, 'not-joined': 0, 'no-chapter': 0, 'vote-closed': 0 },
  };
  const peers = new Map<WebSocket, Peer>();
  const wss = new WebSocketServer({ server: http, path: CLASS_SOCKET_PATH, maxPayload: LIMITS.maxFrame });

  const send = (ws: WebSocket, m: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  // The trainer's view is sent at most every 50 ms: a room answering at once is one update, not one per answer
  // (each carries every answer, so per-answer updates would cost the square of the class).
  let trainerTimer: ReturnType<typeof setTimeout> | undefined;
  const toTrainers = () => {
    trainerTimer ??= setTimeout(() => {
      trainerTimer = undefined;
      const state = JSON.stringify(room.trainerState());
      for (const [ws, p] of peers) if (p.trainer && ws.readyState === ws.OPEN) ws.send(state);
    }, 50);
  };
  const toStudents = () => {
    for (const [ws, p] of peers) if (!p.trainer && p.client) send(ws, room.studentState(p.client));
  };
  const refuse = (ws: WebSocket, p: Peer, why: RefusalReason) => {
    stats.refused[why]++;
    p.refusals++;
    send(ws, { t: 'refused', why });
    if (p.refusals >= LIMITS.refusalsBeforeClose) ws.close(1008, 'too many refused messages');
  };
  const isKey = (given: string) => given.length === key.length && timingSafeEqual(Buffer.from(given), Buffer.from(key));

  wss.on('connection', (ws: WebSocket, _req: IncomingMessage) => {
    stats.connections++;
    if (peers.size >= LIMITS.clients + LIMITS.trainerSlots) {
      stats.refused.full++;
      ws.close(1013, 'the room is full');
      return;
    }
    stats.open++;
    const p: Peer = { trainer: false, alive: true, bucket: new Bucket(() => performance.now()), refusals: 0, wrongHellos: 0 };
    peers.set(ws, p);
    ws.on('pong', () => {
      p.alive = true;
    });
    const helloTimer = setTimeout(() => {
      if (!p.client) ws.close(1008, 'no class joined');
    }, LIMITS.helloMs);
    ws.on('error', (e: Error & { code?: string }) => {
      // A frame over the hard ceiling (or a broken socket): ws closes the socket; count the oversized ones.
      if (e.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') stats.refused.oversized++;
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      stats.open--;
      peers.delete(ws);
      if (p.client && !p.trainer) {
        room.leave(p.client);
        toTrainers();
      }
    });
    ws.on('message', (data, isBinary) => {
      stats.messages++;
      // The trainer (known by the key) is not rate-limited: a clicker pressed quickly must not lose a chapter.
      if (!p.trainer && !p.bucket.take()) return refuse(ws, p, 'rate');
      const bytes = Array.isArray(data) ? data.reduce((n, b) => n + b.length, 0) : (data as Buffer | ArrayBuffer).byteLength;
      if (bytes > MAX_MESSAGE_BYTES) return refuse(ws, p, 'oversized');
      if (isBinary) return refuse(ws, p, 'malformed');
      const read = readClientMessage(data.toString());
      if ('refused' in read) return refuse(ws, p, read.refused);
      const m = read.message;
      if (m.t === 'hello') {
        const trainer = m.key !== undefined;
        if (m.room !== code || (trainer && !isKey(m.key as string))) {
          p.wrongHellos++;
          refuse(ws, p, 'bad-room');
          if (p.wrongHellos >= LIMITS.wrongHellos) ws.close(1008, 'wrong room');
          return;
        }
        // One id per socket: a socket that changes its id would vote again as someone new.
        if (p.client && p.client !== m.client) return refuse(ws, p, 'not-allowed');
        if (p.client) return;
        if (trainer) {
          p.client = m.client;
          p.trainer = true;
          send(ws, room.trainerState());
          return;
        }
        let students = 0;
        for (const q of peers.values()) if (q.client && !q.trainer) students++;
        const joined = students >= LIMITS.clients ? ({ refused: 'full' } as const) : room.join(m.client);
        if ('refused' in joined) {
          refuse(ws, p, joined.refused);
          ws.close(1013, 'the room is full');
          return;
        }
        p.client = m.client;
        send(ws, room.studentState(m.client));
        toTrainers();
        return;
      }
      if (!p.client) return refuse(ws, p, 'not-joined');
      const change = room.receive(p.client, m, p.trainer);
      if ('refused' in change) return refuse(ws, p, change.refused);
      if (change.session) send(ws, { t: 'session', session: change.session });
      if (change.students) toStudents();
      else if (change.sender) send(ws, room.studentState(p.client));
      if (change.trainer) toTrainers();
    });
  });

  // Phones that left the Wi-Fi without closing their socket: closed at the ping after the one they missed.
  const heartbeat = setInterval(() => {
    for (const [ws, p] of peers) {
      if (!p.alive) {
        ws.terminate();
        continue;
      }
      p.alive = false;
      ws.ping();
    }
  }, LIMITS.heartbeatMs);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    room,
    joinUrl,
    trainerUrl: `${base}/#class-trainer=${code}.${key}`,
    localTrainerUrl: `http://127.0.0.1:${port}/#class-trainer=${code}.${key}`,
    stats,
    close: async () => {
      clearTimeout(trainerTimer);
      clearInterval(heartbeat);
      for (const ws of peers.keys()) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
