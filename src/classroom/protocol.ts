import { z } from 'zod';

/**
 * Class mode's messages (docs/trainers.md, "Class mode"): students' phones and the trainer's projector
 * page talk to the classroom server (src/cli/classroom/) over one WebSocket each, in JSON. Everything a
 * client sends is checked here before the server reads it; nothing a student sends is free text, so
 * nothing from a student can carry a name or be shown as markup.
 */

/** The WebSocket's path on the classroom server. */
export const CLASS_SOCKET_PATH = '/class';

/** The largest message the server reads (bytes); a larger one is refused and counted. */
export const MAX_MESSAGE_BYTES = 4096;

/** Room codes: 8 letters and digits that cannot be misread (no I, L, O, 0, 1): 31^8, about 8.5 × 10^11 codes. */
export const ROOM_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 8;
const RoomCode = z.string().regex(new RegExp(`^[${ROOM_ALPHABET}]{${ROOM_CODE_LENGTH}}$`), 'is not a room code');

/** A client's own id (random, kept by the phone so a student who reconnects keeps their answers): not a name. */
const ClientId = z.string().regex(/^[A-Za-z0-9_-]{16,40}$/, 'is not a client id');

/** The trainer's secret: 32 hexadecimal digits (128 bits), only in the trainer's link. */
const TrainerKey = z.string().regex(/^[0-9a-f]{32}$/, 'is not a trainer key');

const ChapterId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** A prediction: the index of a choice's option, or a slider's value (in the chapter's display units). */
export const ClassAnswer = z.union([z.object({ option: z.int().min(0).max(5) }).strict(), z.object({ value: z.number().finite() }).strict()]);
export type ClassAnswer = z.infer<typeof ClassAnswer>;

const Words = (max: number) => z.string().min(1).max(max);

/** What a phone shows of a chapter: its question and how to answer it (sent by the trainer's page). */
export const PhoneChapter = z
  .object({
    id: ChapterId,
    index: z.int().min(0).max(99),
    count: z.int().min(1).max(100),
    title: Words(100),
    question: Words(300),
    /** How the measure's values are written: their unit (" points", "%"), whether with a sign (a difference), and digits. */
    units: z.object({ text: z.string().max(80), signed: z.boolean(), digits: z.int().min(0).max(3) }).strict(),
    prediction: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('choice'), options: z.array(Words(120)).min(2).max(6) }).strict(),
      z
        .object({
          kind: z.literal('slider'),
          min: z.number().finite(),
          max: z.number().finite(),
          step: z.number().finite().positive(),
          start: z.number().finite(),
        })
        .strict(),
    ]),
  })
  .strict();
export type PhoneChapter = z.infer<typeof PhoneChapter>;

/** The model's answer to a chapter's question, in the chapter's display units (its mean and 95% interval). */
export const ModelAnswer = z
  .object({
    mean: z.number().finite(),
    lo: z.number().finite().nullable(),
    hi: z.number().finite().nullable(),
    /** For a choice: the option holding the mean. */
    option: z.int().min(0).max(5).nullable(),
    /** Whether the answer is a difference from a comparison (so its sign is a direction). */
    difference: z.boolean(),
    replicates: z.int().min(1).max(1000),
  })
  .strict();
export type ModelAnswer = z.infer<typeof ModelAnswer>;

/** Anything a client may send. A student may send only `hello` and `answer`; the server refuses the rest. */
export const ClientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('hello'), room: RoomCode, client: ClientId, key: TrainerKey.optional() }).strict(),
  z.object({ t: z.literal('answer'), chapter: ChapterId, answer: ClassAnswer }).strict(),
  z.object({ t: z.literal('chapter'), chapter: PhoneChapter }).strict(),
  z.object({ t: z.literal('vote'), open: z.boolean() }).strict(),
  z.object({ t: z.literal('result'), chapter: ChapterId, answer: ModelAnswer }).strict(),
  z.object({ t: z.literal('export') }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** What a student's phone is told: the class's chapter, whether the vote is open, their own answer, the model's once run. */
export interface StudentState {
  t: 'state';
  chapter: PhoneChapter | null;
  open: boolean;
  answer: ClassAnswer | null;
  result: ModelAnswer | null;
}

/** What the trainer's page is told: the room's code and join link, head counts, and the current chapter's answers (no ids). */
export interface TrainerState {
  t: 'room';
  code: string;
  joinUrl: string;
  joined: number;
  answered: number;
  open: boolean;
  chapter: string | null;
  answers: ClassAnswer[];
}

/** A message the server refused, and why (the client may show it; the server counts it). */
export interface Refusal {
  t: 'refused';
  why: RefusalReason;
}

export type RefusalReason = 'oversized' | 'malformed' | 'rate' | 'not-allowed' | 'bad-room' | 'full' | 'not-joined' | 'no-chapter' | 'vote-closed';

export type ServerMessage = StudentState | TrainerState | Refusal | { t: 'session'; session: unknown };

/** Reads a client's message: the parsed message, or why it is refused. */
export function readClientMessage(data: string): { message: ClientMessage } | { refused: 'oversized' | 'malformed' } {
  // The server has counted the bytes already; a string this long in characters has more bytes still.
  if (data.length > MAX_MESSAGE_BYTES) return { refused: 'oversized' };
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return { refused: 'malformed' };
  }
  const r = ClientMessage.safeParse(raw);
  return r.success ? { message: r.data } : { refused: 'malformed' };
}
