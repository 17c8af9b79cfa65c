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
 * (head counts and the current chapter's anonymous answers) for the projector. What it last asked for is
 * asked again after a reconnection, so a server restart or a dropped laptop Wi-Fi does not lose the class.
 */
export class ClassLink extends EventTarget {
  state: TrainerState | undefined;
  private readonly socket: ClassSocket;
  private chapter?: PhoneChapter;
  private sessionWaiters: ((s: unknown) => void)[] = [];
  /** 'bad-room' once the server has refused this page's class or key (a server restarted since the link was printed), until it accepts it. */
  refused = '';

  constructor(readonly credentials: TrainerCredentials) {
    super();
    this.socket = new ClassSocket(
      () => ({ t: 'hello', room: credentials.room, client: `trainer-${credentials.key.slice(0, 16)}`, key: credentials.key }),
      this.onMessage,
    );
    this.socket.addEventListener('status', () => {
      // Back after a drop (or a restarted server, which knows nothing of the class): put the class where
      // this page is. A chapter that has run keeps its answer on a server that stayed up.
      if (this.socket.status === 'open' && this.chapter) this.socket.send({ t: 'chapter', chapter: this.chapter });
      this.changed();
    });
  }

  get status(): SocketStatus {
    return this.socket.status;
  }

  /** Moves the class to a chapter (its vote opens, unless it has run). */
  show(chapter: PhoneChapter): void {
    this.chapter = chapter;
    this.socket.send({ t: 'chapter', chapter });
  }

  vote(open: boolean): void {
    this.socket.send({ t: 'vote', open });
  }

  result(chapter: string, answer: ModelAnswer): void {
    this.socket.send({ t: 'result', chapter, answer });
  }

  /** The session so far, from the server (without the manifest, which the page adds). */
  session(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (!this.socket.send({ t: 'export' })) reject(new Error('not connected to the classroom server'));
      else this.sessionWaiters.push(resolve);
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
      for (const w of this.sessionWaiters) w(m.session);
      this.sessionWaiters = [];
    } else if (m.t === 'refused' && m.why === 'bad-room') this.refused = m.why;
    this.changed();
  };

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
