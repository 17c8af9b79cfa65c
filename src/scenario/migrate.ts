import { SCHEMA_VERSION } from './schema.ts';

/**
 * Upgrades of older scenario files, keyed by the version they upgrade from. Each takes the raw object
 * of version N and returns one of version N + 1. Version 1 is the first published format, so there are
 * none yet; when the format changes, bump SCHEMA_VERSION and add the step here with a test.
 */
const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {};

/** The oldest version this build can still read. */
export const OLDEST_READABLE_VERSION = SCHEMA_VERSION - Object.keys(MIGRATIONS).length;

/**
 * Brings a raw scenario object to the current schemaVersion, or explains why it cannot.
 * A missing schemaVersion is read as the current one (files written by hand often leave it out).
 */
export function migrate(raw: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  const v = raw.schemaVersion ?? SCHEMA_VERSION;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return { ok: false, problem: `schemaVersion: ${JSON.stringify(v)} is not a whole number; this build reads versions ${OLDEST_READABLE_VERSION} to ${SCHEMA_VERSION}` };
  }
  if (v > SCHEMA_VERSION) {
    return { ok: false, problem: `schemaVersion: ${v} is newer than this build understands (${SCHEMA_VERSION}); update Trustfall to read it` };
  }
  if (v < OLDEST_READABLE_VERSION) {
    return { ok: false, problem: `schemaVersion: ${v} is older than any version this build can migrate (oldest ${OLDEST_READABLE_VERSION}, current ${SCHEMA_VERSION}); re-create the file from a preset` };
  }
  let value = raw;
  for (let from = v; from < SCHEMA_VERSION; from++) value = { ...MIGRATIONS[from](value), schemaVersion: from + 1 };
  return { ok: true, value };
}
