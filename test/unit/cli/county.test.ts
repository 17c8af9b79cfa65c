import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTY_FILE, CountyFile } from '../../../src/counties/record.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';
import { scratchFolder, sim } from '../../helpers/cli.ts';

const counties = CountyFile.parse(JSON.parse(readFileSync(COUNTY_FILE, 'utf8'))).counties;
const county = (fips: string) => counties.find((c) => c.fips === fips)!;
const { dir, file } = scratchFolder('trustfall-county-');

describe('sim county', () => {
  it('builds Maricopa at 1:10 from its people and its agreement, and the scenario runs', () => {
    const out = join(dir, 'maricopa.json');
    const r = sim('county', 'Maricopa, AZ', '--scale', '1:10', '--out', out);
    expect(r.code, r.err).toBe(0);
    const scenario = resolveScenario(JSON.parse(readFileSync(out, 'utf8')));
    const maricopa = county('04013');
    const j = scenario.jurisdictions[0];
    expect(j.name).toBe('Maricopa County');
    expect(j.residents).toBe(Math.round((maricopa.population - maricopa.groupQuarters) / 10));
    // The household share is below the people's share: Latino households are larger.
    expect(j.latinoShare).toBeLessThan(maricopa.latinoShare);
    expect(j.latinoShare).toBeGreaterThan(maricopa.latinoShare - 0.1);
    expect(j.policy.model).toBe('jailEnforcement');
    expect(r.err).toMatch(/Mesa Police Department, signed 2020-06-08; a town's agreement/);
    expect(r.err).toMatch(/national defaults/);
    // Every resident of the scenario, for a shortened run: building and stepping a world of 437,000 works.
    const short = file('maricopa-short.json', JSON.stringify({ ...scenario, run: { ...scenario.run, years: 1.05, burnInWeeks: 2 } }));
    const run = sim('run', short, '--json', '--quiet');
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out).jurisdictions[0].groups.all.after.residents.mean).toBeGreaterThan(400_000);
  });

  it('builds Alamance by its FIPS code, and it runs as written', () => {
    const r = sim('county', '37001', '--quiet');
    expect(r.code, r.err).toBe(0);
    const scenario = resolveScenario(JSON.parse(r.out));
    expect(scenario.jurisdictions.map((j) => [j.name, j.policy.model])).toEqual([['Alamance County', 'warrantService']]);
    const run = sim('run', file('alamance.json', r.out), '--json', '--quiet');
    expect(run.code, run.err).toBe(0);
  });

  it('puts the two most populous neighbours on either side, each with its own agreement on the day', () => {
    const r = sim('county', 'Alamance County, NC', '--neighbours', '--as-of', '2024-01-01', '--quiet');
    expect(r.code, r.err).toBe(0);
    const scenario = resolveScenario(JSON.parse(r.out));
    const near = county('37001')
      .neighbours.map(county)
      .sort((a, b) => b.population - a.population);
    expect(scenario.jurisdictions.map((j) => j.name)).toEqual([near[0].name, 'Alamance County', near[1].name]);
  });

  it('sees only the agreements signed by --as-of', () => {
    const before = resolveScenario(JSON.parse(sim('county', '37001', '--as-of', '2020-05-20', '--quiet').out));
    expect(before.jurisdictions[0].policy.model).toBe('none');
  });

  it('refuses a name it does not know or that fits several counties, with the close matches', () => {
    const typo = sim('county', 'Maricopo, AZ');
    expect(typo.code).toBe(2);
    expect(typo.err).toMatch(/no county is named "Maricopo, AZ"; did you mean: Maricopa County, AZ \(04013\)/);
    const many = sim('county', 'Franklin County');
    expect(many.code).toBe(2);
    expect(many.err).toMatch(/fits 24 counties; add the state/);
    expect(sim('county', '99999').err).toMatch(/no county has the FIPS code 99999/);
    expect(sim('county', '37001', '--scale', '1:0').err).toMatch(/--scale: "1:0" is not allowed/);
    expect(sim('county', '37001', '--as-of', '2025-02-30').err).toMatch(/--as-of: "2025-02-30" is not a day/);
    expect(sim('county', '37001', '--as-of', '2026-01-01').err).toMatch(/after the date of ICE's list \(2025-07-18\)/);
    expect(sim('county', '37001', '--out', COUNTY_FILE).err).toMatch(/that is an input file/);
  });
});
