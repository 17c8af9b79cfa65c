import { SCHEMA_VERSION } from './schema.ts';

type Raw = Record<string, unknown>;

/**
 * Upgrades of older scenario files, keyed by the version they upgrade from. Each takes the raw object
 * of version N and returns one of version N + 1.
 */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  1: fromVersion1,
  2: fromVersion2,
};

/**
 * Version 1 (engine 0.3) to 2 (engine 0.4). The enforcement signal became perceived entanglement: its
 * scale, announcement, half-life and spillover have no counterpart and are dropped, as are the community
 * effects on trust and the offenders' per-crime learning rate and targeting exponent; the community
 * effects on fear move to the entanglement section. The effects of trust and fear on reporting and
 * cooperation changed from relative changes to log-odds, so old values would mean something else: they
 * are dropped and the new defaults apply.
 */
function fromVersion1(raw: Raw): Raw {
  const out = structuredClone(raw);
  const sec = (name: string): Raw | undefined => (out[name] && typeof out[name] === 'object' ? (out[name] as Raw) : undefined);
  const drop = (name: string, keys: string[]) => {
    const s = sec(name);
    if (s) for (const k of keys) delete s[k];
  };
  const fear = sec('fear');
  if (fear && ('communityEffectNoncitizen' in fear || 'communityEffectCitizen' in fear)) {
    const ent = (sec('entanglement') ?? {}) as Raw;
    if ('communityEffectNoncitizen' in fear) ent.fearEffectNoncitizen = fear.communityEffectNoncitizen;
    if ('communityEffectCitizen' in fear) ent.fearEffectCitizen = fear.communityEffectCitizen;
    out.entanglement = ent;
  }
  drop('enforcement', ['signalHalfLifeDays', 'signalScale', 'announcementSignal', 'signalSpillover']);
  drop('trust', ['communityEffect', 'reportingEffect', 'cooperationEffect']);
  drop('fear', ['communityEffectNoncitizen', 'communityEffectCitizen', 'reportingEffect', 'cooperationEffect']);
  drop('crime', ['learningRate', 'victimTargeting']);
  return out;
}

/**
 * Version 2 (engine 0.4) to 3 (engine 0.5). Belief now follows the enforcement residents see: the levels
 * each 287(g) model sustained, the weight of enforcement against its level on the activation day, the
 * group-wide exposures and the sanctuary damping have no counterpart and are dropped (exposure comes from
 * each resident's own household and ties). The witness effect of belief became a ratio to the reporting
 * effect, so an old value keeps its meaning; ICE's detainer chance at booking, one number before, applies
 * to its priorities and to everyone else alike.
 */
function fromVersion2(raw: Raw): Raw {
  const out = structuredClone(raw);
  const sec = (name: string): Raw | undefined => (out[name] && typeof out[name] === 'object' ? (out[name] as Raw) : undefined);
  const ent = sec('entanglement');
  if (ent) {
    const coop = ent.cooperationEffect;
    const report = typeof ent.reportingEffect === 'number' ? ent.reportingEffect : 0.78;
    if (typeof coop === 'number' && report > 0) ent.cooperationRatio = Math.min(5, coop / report);
    for (const k of [
      'inForceJail',
      'inForceWarrant',
      'inForceTaskForce',
      'enforcementWeight',
      'latinoCitizenExposure',
      'nonLatinoExposure',
      'cooperationEffect',
    ])
      delete ent[k];
  }
  const contrasts = sec('contrasts');
  if (contrasts) delete contrasts.sanctuaryFearReduction;
  const enf = sec('enforcement');
  if (enf && 'federalBookingDetainerProb' in enf) {
    enf.federalDetainerProbPriority = enf.federalBookingDetainerProb;
    enf.federalDetainerProbOther = enf.federalBookingDetainerProb;
    delete enf.federalBookingDetainerProb;
  }
  return out;
}

/** The oldest version this build can still read. */
const OLDEST_READABLE_VERSION = SCHEMA_VERSION - Object.keys(MIGRATIONS).length;

/**
 * Brings a raw scenario object to the current schemaVersion, or explains why it cannot.
 * A missing schemaVersion is read as the current one (files written by hand often leave it out).
 */
export function migrate(raw: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; problem: string } {
  const v = raw.schemaVersion ?? SCHEMA_VERSION;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    return {
      ok: false,
      problem: `schemaVersion: ${JSON.stringify(v)} is not a whole number; this build reads versions ${OLDEST_READABLE_VERSION} to ${SCHEMA_VERSION}`,
    };
  }
  if (v > SCHEMA_VERSION) {
    return { ok: false, problem: `schemaVersion: ${v} is newer than this build understands (${SCHEMA_VERSION}); update Trustfall to read it` };
  }
  if (v < OLDEST_READABLE_VERSION) {
    return {
      ok: false,
      problem: `schemaVersion: ${v} is older than any version this build can migrate (oldest ${OLDEST_READABLE_VERSION}, current ${SCHEMA_VERSION}); re-create the file from a preset`,
    };
  }
  let value = raw;
  for (let from = v; from < SCHEMA_VERSION; from++) value = { ...MIGRATIONS[from](value), schemaVersion: from + 1 };
  return { ok: true, value };
}
