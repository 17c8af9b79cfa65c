import { msg, str } from '@lit/localize';
import { humanise } from './editor-words.ts';
import { translated } from '../vocabulary/translated.ts';
import type { z } from 'zod';
import { schemaNodeAt, type SchemaNode } from './json-schema.ts';
import { getAt, type Path } from './paths.ts';

/** A scenario that cannot be run, with one readable line per problem. */
export class ScenarioError extends Error {
  constructor(
    /** Each problem, starting with the field path it concerns. */
    readonly problems: string[],
    source = 'scenario',
  ) {
    super(`${source} is not a valid scenario:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ScenarioError';
  }
}

/** `jurisdictions[0].policy.model` from ['jurisdictions', 0, 'policy', 'model']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    // A name that is not a plain word (spaces, dots, markup, nothing) is quoted, so the line still shows which field.
    else if (typeof k === 'string' && !/^[A-Za-z_$][\w$]*$/.test(k)) s += `[${JSON.stringify(k.length > 40 ? `${k.slice(0, 37)}...` : k)}]`;
    else s += s ? `.${String(k)}` : String(k);
  }
  return s || '(top level)';
}

/** One line per zod issue, naming the field, the value given and what is allowed. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown, root?: SchemaNode): string[] {
  return issues.flatMap((issue) => describeIssue(issue, input, root));
}

/** Issue lines in the page's language where a catalogue is loaded (the editor); English elsewhere (the CLI, files). */
function describeIssue(issue: z.core.$ZodIssue, input: unknown, root?: SchemaNode): string[] {
  const path = issue.path;
  const node = schemaNodeAt(path, root);
  const value = getAt(input, path as Path);
  const where = formatPath(path);
  const given = show(value);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = Object.keys(node?.properties ?? {}).join(', ');
      return issue.keys.map((k) => {
        const field = formatPath([...path, k]);
        return msg(str`${field}: unknown field; allowed here: ${allowed}`);
      });
    }
    case 'too_big':
    case 'too_small': {
      if (issue.origin === 'array') {
        const count = Array.isArray(value) ? value.length : '?';
        const allowed = describeCount(issue);
        return [msg(str`${where}: has ${count} entries; allowed ${allowed}`)];
      }
      if (issue.origin === 'string') {
        const detail = issue.message;
        return [issue.code === 'too_big' ? msg(str`${where}: ${given} is too long; ${detail}`) : msg(str`${where}: ${given} is too short; ${detail}`)];
      }
      const allowed = describeAllowed(node);
      return [msg(str`${where}: ${given} is out of range; allowed ${allowed}`)];
    }
    case 'invalid_type': {
      const allowed = describeAllowed(node);
      if (value === undefined) return [msg(str`${where}: is required (${allowed})`)];
      const kind = typeName(value);
      return [msg(str`${where}: ${given} is ${kind}; expected ${allowed}`)];
    }
    case 'invalid_value': {
      const allowed = describeAllowed(node);
      return [msg(str`${where}: ${given} is not allowed; expected ${allowed}`)];
    }
    default: {
      const detail = issue.message;
      // A check across fields can fail on a value the file leaves to its default: name the default.
      const shown = value === undefined && node?.default !== undefined ? `${show(node.default)} (the default)` : given;
      return [`${where}: ${shown}: ${detail}`];
    }
  }
}

/**
 * "a number from 1 to 20 (ratio)", "one of none, taskForce", … for error messages and help; with a
 * locale, the range's numbers in its style ("de 0,1 a 10" in Spanish), as the page shows every number.
 */
export function describeAllowed(node: SchemaNode | undefined, locale?: string): string {
  if (!node) return msg('nothing here');
  // A value that may also be null (e.g. an agreement's end day): the value's range, or null for none.
  const options = node.anyOf as SchemaNode[] | undefined;
  if (options?.some((o) => o.type === 'null')) {
    const value = options.find((o) => o.type !== 'null');
    if (value) {
      const allowed = describeAllowed({ ...value, unit: node.unit }, locale);
      return msg(str`${allowed}, or null for none`);
    }
  }
  // Units and kinds in the app's language where a catalogue is loaded (the editor); English elsewhere.
  const unit = node.unit && !['choice', 'text', 'on/off', 'integer'].includes(node.unit) ? ` (${translated(node.unit)})` : '';
  if (node.enum) {
    // On the page, the values as the editor names them ("Task force"); in messages and files, as written ("taskForce").
    const values = node.enum.map((v) => (locale ? translated(humanise(String(v))) : JSON.stringify(v))).join(', ');
    return msg(str`one of ${values}`);
  }
  if (node.const !== undefined) return `${JSON.stringify(node.const)}`;
  const kind =
    node.type === 'integer'
      ? msg('a whole number')
      : node.type === 'number'
        ? msg('a number')
        : node.type === 'boolean'
          ? msg('true or false')
          : node.type === 'string'
            ? msg('text')
            : node.type === 'array'
              ? msg('a list')
              : node.type === 'object'
                ? msg('an object')
                : msg('a value');
  if (node.minimum !== undefined && node.maximum !== undefined) {
    const number = (x: number) => (locale ? new Intl.NumberFormat(locale, { maximumFractionDigits: 10 }).format(x) : String(x));
    const minimum = number(node.minimum);
    const maximum = number(node.maximum);
    return msg(str`${kind} from ${minimum} to ${maximum}${unit}`);
  }
  return `${kind}${unit}`;
}

function describeCount(issue: { code: string; minimum?: unknown; maximum?: unknown }): string {
  const max = String(issue.maximum);
  const min = String(issue.minimum);
  return issue.code === 'too_big' ? msg(str`at most ${max}`) : msg(str`at least ${min}`);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' && !Number.isFinite(v)) return msg('not a finite number');
  if (Array.isArray(v)) return msg('a list');
  if (typeof v === 'string') return msg('text');
  if (typeof v === 'number') return Number.isInteger(v) ? msg('a whole number') : msg('a number');
  if (typeof v === 'boolean') return msg('true or false');
  return msg('an object');
}

function show(v: unknown): string {
  // JSON would print Infinity (a parsed 1e400) as null; and a value nested too deeply to print is named by its type.
  if (typeof v === 'number') return String(v);
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    return Array.isArray(v) ? '[…] (nested too deeply to show)' : '{…} (nested too deeply to show)';
  }
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
