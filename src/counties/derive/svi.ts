import type { County } from '../record.ts';

/** One row of CDC/ATSDR's Social Vulnerability Index 2022 county file, by column name. */
type SviRow = Record<string, string>;

/** The assumed share of non-citizens among Latino and among other residents (the same in every county). */
export interface NoncitizenAssumption {
  latino: number;
  other: number;
}

/** A county as the SVI gives it: everything but its neighbours and agreements. */
export type CountyBase = Omit<County, 'neighbours' | 'agreements'>;

function count(row: SviRow, column: string): number {
  const v = Number(row[column]);
  if (!Number.isFinite(v) || v < 0) throw new Error(`SVI: ${row.LOCATION}: ${column} is ${JSON.stringify(row[column])}`);
  return v;
}

/**
 * The counties of the SVI file (ACS 2018–2022 five-year estimates): FIPS (an integer there, padded to
 * five digits here), name, state, population, households, group quarters, the Hispanic or Latino
 * share of the population, the share who speak English less than well, household size, and the
 * non-citizen share the national assumption gives for its Latino share.
 */
export function countiesFromSvi(rows: readonly SviRow[], assumed: NoncitizenAssumption): { counties: CountyBase[]; stateNames: Map<string, string> } {
  const stateNames = new Map<string, string>();
  const counties = rows.map((row): CountyBase => {
    const population = count(row, 'E_TOTPOP');
    const latinoShare = population > 0 ? count(row, 'E_HISP') / population : 0;
    stateNames.set(row.STATE.toUpperCase(), row.ST_ABBR);
    return {
      fips: row.FIPS.padStart(5, '0'),
      name: row.COUNTY,
      state: row.ST_ABBR,
      population,
      households: count(row, 'E_HH'),
      groupQuarters: count(row, 'E_GROUPQ'),
      latinoShare: round(latinoShare),
      limitedEnglishShare: round(count(row, 'EP_LIMENG') / 100),
      householdSize: Math.round(((population - count(row, 'E_GROUPQ')) / Math.max(1, count(row, 'E_HH'))) * 100) / 100,
      noncitizenShare: round(assumed.latino * latinoShare + assumed.other * (1 - latinoShare)),
    };
  });
  return { counties, stateNames };
}

/** Shares to four decimals: the estimates are not more precise, and the file stays small. */
export function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
