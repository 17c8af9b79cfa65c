import type { AGREEMENT_MODELS, Agreement, StateAgreement } from '../record.ts';
import { agencyTowns, barePlaceName, bareCountyName, normalName } from './names.ts';
import type { CountyBase } from './svi.ts';

/** One row of ICE's participating-agencies list, by column name; SIGNED as an ISO date where the cell held a date. */
export type IceRow = Record<'STATE' | 'LAW ENFORCEMENT AGENCY' | 'TYPE' | 'COUNTY' | 'SUPPORT TYPE' | 'SIGNED', string>;

/** One row of the Census place file (national_place2020.txt), by column name. */
export type PlaceRow = Record<'STATE' | 'PLACENAME' | 'TYPE' | 'COUNTIES', string>;

/** A fix kept as data (data/fixes/ice-list.csv): what the list says, and what it should say, with why. */
export interface Fix {
  state: string;
  agency: string;
  field: 'county' | 'signed';
  raw: string;
  /** A date, one or more county FIPS codes separated by spaces, or "statewide". */
  fixed: string;
  why: string;
}

const MODEL_OF: Record<string, (typeof AGREEMENT_MODELS)[number]> = {
  'task force model': 'taskForce',
  'jail enforcement model': 'jailEnforcement',
  'warrant service officer': 'warrantService',
};
/** A county fix that says the agency works statewide (a state agency listed as a town's). */
const STATEWIDE = 'statewide';
const KIND_OF: Record<string, Agreement['kind']> = { county: 'county', municipality: 'municipal', 'state agency': 'state' };

export interface Placed {
  /** Agreements by county FIPS. */
  byCounty: Map<string, Agreement[]>;
  stateAgreements: StateAgreement[];
  unplaced: StateAgreement[];
  /** Fixes that matched no row (stale once ICE corrects its list). */
  unusedFixes: Fix[];
  /** Rows placed in a county other than the one their agency's name names: a misfiled row wants a fix. */
  mismatches: string[];
}

/**
 * Places each agreement of ICE's list in the county (or counties) its agency serves. A county agency's
 * row names its county; a town's row usually does not ("#N/A"), so the town is found in the Census place
 * file and placed in every county it lies in. Statewide agencies stay at the state level. A row whose
 * county or date ICE misspelt is mended from `fixes`; one that still cannot be placed is returned as
 * unplaced, for a fix to be added.
 */
export function placeAgreements(
  rows: readonly IceRow[],
  counties: readonly CountyBase[],
  stateNames: ReadonlyMap<string, string>,
  places: readonly PlaceRow[],
  fixes: readonly Fix[],
  listDate: string,
): Placed {
  const countyIndex = new Map<string, string>();
  for (const c of counties) countyIndex.set(`${c.state}|${normalName(c.name)}`, c.fips);
  for (const c of counties) {
    const bare = `${c.state}|${bareCountyName(c.name)}`;
    // A bare name ("fairfax") is kept only where it is not ambiguous: Virginia has both Fairfax County and Fairfax City.
    const other = countyIndex.get(bare);
    if (other === undefined) countyIndex.set(bare, c.fips);
    else if (other !== c.fips) countyIndex.set(bare, '');
  }
  const placeIndex = indexPlaces(places);
  const used = new Set<Fix>();
  const fixFor = (state: string, agency: string, field: Fix['field'], raw: string) => {
    const f = fixes.find((x) => x.state === state && x.agency === agency && x.field === field && x.raw === raw);
    if (f) used.add(f);
    return f?.fixed;
  };
  const countyFips = (state: string, name: string) =>
    countyIndex.get(`${state}|${normalName(name)}`) || countyIndex.get(`${state}|${bareCountyName(name)}`) || undefined;

  const out: Placed = { byCounty: new Map(), stateAgreements: [], unplaced: [], unusedFixes: [], mismatches: [] };
  for (const row of rows) {
    const state = stateNames.get(row.STATE.trim().toUpperCase());
    if (!state) throw new Error(`ICE list: unknown state ${JSON.stringify(row.STATE)}`);
    const agency = row['LAW ENFORCEMENT AGENCY'].trim();
    const model = MODEL_OF[row['SUPPORT TYPE'].trim().toLowerCase()];
    const kind = KIND_OF[row.TYPE.trim().toLowerCase()];
    if (!model || !kind) throw new Error(`ICE list: ${agency}: unknown support type or agency type (${row['SUPPORT TYPE']}, ${row.TYPE})`);
    // A date before section 287(g) was enacted (30 September 1996) or after the list was published is a typo too.
    const plausible = /^\d{4}-\d{2}-\d{2}$/.test(row.SIGNED) && row.SIGNED >= '1996-09-30' && row.SIGNED <= listDate;
    const signed = plausible ? row.SIGNED : fixFor(state, agency, 'signed', row.SIGNED);
    if (!signed)
      throw new Error(
        `ICE list: ${agency} (${state}): signing date ${JSON.stringify(row.SIGNED)} is not a date from 1996-09-30 to ${listDate}; add a fix to data/fixes/ice-list.csv`,
      );
    const agreement: Agreement = { model, agency, kind, signed };
    if (kind === 'state') {
      out.stateAgreements.push({ ...agreement, state });
      continue;
    }
    const county = row.COUNTY.trim();
    const named = county && county !== '#N/A' ? countyFips(state, county) : undefined;
    const fixed = fixFor(state, agency, 'county', county);
    if (fixed === STATEWIDE) {
      out.stateAgreements.push({ ...agreement, kind: 'state', state });
      continue;
    }
    // A town's row rarely names its county ("#N/A"); some county rows do not either (a town police listed as "County").
    const fipsList = fixed ? fixed.split(' ') : named ? [named] : townCounties(placeIndex, state, agency, countyFips);
    if (fipsList.length === 0) {
      out.unplaced.push({ ...agreement, state });
      continue;
    }
    const own = /^(.*?\bcounty)\b/i.exec(agency);
    const ownFips = own ? countyFips(state, own[1]) : undefined;
    if (!fixed && ownFips && !fipsList.includes(ownFips)) out.mismatches.push(`${agency} (${state}) is listed in ${county}`);
    for (const fips of fipsList) {
      const list = out.byCounty.get(fips) ?? [];
      list.push(agreement);
      out.byCounty.set(fips, list);
    }
  }
  out.unusedFixes = fixes.filter((f) => !used.has(f));
  return out;
}

/** Places by state and bare name: the counties each lies in, incorporated places before census-designated ones. */
function indexPlaces(places: readonly PlaceRow[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  const ordered = [...places].sort((a, b) => Number(b.TYPE.startsWith('INCORPORATED')) - Number(a.TYPE.startsWith('INCORPORATED')));
  for (const p of ordered) {
    const key = `${p.STATE}|${barePlaceName(p.PLACENAME)}`;
    if (!index.has(key))
      index.set(
        key,
        p.COUNTIES.split('~~~').map((s) => s.trim()),
      );
  }
  return index;
}

function townCounties(index: Map<string, string[]>, state: string, agency: string, countyFips: (state: string, name: string) => string | undefined): string[] {
  for (const town of agencyTowns(agency)) {
    const names = index.get(`${state}|${town}`);
    if (!names) continue;
    const fips = names.map((n) => countyFips(state, n));
    if (fips.every((f) => f !== undefined)) return fips as string[];
  }
  return [];
}
