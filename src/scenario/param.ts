import { z } from 'zod';

/**
 * Parameters are declared as data: each section's table (the JSON files in sections/) gives every
 * parameter's kind, default and range, and the words it must carry about itself: unit, plain-language
 * description and source (a citation from shared/evidence/targets.md, or "assumption"). The UI's
 * controls, the docs' parameter table, the JSON Schema and the CLI's error messages are all generated
 * from these fields. The few parameters whose type comes from the vocabulary (choices over its lists,
 * text, a day that may be null) are declared in code and take their words from the table.
 */

/** What every parameter says about itself. */
interface Words {
  unit?: string;
  description?: string;
  source?: string;
}

/** A table entry: a kind with its default (and range), a nested section, or words only (declared in code). */
type Entry = (Words & { share: number }) | (Words & { num: number[] }) | (Words & { int: number[] }) | (Words & { flag: boolean }) | Table | Words;

/** A section's table: what the section holds, and its parameters in the order the UI and docs show them. */
interface Table {
  description: string;
  parameters: Record<string, Entry>;
}

/** Keys this project adds to JSON Schema nodes (JSON Schema allows extra keywords). */
type ParamMeta = {
  description: string;
  unit?: string;
  source?: string;
};

type Section<S> = z.ZodPrefault<z.ZodObject<S extends z.ZodRawShape ? S : never, z.core.$strict>>;
type FromEntry<E> = E extends { flag: boolean }
  ? z.ZodDefault<z.ZodBoolean>
  : E extends { share: number } | { num: number[] } | { int: number[] }
    ? z.ZodDefault<z.ZodNumber>
    : E extends { parameters: infer P }
      ? Section<ShapeOf<P, Record<never, never>>>
      : never;
/** The zod shape a table declares, with the entries `code` declares taken from it. */
type ShapeOf<P, C> = { -readonly [K in keyof P]: K extends keyof C ? Exclude<C[K], undefined> : FromEntry<P[K]> };

/** The unit a kind implies when its entry names none. */
const IMPLIED_UNIT = { share: 'share (0–1)', flag: 'on/off' } as const;

/**
 * The zod shape of a table's parameters. An entry the table gives words only must be declared in
 * `code`; its words (and any the code's own meta gives, which win) become its meta. Throws at load
 * time where a parameter would lack a unit, a description or a source, or where code and table
 * disagree on the names, so a table and its code cannot drift apart unseen.
 */
export function shapeOf<const T extends Table, const C extends Partial<Record<keyof T['parameters'], z.ZodType>> = Record<never, never>>(
  table: T,
  code?: C,
): ShapeOf<T['parameters'], C> {
  const shape: Record<string, z.ZodType> = {};
  const declared: Record<string, z.ZodType | undefined> = code ?? {};
  for (const name of Object.keys(declared)) {
    if (!(name in table.parameters)) throw new Error(`parameter table: code declares "${name}", which the table "${table.description}" lacks`);
  }
  for (const [name, entry] of Object.entries(table.parameters)) {
    const own = declared[name];
    if (own) shape[name] = 'parameters' in entry ? own : own.meta(words(name, { ...entry, ...own.meta() }));
    else shape[name] = fromEntry(name, entry);
  }
  return shape as ShapeOf<T['parameters'], C>;
}

/**
 * A group of parameters: unknown keys are refused, and a missing group is filled from its members'
 * defaults (`prefault` parses the empty object, so inner defaults apply).
 */
export function section<const T extends Table, const C extends Partial<Record<keyof T['parameters'], z.ZodType>> = Record<never, never>>(
  table: T,
  code?: C,
): Section<ShapeOf<T['parameters'], C>> {
  // The mapped type is only known at the call site (from the table's JSON); here it is any shape.
  const object = z.strictObject(shapeOf(table, code) as z.ZodRawShape);
  return object.prefault({} as never).meta({ description: table.description }) as unknown as Section<ShapeOf<T['parameters'], C>>;
}

/** One of a fixed list of values (its words come from the table). */
export function choice<const T extends readonly [string, ...string[]]>(values: T, def: T[number]) {
  return z.enum(values).default(def as never);
}

function fromEntry(name: string, entry: Entry): z.ZodType {
  if ('parameters' in entry) return section(entry);
  if ('flag' in entry)
    return z
      .boolean()
      .default(entry.flag)
      .meta(words(name, { unit: IMPLIED_UNIT.flag, ...entry }));
  if ('share' in entry) return ranged(z.number(), name, [entry.share, 0, 1]).meta(words(name, { unit: IMPLIED_UNIT.share, ...entry }));
  if ('num' in entry) return ranged(z.number(), name, entry.num).meta(words(name, entry));
  if ('int' in entry) return ranged(z.int(), name, entry.int).meta(words(name, entry));
  throw new Error(`parameter table: "${name}" has words only; declare its type in code`);
}

function ranged(base: z.ZodNumber, name: string, [def, min, max, ...rest]: number[]) {
  if (max === undefined || rest.length > 0 || !(min <= def && def <= max)) {
    throw new Error(`parameter table: "${name}" must give [default, min, max] with min ≤ default ≤ max`);
  }
  return base.min(min).max(max).default(def);
}

function words(name: string, w: Words): ParamMeta {
  const { unit, description, source } = w;
  if (!unit || !description || !source) throw new Error(`parameter table: "${name}" needs a unit, a description and a source`);
  return { description, unit, source };
}
