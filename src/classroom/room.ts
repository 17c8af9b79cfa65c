import type { ClassAnswer, ClientMessage, PhoneChapter, RefusalReason, StudentState, TrainerState } from './protocol.ts';
import type { ClassSession, SessionChapter } from './session.ts';

/** What changed after a message, so the server knows whom to tell. */
export interface Change {
  /** Every student's state changed (a new chapter, the vote opened or closed, the model's answer). */
  students: boolean;
  /** Only the sender's own state (their answer). */
  sender: boolean;
  trainer: boolean;
  /** The session, for an export. */
  session?: Omit<ClassSession, 'manifest'> & { room: string; started: string };
}

const NOTHING: Change = { students: false, sender: false, trainer: false };

interface Log extends SessionChapter {
  /** Each student's answer, by client id (the export keeps the answers only). */
  byClient: Map<string, ClassAnswer>;
}

/**
 * One class's state, kept by the classroom server: pure (no sockets, no clock but the one given), so its
 * rules are tested directly. The trainer (whoever holds the key) moves the class between chapters,
 * opens and closes the vote and posts the model's answer; students answer the current chapter while the
 * vote is open and can change their answer until it closes. A student is known by the random id their
 * phone keeps, so one who reconnects finds their answers again.
 */
export class Room {
  private readonly chapters = new Map<string, Log>();
  private readonly order: string[] = [];
  /** Connected sockets per student id (a student with two tabs counts once). */
  private readonly connected = new Map<string, number>();
  /** Every student id that has joined: capped, so ids a client invents cannot grow the room (or its votes) without bound. */
  private readonly known = new Set<string>();
  private current: Log | null = null;
  private currentChapter: PhoneChapter | null = null;
  private open = false;
  readonly started: string;

  constructor(
    readonly code: string,
    readonly joinUrl: string,
    private readonly now: () => Date = () => new Date(),
    /** The most students the room takes (ids, over the whole lesson). */
    private readonly maxStudents = 600,
  ) {
    this.started = now().toISOString();
  }

  /** A student's socket joined (or rejoined); refused once the room has taken its most students. */
  join(client: string): Change | { refused: RefusalReason } {
    if (!this.known.has(client)) {
      if (this.known.size >= this.maxStudents) return { refused: 'full' };
      this.known.add(client);
    }
    this.connected.set(client, (this.connected.get(client) ?? 0) + 1);
    return { ...NOTHING, trainer: true };
  }

  /** A student's socket closed. */
  leave(client: string): Change {
    const n = (this.connected.get(client) ?? 0) - 1;
    if (n > 0) this.connected.set(client, n);
    else this.connected.delete(client);
    return { ...NOTHING, trainer: true };
  }

  /** Applies a message (its sender's role already checked by the server), or says why it is refused. */
  receive(client: string, m: ClientMessage, trainer: boolean): Change | { refused: RefusalReason } {
    switch (m.t) {
      case 'hello':
        return NOTHING;
      case 'answer':
        return this.answer(client, m.chapter, m.answer);
      case 'chapter':
        return trainer ? this.showChapter(m.chapter) : { refused: 'not-allowed' };
      case 'vote':
        if (!trainer) return { refused: 'not-allowed' };
        if (!this.current) return { refused: 'no-chapter' };
        this.setOpen(m.open);
        return { ...NOTHING, students: true, trainer: true };
      case 'result': {
        if (!trainer) return { refused: 'not-allowed' };
        const log = this.chapters.get(m.chapter);
        if (!log) return { refused: 'no-chapter' };
        if (log === this.current) this.setOpen(false);
        log.model = m.answer;
        log.ran = this.now().toISOString();
        return { ...NOTHING, students: true, trainer: true };
      }
      case 'export':
        return trainer ? { ...NOTHING, session: this.session() } : { refused: 'not-allowed' };
    }
  }

  private answer(client: string, chapter: string, a: ClassAnswer): Change | { refused: RefusalReason } {
    const log = this.current;
    const c = this.currentChapter;
    if (!log || !c || log.id !== chapter) return { refused: 'no-chapter' };
    if (!this.open) return { refused: 'vote-closed' };
    const p = c.prediction;
    if (!this.known.has(client)) return { refused: 'not-joined' };
    const fits = p.kind === 'choice' ? 'option' in a && a.option < p.options.length : 'value' in a && a.value >= p.min && a.value <= p.max;
    if (!fits) return { refused: 'malformed' };
    log.byClient.set(client, a);
    return { ...NOTHING, sender: true, trainer: true };
  }

  private showChapter(c: PhoneChapter): Change {
    // The current chapter again (its words in another language, or the trainer's page back after a drop):
    // the phones get the words; the vote stays as it is.
    if (this.current?.id === c.id) {
      this.currentChapter = c;
      return { ...NOTHING, students: true };
    }
    let log = this.chapters.get(c.id);
    if (!log) {
      log = {
        id: c.id,
        index: c.index,
        title: c.title,
        question: c.question,
        kind: c.prediction.kind,
        options: c.prediction.kind === 'choice' ? c.prediction.options : [],
        unit: c.units.text,
        opened: this.now().toISOString(),
        closed: null,
        ran: null,
        answers: [],
        model: null,
        byClient: new Map(),
      };
      this.chapters.set(c.id, log);
      this.order.push(c.id);
    }
    // The class leaves a chapter whose vote is open: that vote closes now.
    if (this.current && this.current !== log && this.open && !this.current.closed) this.current.closed = this.now().toISOString();
    this.current = log;
    this.currentChapter = c;
    // A chapter already run shows its answer; any other opens for votes.
    this.setOpen(log.model === null);
    return { ...NOTHING, students: true, trainer: true };
  }

  private setOpen(open: boolean): void {
    if (!this.current) return;
    this.open = open;
    if (open) {
      this.current.closed = null;
      this.current.model = null;
      this.current.ran = null;
    } else if (!this.current.closed) this.current.closed = this.now().toISOString();
  }

  /** What a student's phone shows. */
  studentState(client: string): StudentState {
    const log = this.current;
    return {
      t: 'state',
      chapter: this.currentChapter,
      open: this.open,
      answer: log?.byClient.get(client) ?? null,
      result: this.open ? null : (log?.model ?? null),
    };
  }

  /** What the trainer's page shows. */
  trainerState(): TrainerState {
    const answers = this.current ? [...this.current.byClient.values()] : [];
    return {
      t: 'room',
      code: this.code,
      joinUrl: this.joinUrl,
      joined: this.connected.size,
      answered: answers.length,
      open: this.open,
      chapter: this.current?.id ?? null,
      answers,
    };
  }

  /** The session so far, in the order chapters were first shown (the trainer's page adds the manifest). */
  session(): NonNullable<Change['session']> {
    const chapters = this.order.map((id) => {
      const { byClient, ...log } = this.chapters.get(id) as Log;
      return { ...log, answers: [...byClient.values()] };
    });
    return { format: 'trustfall-class-session', version: 1, room: this.code, started: this.started, chapters };
  }
}
