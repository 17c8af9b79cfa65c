import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESET_PLACE_NAMES } from '../../../src/scenario/presets.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';

/** Every jurisdiction name in a JSON value (a scenario, or a chapter holding scenarios). */
function namesIn(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) namesIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.jurisdictions))
      for (const j of o.jurisdictions) if (j && typeof j === 'object' && 'name' in j) out.add(String((j as { name: unknown }).name));
    for (const v of Object.values(o)) namesIn(v, out);
  }
  return out;
}

describe('the presets\u2019 place names', () => {
  it('are exactly the names the preset and chapter files give, and the schema\u2019s default: each goes through the translation catalogue', () => {
    const names = new Set<string>([resolveScenario({}).jurisdictions[0].name]);
    for (const dir of ['scenarios', 'scenarios/story'])
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('schema.json')))
        namesIn(JSON.parse(readFileSync(join(dir, f), 'utf8')), names);
    expect([...names].sort()).toEqual([...PRESET_PLACE_NAMES].sort());
  });
});
