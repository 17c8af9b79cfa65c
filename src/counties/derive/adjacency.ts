/**
 * Neighbours from the Census county adjacency file (2024; pipe-delimited: county name, county GEOID,
 * neighbour name, neighbour GEOID). Each county lists itself, which is dropped; counties outside
 * `known` (Puerto Rico, the island areas) are left out. Adjacency comes from this file, never from map
 * outlines, which lose corner contacts and water crossings.
 */
export function neighboursFrom(lines: readonly string[], known: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const line of lines) {
    const [, a, , b] = line.split('|');
    if (!a || !b || !/^\d{5}$/.test(a) || a === b || !known.has(a) || !known.has(b)) continue;
    const set = out.get(a) ?? new Set<string>();
    set.add(b);
    out.set(a, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
