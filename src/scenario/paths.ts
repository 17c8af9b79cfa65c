/**
 * Field paths, in one place: `jurisdictions[0].policy.model` as text (in files, flags and messages) and
 * ['jurisdictions', 0, 'policy', 'model'] as a list, read and written in plain objects.
 */
export type Path = (string | number)[];

/** Names that would reach an object's prototype instead of a field. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A path that is not written like a field path. */
class PathError extends Error {
  override name = 'PathError';
}

/** "jurisdictions[0].policy.model" → ['jurisdictions', 0, 'policy', 'model']. */
export function parsePath(text: string): Path {
  const out: Path = [];
  for (const part of text.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new PathError(`path ${JSON.stringify(text)} is not a field path like jurisdictions[0].policy.model`);
    if (FORBIDDEN.has(m[1])) throw new PathError(`path ${JSON.stringify(text)} names ${m[1]}, which is not a scenario field`);
    out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

export function getAt(obj: unknown, path: Path): unknown {
  let v: unknown = obj;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** A copy of obj with the value at path replaced (missing objects are created); undefined deletes. */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [k, ...rest] = path;
  const base = (obj && typeof obj === 'object' ? obj : typeof k === 'number' ? [] : {}) as Record<string | number, unknown>;
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, unknown>;
  const next = setAt(base[k], rest, value);
  if (next === undefined) delete copy[k];
  else copy[k] = next;
  return copy as T;
}

/** `jurisdictions[0].policy.model` for display and for matching error messages (the same as errors.ts `formatPath`). */
export { formatPath as pathText } from './errors.ts';
