/**
 * Place and agency names as ICE's list, the Census files and people write them, brought to one form
 * for matching: lower case, no punctuation or accents, "saint" as "st", spaces collapsed.
 */
export function normalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.,]/g, '')
    .replace(/-/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/\bste\b/g, 'st')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words Census puts after a county's name ("Maricopa County", "Orleans Parish", "Juneau City and Borough"). */
const COUNTY_SUFFIX = /\s+(county|parish|borough|city and borough|census area|municipality|municipio|planning region)$/;

/** A county name without its kind ("maricopa"), for matching names written without it. */
export function bareCountyName(name: string): string {
  return normalName(name).replace(COUNTY_SUFFIX, '');
}

/** The words Census puts after a place's name ("Apopka city", "Level Plains town", "Abanda CDP"). */
const PLACE_SUFFIX =
  /\s+(city|town|village|borough|township|municipality|cdp|city and borough|urban county|consolidated government|metropolitan government|unified government|metro government|city \(balance\)|\(balance\))+$/;

/** A place's name without its kind. */
export function barePlaceName(name: string): string {
  return normalName(name)
    .replace(/\s*\(balance\)$/, '')
    .replace(PLACE_SUFFIX, '')
    .trim();
}

/** The words an agency's name adds to its town's ("Apopka Police Department" → "apopka"). */
const AGENCY_WORDS =
  /\s+(police services department|police department|police dept|police|department of public safety|public safety department|dept of public safety|public safety|marshals? office|marshal service|sheriffs? office|sheriffs? department|department)$/;

/**
 * The names of the town an agency's name may name, most literal first: "Haines City Police Department"
 * → "haines city", "haines"; "Manheim Borough Police Department" → "manheim borough", "manheim". The
 * place file's names are matched without their kind ("Haines City city" → "haines city").
 */
export function agencyTowns(agency: string): string[] {
  const town = normalName(agency)
    .replace(AGENCY_WORDS, '')
    .replace(/^(city|town|village|borough|township) of\s+/, '')
    .trim();
  const bare = town.replace(/\s+(city|town|village|borough|township)$/, '').trim();
  return bare === town ? [town] : [town, bare];
}

/** Levenshtein distance, for suggesting close matches to a name nobody has. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
