import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quote } from '../../../src/report/csv-fields.ts';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * The CSVs read back as docs/cli.md says to read them: a real RFC 4180 parser that, like
 * `pandas.read_csv(f, comment="#")` and R's `comment.char = "#"`, drops everything after an unquoted `#`.
 */
function readCsv(text: string): string[][] {
  return parse(text, { comment: '#', relax_column_count: true, skip_empty_lines: true });
}

/** What a spreadsheet shows for a name: as written, or behind `'` where it would start a formula. */
const shown = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('CSV text fields', () => {
  it('any name reads back as one field of one row, and never starts a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) => {
        const text = `# provenance\nname,other,value\n${quote(a)},${quote(b)},1\n`;
        const rows = readCsv(text);
        expect(rows).toEqual([
          ['name', 'other', 'value'],
          [shown(a), shown(b), '1'],
        ]);
        expect(rows[1][0]).not.toMatch(/^[=+\-@]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('plain names stay unquoted, so the files look as before', () => {
    expect(quote('County')).toBe('County');
    expect(quote('Task Force County')).toBe('Task Force County');
    expect(quote('County #1')).toBe('"County #1"');
    expect(quote('=1+1')).toBe(`"'=1+1"`);
  });
});

describe('the weekly CSV of `sim run`', () => {
  it('keeps every row and every number when names hold #, a carriage return, a quote or a formula', () => {
    const { dir, file } = scratchFolder('trustfall-csv-');
    const names = ['County #1', 'A\rB', 'Say "no"', '=HYPERLINK("http://x")'];
    const scenario = file(
      'names.json',
      JSON.stringify({
        name: '=cmd|" /C calc"!A0',
        run: { years: 0.5, activationDay: 60, burnInWeeks: 4 },
        jurisdictions: names.map((name) => ({ name, residents: 600 })),
      }),
    );
    const csv = join(dir, 'weekly.csv');
    const r = sim('run', scenario, '--csv', csv, '--quiet');
    expect(r.code, r.err).toBe(0);
    const [head, ...rows] = readCsv(readFileSync(csv, 'utf8'));
    expect(head.slice(0, 5)).toEqual(['jurisdiction', 'group', 'week', 'startDay', 'period']);
    const plain = readFileSync(csv, 'utf8').split('\n').length; // an upper bound: quoted CRs are not line ends
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(plain);
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(names.map(shown)));
    for (const row of rows) {
      expect(row).toHaveLength(head.length);
      expect(Number.isFinite(Number(row[2])), row.join('|')).toBe(true);
    }
    // Each jurisdiction has the same rows: nothing split, nothing lost.
    const per = names.map((n) => rows.filter((row) => row[0] === shown(n)).length);
    expect(new Set(per).size).toBe(1);
  });
});
