import { z } from 'zod';
import { ClassAnswer, ModelAnswer } from './protocol.ts';

/**
 * A class session as the trainer exports it: per chapter, the question, the room's anonymous
 * predictions (in the order students first answered, with no ids), the model's answer, and when the vote
 * opened, closed and the chapter ran. JSON carries a manifest (engine version, room, times); the CSV is
 * one row per prediction with the manifest in its first lines.
 */

const Time = z.iso.datetime();

export const SessionChapter = z
  .object({
    id: z.string(),
    index: z.int().min(0),
    title: z.string(),
    question: z.string(),
    kind: z.enum(['choice', 'slider']),
    /** A choice's answers (none for a slider; in the CSV, as a JSON list). */
    options: z.array(z.string()),
    /** The unit of the model's answer and of a slider's predictions. */
    unit: z.string(),
    opened: Time,
    closed: Time.nullable(),
    ran: Time.nullable(),
    answers: z.array(ClassAnswer),
    model: ModelAnswer.nullable(),
  })
  .strict();
export type SessionChapter = z.infer<typeof SessionChapter>;

const SessionManifest = z
  .object({
    app: z.literal('Trustfall'),
    engineVersion: z.string(),
    room: z.string(),
    started: Time,
    exported: Time,
  })
  .strict();
export type SessionManifest = z.infer<typeof SessionManifest>;

export const ClassSession = z
  .object({
    format: z.literal('trustfall-class-session'),
    version: z.literal(1),
    manifest: SessionManifest,
    chapters: z.array(SessionChapter),
  })
  .strict();
export type ClassSession = z.infer<typeof ClassSession>;

/** The session as the JSON file's text. */
export function sessionJson(s: ClassSession): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** Reads a session JSON file back (throws with the field-named problems if it is not one). */
export function readSessionJson(text: string): ClassSession {
  const r = ClassSession.safeParse(JSON.parse(text));
  if (!r.success) throw new Error(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return r.data;
}

/** The CSV's columns, one row per prediction (a chapter no one answered has one row with the answer empty). */
export const SESSION_CSV_COLUMNS = [
  'chapter',
  'index',
  'title',
  'question',
  'kind',
  'options',
  'unit',
  'opened',
  'closed',
  'ran',
  'model_mean',
  'model_lo',
  'model_hi',
  'model_option',
  'model_difference',
  'model_replicates',
  'answer',
] as const;

/** A CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function field(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The session as CSV: two comment lines with the manifest, a header, then a row per prediction. */
export function sessionCsv(s: ClassSession): string {
  const lines = [`# trustfall-class-session 1`, `# manifest ${JSON.stringify(s.manifest)}`, SESSION_CSV_COLUMNS.join(',')];
  for (const c of s.chapters) {
    const m = c.model;
    const base = [
      c.id,
      c.index,
      c.title,
      c.question,
      c.kind,
      JSON.stringify(c.options),
      c.unit,
      c.opened,
      c.closed,
      c.ran,
      m?.mean ?? null,
      m?.lo ?? null,
      m?.hi ?? null,
      m?.option ?? null,
      m ? m.difference : null,
      m?.replicates ?? null,
    ];
    const answers = c.answers.length ? c.answers.map((a) => ('option' in a ? a.option : a.value)) : [null];
    for (const a of answers) lines.push([...base, a].map(field).join(','));
  }
  return `${lines.join('\n')}\n`;
}
