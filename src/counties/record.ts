import { z } from 'zod';
import { MODELS } from '../vocabulary/codes.ts';

/**
 * The derived county file (public/data/counties.json, written by `npm run data` from the raw files in
 * data/raw): one record per county of the 50 states and DC, with its people, its neighbours and the
 * 287(g) agreements ICE lists for agencies in it. The app and the CLI read it through this schema.
 */

/** Where the derived file lives in the repository (the app serves it as data/counties.json). */
export const COUNTY_FILE = 'public/data/counties.json';

/** The 287(g) models an agreement can be signed under (the engine's models without "none"). */
export const AGREEMENT_MODELS = MODELS.filter((m): m is Exclude<(typeof MODELS)[number], 'none'> => m !== 'none');

/** Which kind of agency signed: a county's (sheriff, county police, jail), a town's, or a state's. */
const AGENCY_KINDS = ['county', 'municipal', 'state'] as const;

export const Agreement = z.strictObject({
  model: z.enum(AGREEMENT_MODELS),
  agency: z.string().min(1),
  kind: z.enum(AGENCY_KINDS),
  /** Day the agreement was signed (ISO date). */
  signed: z.iso.date(),
});
export type Agreement = z.infer<typeof Agreement>;

export const County = z.strictObject({
  /** Five-digit FIPS code (state and county). */
  fips: z.string().regex(/^\d{5}$/),
  name: z.string().min(1),
  /** Two-letter postal code of the state. */
  state: z.string().regex(/^[A-Z]{2}$/),
  population: z.int().min(0),
  households: z.int().min(0),
  /** Residents in group quarters (prisons, dormitories, nursing homes), not in households. */
  groupQuarters: z.int().min(0),
  /** Share of residents who are Hispanic or Latino (of any race). */
  latinoShare: z.number().min(0).max(1),
  /** Share of residents aged 5 and over who speak English less than well. */
  limitedEnglishShare: z.number().min(0).max(1),
  /** Residents in households per household. */
  householdSize: z.number().min(0),
  /**
   * Share of residents who are not citizens, assumed: the model's national non-citizen shares of
   * household heads (Latino and other) applied to the county's Latino and other residents, a rough
   * figure (no public source gives it by county; see statusAssumption).
   */
  noncitizenShare: z.number().min(0).max(1),
  /** FIPS codes of the counties that share a border with it (Census adjacency, water crossings included). */
  neighbours: z.array(z.string().regex(/^\d{5}$/)),
  agreements: z.array(Agreement),
});
export type County = z.infer<typeof County>;

/** A statewide agreement (highway patrol, state prisons, national guard): not placed in any county. */
export const StateAgreement = Agreement.extend({ state: z.string().regex(/^[A-Z]{2}$/) });
export type StateAgreement = z.infer<typeof StateAgreement>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A raw file: its SHA-256 and, where it was cut to the columns used, the published file it was cut from. */
export const Source = z.strictObject({
  file: z.string(),
  sha256: Sha256,
  what: z.string(),
  licence: z.string(),
  published: z.strictObject({ file: z.string(), sha256: Sha256, delimiter: z.string(), columns: z.array(z.string()) }).optional(),
});

export const CountyFile = z.strictObject({
  /** Version of this file's format. */
  format: z.literal(1),
  /** The day ICE's list was published: agreements are those in force on it. */
  listDate: z.iso.date(),
  sources: z.array(Source),
  /** How the immigration-status mix of each county was set (no county source gives it). */
  statusAssumption: z.string(),
  counties: z.array(County),
  stateAgreements: z.array(StateAgreement),
  /** Agreements of municipal agencies whose town could not be placed in a county (by agency and state). */
  unplaced: z.array(StateAgreement),
});
export type CountyFile = z.infer<typeof CountyFile>;
