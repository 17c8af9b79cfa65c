import { bareCountyName, editDistance, normalName } from './derive/names.ts';
import type { County, CountyFile } from './record.ts';

/** A county nobody has, or one a name fits more than once: the message lists the close matches. */
export class CountyLookupError extends Error {
  override name = 'CountyLookupError';
  constructor(
    message: string,
    /** Counties the query may have meant, closest first ("Maricopa County, AZ (04013)"). */
    readonly suggestions: string[],
  ) {
    super(suggestions.length > 0 ? `${message}; did you mean: ${suggestions.join('; ')}?` : message);
  }
}

/** How a county is named in messages and lists. */
export function countyLabel(c: County): string {
  return `${c.name}, ${c.state} (${c.fips})`;
}

/**
 * The county a query names: a FIPS code ("37001", or "4013" without its leading zero), or a name with
 * or without its state ("Maricopa, AZ", "Maricopa County, AZ", "Alamance County"). A name that fits
 * several counties (Franklin County is in 24 states) or none is refused with the close matches.
 */
export function findCounty(file: CountyFile, query: string): County {
  const q = query.trim();
  if (/^\d{4,5}$/.test(q)) {
    const fips = q.padStart(5, '0');
    const hit = file.counties.find((c) => c.fips === fips);
    if (hit) return hit;
    throw new CountyLookupError(
      `no county has the FIPS code ${fips}`,
      file.counties.filter((c) => c.fips.slice(0, 2) === fips.slice(0, 2) && editDistance(c.fips, fips) <= 1).map(countyLabel),
    );
  }
  const m = /^(.*?)(?:,\s*([A-Za-z]{2}))?$/.exec(q)!;
  const name = normalName(m[1]);
  const state = m[2]?.toUpperCase();
  const inState = state ? file.counties.filter((c) => c.state === state) : file.counties;
  if (state && inState.length === 0) throw new CountyLookupError(`${JSON.stringify(state)} is not the postal code of a state or DC`, []);
  const exact = inState.filter((c) => normalName(c.name) === name || bareCountyName(c.name) === name);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1)
    throw new CountyLookupError(
      `${JSON.stringify(q)} fits ${exact.length} counties; add the state, as in "${exact[0].name}, ${exact[0].state}"`,
      exact.map(countyLabel),
    );
  const close = inState
    .map((c) => ({ c, d: Math.min(editDistance(normalName(c.name), name), editDistance(bareCountyName(c.name), name)) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 4)))
    .sort((a, b) => a.d - b.d || b.c.population - a.c.population)
    .slice(0, 8)
    .map((x) => countyLabel(x.c));
  throw new CountyLookupError(`no county is named ${JSON.stringify(q)}`, close);
}
