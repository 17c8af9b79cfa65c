import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { choice, section } from '../../../src/scenario/param.ts';

/** The parameter tables (src/scenario/sections/*.json) become the zod schema through param.ts. */
const words = { description: 'What it does.', source: 'assumption' };

describe('parameter tables', () => {
  it('build each kind with its default, range and words', () => {
    const s = section({
      description: 'A section.',
      parameters: {
        rate: { num: [2, 0, 10], unit: 'per day', ...words },
        count: { int: [3, 1, 8], unit: 'people', ...words },
        chance: { share: 0.25, ...words },
        on: { flag: true, ...words },
        inner: { description: 'Inner.', parameters: { x: { share: 0.5, unit: 'weight', ...words } } },
      },
    });
    expect(s.parse(undefined)).toEqual({ rate: 2, count: 3, chance: 0.25, on: true, inner: { x: 0.5 } });
    expect(() => s.parse({ rate: 11 })).toThrow();
    expect(() => s.parse({ count: 2.5 })).toThrow();
    expect(() => s.parse({ chance: 1.5 })).toThrow();
    expect(() => s.parse({ unknown: 1 })).toThrow();
    const json = z.toJSONSchema(s, { io: 'input' }) as { properties: Record<string, { unit?: string; source?: string; description?: string }> };
    expect(json.properties.chance).toMatchObject({ unit: 'share (0–1)', ...words });
    expect(json.properties.on).toMatchObject({ unit: 'on/off' });
    expect(json.properties.rate).toMatchObject({ unit: 'per day' });
    expect(json.properties.inner.description).toBe('Inner.');
  });

  it('give an entry declared in code the words of the table, its own description winning', () => {
    const s = section(
      { description: 'A section.', parameters: { kind: { unit: 'choice', description: 'From the table.', source: 'a study' } } },
      { kind: choice(['a', 'b'], 'b').meta({ description: 'From the code.' }) },
    );
    expect(s.parse({})).toEqual({ kind: 'b' });
    const json = z.toJSONSchema(s, { io: 'input' }) as unknown as { properties: { kind: Record<string, unknown> } };
    expect(json.properties.kind).toMatchObject({ description: 'From the code.', unit: 'choice', source: 'a study' });
  });

  it('refuse a parameter without a unit, description or source, naming it', () => {
    expect(() => section({ description: 'S.', parameters: { rate: { num: [1, 0, 2], description: 'D.', source: 'assumption' } } })).toThrow(/"rate".*unit/);
    expect(() => section({ description: 'S.', parameters: { p: { share: 0.1, description: 'D.' } } })).toThrow(/"p".*source/);
  });

  it('refuse a default outside its range and a range that is not [default, min, max]', () => {
    expect(() => section({ description: 'S.', parameters: { n: { int: [9, 1, 8], unit: 'u', ...words } } })).toThrow(/"n"/);
    expect(() => section({ description: 'S.', parameters: { n: { num: [1, 0], unit: 'u', ...words } } })).toThrow(/"n"/);
    expect(() => section({ description: 'S.', parameters: { p: { share: 1.2, ...words } } })).toThrow(/"p"/);
  });

  it('refuse a words-only entry with no code, and code for a parameter the table lacks', () => {
    expect(() => section({ description: 'S.', parameters: { kind: { unit: 'choice', ...words } } })).toThrow(/"kind".*code/);
    expect(() => section({ description: 'S.', parameters: {} }, { extra: z.boolean() } as never)).toThrow(/"extra"/);
  });
});
