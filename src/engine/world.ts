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
  trust: Float32Array;
  fear: Float32Array;
  /** `tiesPer` ids per resident: resident r's ties are ties[r*tiesPer … r*tiesPer+tiesPer-1]. */
  ties: Int32Array;
  tiesPer: number;
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
  /** Offenders' running estimate of the chance a crime here is reported, per cell and ethnicity (×2). */
  perceived: Float32Array;
  /** The same estimate at the start, the reference for the offending response. */
  perceivedRef: Float32Array;
  /** Offending multiplier from the reporting response, refreshed weekly. */
  offendingMultiplier: Float32Array;
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
  /** Enforcement signal as an annualised rate per 1,000 Latino residents (moving average). */
  signalRate: Float64Array;
  /** Latino residents taken into immigration detention today. */
  detainedToday: Int32Array;
  /** Trust and fear targets by jurisdiction × kind (16 kinds), refreshed daily. */
  trustTarget: Float32Array;
  fearTarget: Float32Array;
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

/** True from the activation day on: the jurisdictions' policies are in force. */
export function policyActive(w: World): boolean {
  return w.day >= w.params.activationDay;
}
