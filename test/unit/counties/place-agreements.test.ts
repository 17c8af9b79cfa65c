import { describe, expect, it } from 'vitest';
import { type Fix, type IceRow, placeAgreements } from '../../../src/counties/derive/agreements.ts';
import { agencyTowns, bareCountyName, editDistance } from '../../../src/counties/derive/names.ts';
import type { CountyBase } from '../../../src/counties/derive/svi.ts';

const county = (fips: string, name: string, state: string): CountyBase => ({
  fips,
  name,
  state,
  population: 1000,
  households: 400,
  groupQuarters: 0,
  latinoShare: 0.1,
  limitedEnglishShare: 0.01,
  householdSize: 2.5,
  noncitizenShare: 0.07,
});
const COUNTIES = [
  county('12086', 'Miami-Dade County', 'FL'),
  county('12095', 'Orange County', 'FL'),
  county('12105', 'Polk County', 'FL'),
  county('51059', 'Fairfax County', 'VA'),
  county('51600', 'Fairfax City', 'VA'),
  county('47113', 'Madison County', 'TN'),
  county('47111', 'Macon County', 'TN'),
];
const STATES = new Map([
  ['FLORIDA', 'FL'],
  ['VIRGINIA', 'VA'],
  ['TENNESSEE', 'TN'],
]);
const PLACES = [
  { STATE: 'FL', PLACENAME: 'Apopka city', TYPE: 'INCORPORATED PLACE', COUNTIES: 'Orange County' },
  { STATE: 'FL', PLACENAME: 'Haines City city', TYPE: 'INCORPORATED PLACE', COUNTIES: 'Polk County' },
  { STATE: 'FL', PLACENAME: 'Two Counties city', TYPE: 'INCORPORATED PLACE', COUNTIES: 'Orange County~~~ Polk County' },
];
const row = (state: string, agency: string, type: string, county: string, support: string, signed = '2025-03-01'): IceRow => ({
  STATE: state,
  'LAW ENFORCEMENT AGENCY': agency,
  TYPE: type,
  COUNTY: county,
  'SUPPORT TYPE': support,
  SIGNED: signed,
});
const place = (rows: IceRow[], fixes: Fix[] = []) => placeAgreements(rows, COUNTIES, STATES, PLACES, fixes, '2025-07-18');

describe('placing agreements in counties', () => {
  it("puts a county agency's agreement in the county its row names, with the model and signing day", () => {
    const p = place([row('FLORIDA', 'Polk County Sheriff’s Office', 'County', 'Polk County', 'Task Force Model ')]);
    expect(p.byCounty.get('12105')).toEqual([{ model: 'taskForce', agency: 'Polk County Sheriff’s Office', kind: 'county', signed: '2025-03-01' }]);
  });

  it('tells an independent city from the county of the same name', () => {
    const p = place([row('VIRGINIA', 'Fairfax City Police Department', 'Municipality', 'Fairfax City', 'Jail Enforcement Model')]);
    expect([...p.byCounty.keys()]).toEqual(['51600']);
  });

  it("finds a town's county in the place file, in every county a town spans", () => {
    const p = place([
      row('FLORIDA', 'Apopka Police Department', 'Municipality', '#N/A', 'Task Force Model'),
      row('FLORIDA', 'Haines City Police Department', 'Municipality', '#N/A', 'Task Force Model'),
      row('FLORIDA', 'City of Two Counties Police Department', 'Municipality', '#N/A', 'Warrant Service Officer'),
    ]);
    expect(p.byCounty.get('12095')!.map((a) => a.agency)).toEqual(['Apopka Police Department', 'City of Two Counties Police Department']);
    expect(p.byCounty.get('12105')!.map((a) => a.agency)).toEqual(['Haines City Police Department', 'City of Two Counties Police Department']);
    expect(p.unplaced).toEqual([]);
  });

  it('keeps statewide agencies at the state, and a town it cannot find as unplaced', () => {
    const p = place([
      row('FLORIDA', 'Florida Highway Patrol', 'State Agency', '#N/A', 'Task Force Model'),
      row('FLORIDA', 'Nowhere Police Department', 'Municipality', '#N/A', 'Task Force Model'),
    ]);
    expect(p.stateAgreements).toEqual([{ model: 'taskForce', agency: 'Florida Highway Patrol', kind: 'state', signed: '2025-03-01', state: 'FL' }]);
    expect(p.unplaced.map((a) => a.agency)).toEqual(['Nowhere Police Department']);
    expect(p.byCounty.size).toBe(0);
  });

  it('mends a row from the fixes, says which fixes matched nothing, and flags a row filed under another county', () => {
    const fixes: Fix[] = [
      { state: 'FL', agency: 'Nowhere Police Department', field: 'county', raw: '#N/A', fixed: '12086', why: 'test' },
      { state: 'FL', agency: 'Late Police Department', field: 'signed', raw: '7/72025', fixed: '2025-07-07', why: 'test' },
      { state: 'FL', agency: 'Gone Police Department', field: 'county', raw: '#N/A', fixed: '12086', why: 'test' },
      { state: 'FL', agency: 'State Agency Listed As Town', field: 'county', raw: '#N/A', fixed: 'statewide', why: 'test' },
    ];
    const p = place(
      [
        row('FLORIDA', 'Nowhere Police Department', 'Municipality', '#N/A', 'Task Force Model'),
        row('FLORIDA', 'Late Police Department', 'Municipality', 'Miami-Dade County', 'Task Force Model', '7/72025'),
        row('FLORIDA', 'State Agency Listed As Town', 'Municipality', '#N/A', 'Task Force Model'),
        row('TENNESSEE', "Madison County Sheriff's Office", 'County', 'Macon County', 'Warrant Service Officer'),
      ],
      fixes,
    );
    expect(p.byCounty.get('12086')!.map((a) => [a.agency, a.signed])).toEqual([
      ['Nowhere Police Department', '2025-03-01'],
      ['Late Police Department', '2025-07-07'],
    ]);
    expect(p.stateAgreements.map((a) => a.agency)).toEqual(['State Agency Listed As Town']);
    expect(p.unusedFixes.map((f) => f.agency)).toEqual(['Gone Police Department']);
    expect(p.mismatches).toEqual(["Madison County Sheriff's Office (TN) is listed in Macon County"]);
  });

  it('refuses a signing date that is not a date and has no fix, naming the agency', () => {
    expect(() => place([row('FLORIDA', 'Apopka Police Department', 'Municipality', '#N/A', 'Task Force Model', '05/082025')])).toThrow(/Apopka.*05\/082025/);
    // A well-formed date after the list was published (or before 287(g) existed) is a typo as well.
    expect(() => place([row('FLORIDA', 'Apopka Police Department', 'Municipality', '#N/A', 'Task Force Model', '5025-07-07')])).toThrow(/Apopka.*5025-07-07/);
  });
});

describe('names', () => {
  it('reads the town out of an agency name, with and without its kind', () => {
    expect(agencyTowns('Haines City Police Department')).toEqual(['haines city', 'haines']);
    expect(agencyTowns('City of Apopka Police Department')).toEqual(['apopka']);
    expect(agencyTowns('Boca Raton Police Services Department')).toEqual(['boca raton']);
    expect(bareCountyName('St. Lucie County')).toBe(bareCountyName('Saint Lucie County'));
    expect(editDistance('maricopa', 'marikopa')).toBe(1);
  });
});
