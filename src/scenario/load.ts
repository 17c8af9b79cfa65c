import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describeIssues, ScenarioError } from './errors.ts';
import { migrate } from './migrate.ts';
import { Scenario } from './schema.ts';

/**
 * Validates a scenario object (already parsed from JSON): migrates older versions, fills defaults,
 * and throws a ScenarioError naming every bad field.
 */
export function resolveScenario(input: unknown, source = 'scenario'): Scenario {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ScenarioError([`(top level): expected a JSON object, got ${Array.isArray(input) ? 'a list' : JSON.stringify(input)}`], source);
  }
  const migrated = migrate(input as Record<string, unknown>);
  if (!migrated.ok) throw new ScenarioError([migrated.problem], source);
  const result = Scenario.safeParse(migrated.value);
  if (!result.success) throw new ScenarioError(describeIssues(result.error.issues, migrated.value), source);
  return result.data;
}

/** Parses and validates scenario JSON text; syntax errors name the line and column. */
export function parseScenarioText(text: string, source = 'scenario'): Scenario {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([`not valid JSON: ${jsonErrorWhere(text, (e as Error).message)}`], source);
  }
  return resolveScenario(raw, source);
}

/** JSON with object keys sorted at every level, so equal scenarios serialise to equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

/**
 * SHA-256 of the resolved scenario without its seed and replicate count, so one hash names one
 * model set-up whatever seed it runs with (the seed is reported beside it).
 */
export function scenarioHash(s: Scenario): string {
  const { seed: _seed, replicates: _replicates, ...run } = s.run;
  return bytesToHex(sha256(utf8ToBytes(canonicalJson({ ...s, run }))));
}

function jsonErrorWhere(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${message.replace(/ in JSON at position \d+.*/, '')} at line ${line}, column ${col}`;
}
