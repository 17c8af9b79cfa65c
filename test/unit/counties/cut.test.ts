import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { DeclaredSource } from '../../../src/cli/counties-data.ts';
import { cutColumns } from '../../../src/counties/derive/cut.ts';

const declared = JSON.parse(readFileSync('data/sources.json', 'utf8')) as DeclaredSource[];
const cut = declared.filter((s) => s.published);

describe('cutting a published raw file to the columns used', () => {
  it('keeps the named columns in order, every row, and quotes what needs quoting', () => {
    const text = '\uFEFFA,B,C\r\n1,"x, y",3\r\n4,"say ""hi""",6\r\n';
    expect(cutColumns(text, { delimiter: ',', columns: ['C', 'B'] })).toBe('C,B\n3,"x, y"\n6,"say ""hi"""\n');
  });

  it('refuses a file without a named column, naming it', () => {
    expect(() => cutColumns('A|B\n1|2\n', { delimiter: '|', columns: ['A', 'COUNTIES'] })).toThrow(/no column COUNTIES/);
  });

  it('reads back as the same values, whatever they hold', () => {
    const value = fc.string({ unit: fc.constantFrom('a', ',', '|', '"', '\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 8 }), fc.constantFrom(',', '|'), (rows, delimiter) => {
        const field = (v: string) => `"${v.replaceAll('"', '""')}"`;
        const text = [['A', 'B', 'C'].join(delimiter), ...rows.map((r) => r.map(field).join(delimiter))].join('\n');
        const out = cutColumns(text, { delimiter, columns: ['C', 'A'] });
        const back = parse(out, { columns: true, delimiter }) as Record<string, string>[];
        expect(back).toEqual(rows.map(([a, , c]) => ({ C: c, A: a })));
      }),
    );
  });

  it.each(cut.map((s) => [s.file, s] as const))('%s is a cut of the published file: its own columns, and cutting it again changes nothing', (_, s) => {
    const text = readFileSync(join('data', s.file), 'utf8');
    expect(text.slice(0, text.indexOf('\n')).split(s.published!.delimiter)).toEqual(s.published!.columns);
    expect(createHash('sha256').update(cutColumns(text, s.published!)).digest('hex')).toBe(createHash('sha256').update(text).digest('hex'));
    expect(s.published!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
