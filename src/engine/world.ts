import type { Scenario } from '../scenario/schema.ts';
import type { Geometry } from './create/geometry.ts';
import type { MetricsState } from './metrics/accumulate.ts';
import type { Params } from './params.ts';
import type { Streams } from './rng.ts';
import type { EventLog } from './view/event-log.ts';

/** Residents: one typed array per attribute, indexed by resident id. */
export interface Residents {
  count: number;
  /** Ethnicity, mixed-status household and status packed (see codes.ts `kindOf`). */
  kind: Uint8Array;
  jur: Uint8Array;
  /**
   * jur × 16 + kind in one byte (at most 8 jurisdictions): the index of per-jurisdiction × kind tables;
   * GONE once the resident has been removed from the country.
   */
  jurKind: Uint8Array;
  cell: Int32Array;
  household: Int32Array;
  /** Custody state (codes.ts FREE … REMOVED). */
  custody: Uint8Array;
  /** Times victimised, saturating at 255. */
  victimisations: Uint8Array;
  /** Times a victimisation was reported to police, saturating at 255. */
  reports: Uint8Array;
  /**
   * Both counts as they stood at day 0 and at the activation day (copied there, allocated at
   * creation), so a simulated survey can ask about each period separately.
   */
  victimisationsAt: { start: Uint8Array; activation: Uint8Array };
  reportsAt: { start: Uint8Array; activation: Uint8Array };
  /** Age in whole years at the start (kept through the run). */
  age: Uint8Array;
  trust: Float32Array;
  fear: Float32Array;
  /**
   * Belief that local police work with ICE (perceived entanglement), 0–1, stored in units of
   * 1 / BELIEF_SCALE: the weekly pass reads and writes it for everyone, and two bytes move faster than
   * four. Read it with `beliefOf`.
   */
  belief: Uint16Array;
  /**
   * How far the public level of perceived entanglement concerns the resident, in units of 1/255: the
   * share of the people they talk with (themselves, their household, their ties, weighted as in social
   * influence) whom enforcement targets, Latino or non-citizen. Fixed at set-up (create/exposure.ts).
   */
  exposure: Uint8Array;
  /** 1 once the resident has been booked on a felony (a criminal record, which makes them an ICE priority). */
  record: Uint8Array;
  /** Trust on the activation day, to count who lost trust since. */
  trustAtActivation: Float32Array;
  /** Offset from each resident to the next member of their household (cyclically; 0 when alone). */
  householdNext: Int8Array;
  /**
   * `tiesPer` ids per resident, slot by slot: resident r's k-th tie is ties[k * count + r] (see `tieOf`), so
   * the weekly pass, which hears every resident's k-th tie in the same week, reads one slot's array.
   */
  ties: Int32Array;
  tiesPer: number;
  /** The first `kinTies` of each resident's ties are kin and friends; the rest are neighbourhood ties. */
  kinTies: number;
  /** Offender slot a resident fills, or -1. */
  offenderSlot: Int32Array;
  /** Next resident in the same day's event list (see systems/custody.ts), or -1. */
  nextEvent: Int32Array;
}

/** Households: residents of one household have consecutive ids. */
export interface Households {
  count: number;
  start: Int32Array;
  size: Uint8Array;
}

/** Neighbourhoods: residents of one cell have consecutive ids. */
export interface Cells {
  start: Int32Array;
  count: Int32Array;
  latinoCount: Int32Array;
  /**
   * What offenders have seen of crimes against each ethnicity here (index cell * 2 + latino): crimes and
   * how many were reported, each a sum that fades week by week with the learning half-life.
   */
  seenCrimes: Float64Array;
  seenReported: Float64Array;
  /**
   * Offenders' learned chance that a crime against a resident of each ethnicity here is reported: the
   * neighbourhood's remembered reports, shrunk toward the county's (cell × ethnicity), updated weekly.
   */
  perceived: Float32Array;
  /**
   * Chance that an offender who has chosen a victim of each ethnicity here goes through with the crime,
   * divided by the offending headroom (systems/offending.ts), from the learned chance (cell × ethnicity).
   */
  completion: Float32Array;
  /** Legal-cynicism stock, 0–1, and this week's visible immigration enforcement (weighted events), per cell. */
  cynicism: Float32Array;
  enforcementEvents: Float32Array;
  /** Visible enforcement here, weighted events per 1,000 residents per year (moving average, weekly). */
  enforcementRate: Float32Array;
  /** What the neighbourhood's own visible enforcement adds to the public level felt here (0–1). */
  seenLevel: Float32Array;
}

