import { z } from 'zod';
import { Scenario } from './schema.ts';

/** A node of the generated JSON Schema, with the keys this project adds (unit, source). */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  unit?: string;
  source?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  [key: string]: unknown;
}

let cached: SchemaNode | undefined;

/** The scenario format as JSON Schema (input side: fields with defaults are optional). */
export function scenarioJsonSchema(): SchemaNode {
  cached ??= z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
  return cached;
}

/** The schema node describing the value at `path`, or undefined when the path leaves the schema. */
export function schemaNodeAt(path: readonly PropertyKey[], root: SchemaNode = scenarioJsonSchema()): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    if (typeof key === 'number') node = node.items;
    else node = node.properties?.[String(key)];
  }
  return node;
}

/** One leaf parameter of the schema, flattened: what the docs table and the UI list. */
export interface ParamEntry {
  path: string;
  node: SchemaNode;
}

/** Every leaf parameter, in schema order; array items appear once with `[]` in the path. */
export function listParameters(): ParamEntry[] {
  const out: ParamEntry[] = [];
  const walk = (node: SchemaNode, path: string) => {
    if (node.properties) {
      for (const [k, child] of Object.entries(node.properties)) walk(child, path ? `${path}.${k}` : k);
    } else if (node.items) {
      walk(node.items, `${path}[]`);
    } else {
      out.push({ path, node });
    }
  };
  walk(scenarioJsonSchema(), '');
  return out;
}

/** The committed JSON Schema file's text (a test checks the file matches). */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify({ ...scenarioJsonSchema(), title: 'Trustfall scenario' }, null, 2) + '\n';
}
