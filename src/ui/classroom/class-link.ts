import type { ModelAnswer, PhoneChapter, ServerMessage, TrainerState } from '../../classroom/protocol.ts';
import { ClassSocket, type SocketStatus } from './class-socket.ts';

const KEPT = 'trustfall-class-trainer';

/** The trainer's credentials for class mode, as the classroom server's trainer link carries them (#class-trainer=CODE.KEY). */
export interface TrainerCredentials {
  room: string;
  key: string;
}

/** The credentials in a trainer link's hash, or those kept in this tab from one (a reload in front of the room keeps class mode). */
export function trainerCredentials(hash: string): TrainerCredentials | undefined {
  const m = /^#class-trainer=([A-Z0-9]{8})\.([0-9a-f]{32})$/.exec(hash);
  try {
    if (m) {
      sessionStorage.setItem(KEPT, `${m[1]}.${m[2]}`);
      return { room: m[1], key: m[2] };
    }
    const kept = sessionStorage.getItem(KEPT)?.split('.');
    return kept?.length === 2 ? { room: kept[0], key: kept[1] } : undefined;
  } catch {
    return m ? { room: m[1], key: m[2] } : undefined;
  }
}

/**
 * The trainer's end of class mode: tells the server which chapter the class is on, opens and closes
 * the vote, posts the model's answer, and asks for the session to export; keeps the room's latest state
 * (head counts and the current chapter's anonymous answers) for the projector. After a reconnection (a
 * dropped laptop Wi-Fi) it asks again for what it last asked: the chapter, then the model's answer if it
 * has one, or the vote's state. A restarted server is another class (a new code and key): the panel says so.
 */
export class ClassLink extends EventTarget {
  state: TrainerState | undefined;
  private readonly socket: ClassSocket;
  private chapter?: PhoneChapter;
  /** The vote's state this page last asked for, on the current chapter. */
  private open?: boolean;
  /** The model's answer to each chapter that has run, by id. */
  private readonly results = new Map<string, ModelAnswer>();
  private sessionWaiters: { resolve: (s: unknown) => void; reject: (e: Error) => void }[] = [];
  /** This page's id at the server: random, and nothing of the key. */
  private readonly id = `trainer-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
  /** 'bad-room' once the server has refused this page's class or key (a server restarted since the link was printed), until it accepts it. */
  refused = '';

  constructor(readonly credentials: TrainerCredentials) {
    super();
    this.socket = new ClassSocket(() => ({ t: 'hello', room: credentials.room, client: this.id, key: credentials.key }), this.onMessage);
    this.socket.addEventListener('status', () => {
      if (this.socket.status === 'open') this.resend();
      if (this.socket.status === 'closed') {
        for (const w of this.sessionWaiters) w.reject(new Error('the connection to the classroom server dropped'));
        this.sessionWaiters = [];
      }
      this.changed();
    });
  }

  get status(): SocketStatus {
    return this.socket.status;
  }

  /** Back after a drop: the class on this page's chapter, with its answer or its vote as this page last set them. */
  private resend(): void {
    const c = this.chapter;
    if (!c) return;
    this.socket.send({ t: 'chapter', chapter: c });
    const answer = this.results.get(c.id);
    if (answer) this.socket.send({ t: 'result', chapter: c.id, answer });
    else if (this.open !== undefined) this.socket.send({ t: 'vote', open: this.open });
  }

  /** Moves the class to a chapter (its vote opens, unless it has run), or gives the current one's words again. */
  show(chapter: PhoneChapter): void {
    if (this.chapter?.id !== chapter.id) this.open = undefined;
    this.chapter = chapter;
    this.socket.send({ t: 'chapter', chapter });
  }

  vote(open: boolean): void {
    this.open = open;
    // Reopened (the trainer's reset): the chapter's answer is withdrawn until it runs again.
    if (open && this.chapter) this.results.delete(this.chapter.id);
    this.socket.send({ t: 'vote', open });
  }

  result(chapter: string, answer: ModelAnswer): void {
    this.results.set(chapter, answer);
    this.socket.send({ t: 'result', chapter, answer });
  }

  /** The session so far, from the server (without the manifest, which the page adds). */
  session(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (!this.socket.send({ t: 'export' })) reject(new Error('not connected to the classroom server'));
      else this.sessionWaiters.push({ resolve, reject });
    });
  }

  stop(): void {
    this.socket.stop();
  }

  private onMessage = (m: ServerMessage) => {
    if (m.t === 'room') {
      this.state = m;
      this.refused = '';
    } else if (m.t === 'session') {
      for (const w of this.sessionWaiters) w.resolve(m.session);
      this.sessionWaiters = [];
    } else if (m.t === 'refused' && m.why === 'bad-room') this.refused = m.why;
    this.changed();
  };

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
