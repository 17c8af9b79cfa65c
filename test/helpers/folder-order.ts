import { dirname, join, normalize, relative, sep } from 'node:path';

/**
 * The folder order of the code (docs/design.md, "Design of the engine"): a folder may import from its own
 * layer's peers and from layers below, never from one above. Vocabulary (codes and translation) is at
 * the bottom; the page and the command line at the top.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['vocabulary'],
  ['scenario'],
  ['engine'],
  ['report', 'evidence', 'compare', 'sweep', 'sensitivity', 'calibrate', 'story', 'i18n', 'pool', 'counties', 'classroom'],
  ['render', 'workers'],
  ['ui', 'cli'],
];

const layerOf = new Map(LAYERS.flatMap((folders, layer) => folders.map((f) => [f, layer] as const)));

/** The folder a file belongs to: `workers`, or the folder under `src/`. */
export function folderOf(file: string): string {
  const parts = normalize(file).split(sep);
  return parts[0] === 'workers' ? 'workers' : parts[0] === 'src' && parts.length > 2 ? parts[1] : parts[0];
}

/**
 * Every module a file names: static imports and re-exports (type-only ones too), side-effect imports,
 * dynamic imports and Worker scripts (`new URL('…', import.meta.url)`). Comments are dropped first, so
 * an import shown in a comment is not one.
 */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[\w*${}\s,]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bnew\s+URL\s*\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const p of patterns) for (const m of code.matchAll(p)) found.push(m[1]);
  return found;
}

export interface Violation {
  file: string;
  imports: string;
  why: string;
}

/** Upward imports, imports of folders the order does not place, and cycles between folders, in `files` (path → text). */
export function folderOrderViolations(files: ReadonlyMap<string, string>): Violation[] {
  const out: Violation[] = [];
  const edges = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    const from = folderOf(file);
    if (!layerOf.has(from)) out.push({ file, imports: '', why: `its folder ${from} has no place in the folder order` });
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) continue;
      const target = relative('.', join(dirname(file), spec));
      const to = folderOf(target);
      if (to === from) continue;
      if (!layerOf.has(to)) {
        out.push({ file, imports: spec, why: `${to} has no place in the folder order` });
        continue;
      }
      if ((layerOf.get(to) ?? 0) > (layerOf.get(from) ?? 0)) out.push({ file, imports: spec, why: `${from} may not import from ${to}, a layer above it` });
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
    }
  }
  // Peers may import each other, but not both ways round (directly or through others).
  for (const cycle of cycles(edges)) out.push({ file: cycle.join(' → '), imports: '', why: 'these folders import each other in a cycle' });
  return out;
}

/** Every cycle of folders, once each (as a path from its least folder back to it). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const found = new Map<string, string[]>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of edges.get(at) ?? []) {
      if (next === start) {
        const key = [...path].sort().join(',');
        if (!found.has(key)) found.set(key, [...path, start]);
      } else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of edges.keys()) walk(start, start, [start]);
  return [...found.values()];
}
