import { msg, str } from '@lit/localize';
import { Scenario } from '../scenario/index.ts';

/**
 * How a real county's immigration-status mix is set, in a sentence: the model's national defaults,
 * since no public source gives it by county. Written into the county file (in English) and shown beside
 * every county scenario (in the page's language).
 */
export function statusAssumptionText(): string {
  const j = Scenario.parse({}).jurisdictions[0];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return msg(
    str`No public source gives immigration status by county, so every county takes the model's national defaults: of Latino household heads ${pct(j.latinoNaturalisedShare)} naturalised, ${pct(j.latinoLawfulShare)} lawful non-citizens and ${pct(j.latinoUndocumentedShare)} undocumented, and ${pct(j.nonLatinoNoncitizenShare)} of non-Latino household heads non-citizens (assumption).`,
  );
}

/** The model's non-citizen shares of household heads, Latino and other: what every county is assumed to have. */
export function noncitizenAssumption(): { latino: number; other: number } {
  const j = Scenario.parse({}).jurisdictions[0];
  return { latino: j.latinoLawfulShare + j.latinoUndocumentedShare, other: j.nonLatinoNoncitizenShare };
}
