import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRawInputs } from '../../../src/cli/counties-data.ts';
import { deriveCountyFile } from '../../../src/counties/derive/derive.ts';
import { countyFileText } from '../../../src/counties/file-text.ts';
import { COUNTY_FILE, CountyFile } from '../../../src/counties/record.ts';

/** The committed county file (public/data/counties.json) against the raw files in data/ it is made from. */
const committed = readFileSync(COUNTY_FILE, 'utf8');
const file = CountyFile.parse(JSON.parse(committed));
const svi = parse(readFileSync('data/raw/SVI_2022_US_county.columns.csv', 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const byFips = new Map(file.counties.map((c) => [c.fips, c]));

describe('the derived county file', () => {
  let remade: string;
  beforeAll(async () => {
    remade = countyFileText(deriveCountyFile(await readRawInputs()).file);
  });

  it('is what `npm run data` makes from the raw files (run it after changing data/)', () => {
    expect(committed === remade, 'public/data/counties.json differs from what npm run data makes').toBe(true);
  });

  it('covers every county of the 50 states and DC, once', () => {
    expect(new Set(file.counties.map((c) => c.state)).size).toBe(51);
    expect(byFips.size).toBe(file.counties.length);
    expect(file.counties.length).toBe(svi.length);
    expect(file.counties.length).toBe(3144);
  });

  it("gives Maricopa's and Alamance's people as the SVI file does", () => {
    for (const fips of ['04013', '37001']) {
      const row = svi.find((r) => r.FIPS.padStart(5, '0') === fips)!;
      const county = byFips.get(fips)!;
      expect(county.population).toBe(Number(row.E_TOTPOP));
      expect(county.households).toBe(Number(row.E_HH));
      expect(county.latinoShare).toBeCloseTo(Number(row.E_HISP) / Number(row.E_TOTPOP), 4);
    }
    expect(byFips.get('04013')).toMatchObject({ name: 'Maricopa County', state: 'AZ', population: 4430871 });
    expect(byFips.get('04013')!.latinoShare).toBeCloseTo(0.317, 3);
  });

  it('keeps every agreement of the list: 832, of which 415 Task Force, 300 Warrant Service and 117 Jail Enforcement', () => {
    // A town's agreement is listed in each county it lies in; count each agreement once.
    const seen = new Set<string>();
    const count: Record<string, number> = {};
    const add = (a: { agency: string; model: string; signed: string }, state: string) => {
      const key = `${state}|${a.agency}|${a.model}|${a.signed}`;
      if (seen.has(key)) return;
      seen.add(key);
      count[a.model] = (count[a.model] ?? 0) + 1;
    };
    for (const c of file.counties) for (const a of c.agreements) add(a, c.state);
    for (const a of [...file.stateAgreements, ...file.unplaced]) add(a, a.state);
    expect(seen.size).toBe(832);
    expect(count).toEqual({ taskForce: 415, warrantService: 300, jailEnforcement: 117 });
    expect(file.listDate).toBe('2025-07-18');
  });

  it('has symmetric neighbours, none of them the county itself', () => {
    for (const c of file.counties) {
      expect(c.neighbours).not.toContain(c.fips);
      for (const n of c.neighbours) expect(byFips.get(n)?.neighbours, `${c.fips} ~ ${n}`).toContain(c.fips);
    }
    // Maricopa borders Gila, La Paz, Pima, Pinal, Yavapai and Yuma.
    expect(byFips.get('04013')!.neighbours).toEqual(['04007', '04012', '04019', '04021', '04025', '04027']);
  });

  it('records the hash of each raw file it was made from', () => {
    expect(file.sources.map((s) => s.file)).toContain('raw/participatingAgencies07182025pm.xlsx');
    for (const s of file.sources) expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
