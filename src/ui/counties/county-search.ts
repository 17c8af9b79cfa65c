import { bareCountyName, normalName } from '../../counties/derive/names.ts';
import type { County } from '../../counties/record.ts';

/**
 * The counties a search box's text names, best first: a FIPS code or its start ("04", "04013"), or a
 * name with or without its state ("maricopa", "Maricopa County, AZ", "franklin, va"). A county whose
 * name starts with the text comes before one that only contains it; then the more populous first.
 */
export function searchCounties(counties: readonly County[], query: string): County[] {
  const q = query.trim();
  if (!q) return [];
  if (/^\d{1,5}$/.test(q)) return counties.filter((c) => c.fips.startsWith(q.length === 4 ? `0${q}` : q));
  const m = /^(.*?)(?:,\s*([A-Za-z]{2}))?$/.exec(q)!;
  const name = normalName(m[1]);
  const state = m[2]?.toUpperCase();
  const scored = counties
    .filter((c) => !state || c.state === state)
    .map((c) => {
      const full = normalName(c.name);
      const bare = bareCountyName(c.name);
      const rank = bare === name || full === name ? 0 : bare.startsWith(name) ? 1 : full.includes(name) ? 2 : 3;
      return { c, rank };
    })
    .filter((x) => x.rank < 3);
  return scored.sort((a, b) => a.rank - b.rank || b.c.population - a.c.population).map((x) => x.c);
}