export interface Officers {
  count: number;
  jur: Uint8Array;
  cell: Int32Array;
  deputised: Uint8Array;
}

/** Offender slots: a slot is filled by a resident or vacant until a replacement is recruited. */
export interface Offenders {
  count: number;
  resident: Int32Array;
  /**
   * The offender's neighbourhood (their resident's cell, which never changes), -1 while vacant: the
   * daily offending draw reads it beside the rate without touching the residents' arrays.
   */
  home: Int32Array;
  /** Personal offending rate (mean 1). */
  rate: Float32Array;
  /** Day a vacant slot is refilled; -1 while filled. */
  vacantUntil: Int32Array;
  /** Jurisdiction the slot recruits from. */
  jur: Uint8Array;
}

/** Per-jurisdiction state. */
export interface JurisdictionState {
  resStart: Int32Array;
  resCount: Int32Array;
  latinoResidents: Int32Array;
  /** Ids of undocumented residents, grouped by jurisdiction (for federal at-large arrests). */
  undocumented: Int32Array;
  undocumentedStart: Int32Array;
  /** Visible immigration enforcement, weighted events per 1,000 residents per year (moving average): the dose. */
  enforcementRate: Float64Array;
  /** Weighted events counted today (detainers, status questions, immigration arrests and detentions). */
  enforcementToday: Float64Array;
  /** What is left of announcement pulses (negative after a sanctuary policy's). */
  pulse: Float64Array;
  /** Public level of perceived entanglement, and the level felt there (with the neighbours' spillover). */
  entanglement: Float64Array;
  feltEntanglement: Float64Array;
  /** What offenders have seen of crimes against each ethnicity in the whole county (index jur * 2 + latino), fading weekly. */
  seenCrimes: Float64Array;
  seenReported: Float64Array;
  /**
   * Trust and fear targets by jurisdiction × kind (16 kinds) at zero belief and zero cynicism, refreshed
   * daily; each resident's own target subtracts their belief's and their neighbourhood's effects.
   */
  trustTarget: Float32Array;
  fearTarget: Float32Array;
  /** How much fear weighs on reporting (1, or less under victim-visa outreach). */
  reportFearWeight: Float64Array;
  /**
   * Head counts per jurisdiction × resident group, kept as residents leave the country: residents,
   * residents aged 12+, households (by their head) — three numbers per group.
   */
  present: Float64Array;
}

/** Everything one run holds. Systems are plain functions over it. */
export interface World {
  scenario: Scenario;
  params: Params;
  seed: number;
  replicate: number;
  /** Day of the run: negative during burn-in, 0 the first measured day. */
  day: number;
  rng: Streams;
  geometry: Geometry;
  residents: Residents;
  households: Households;
  cells: Cells;
  officers: Officers;
  offenders: Offenders;
  jurisdictions: JurisdictionState;
  /** Head of the event list of each day from the start of burn-in (resident id or -1); events past the end are dropped. */
  eventHead: Int32Array;
  metrics: MetricsState;
  /** What happened to whom, for the town view and the resident inspector. */
  events: EventLog;
}

/** Units of stored belief per unit of belief. */
export const BELIEF_SCALE = 65535;

/** Resident r's belief, 0–1. */
export function beliefOf(res: Residents, r: number): number {
  return res.belief[r] / BELIEF_SCALE;
}

/** Moves resident r's belief the given share of the way to full belief (an encounter with enforcement). */
export function raiseBelief(res: Residents, r: number, share: number): void {
  const b = res.belief[r];
  res.belief[r] = b + Math.round(share * (BELIEF_SCALE - b));
}

/** The jurKind of a resident removed from the country. */
export const GONE = 255;

/** Resident r's k-th tie. */
export function tieOf(res: Residents, r: number, k: number): number {
  return res.ties[k * res.count + r];
}

/** True from the activation day on: the jurisdictions' policies (and their contrasts) have started. */
export function policyActive(w: World): boolean {
  return w.day >= w.params.activationDay;
}

/** True while jurisdiction j's 287(g) model is in force: from the activation day until its end day. */
export function modelInForce(w: World, j: number): boolean {
  return w.day >= w.params.activationDay && w.day < w.params.endDay[j];
}
