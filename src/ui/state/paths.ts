/** Reads and writes values at a path like ['jurisdictions', 0, 'policy', 'model'] in plain objects. */
export type Path = (string | number)[];

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

/** `jurisdictions[0].policy.model` for display and for matching error messages. */
export function pathText(path: Path): string {
  let s = '';
  for (const k of path) s += typeof k === 'number' ? `[${k}]` : s ? `.${k}` : k;
  return s;
}
