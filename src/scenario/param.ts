import { z } from 'zod';

/**
 * What every scenario parameter must say about itself. The UI's controls, the docs' parameter table,
 * the JSON Schema and the CLI's error messages are all generated from these fields.
 */
export interface ParamInfo {
  /** Unit of the value, in words a reader understands ("residents", "per 1,000 per year"). */
  unit: string;
  /** Plain-language description: what the parameter does in the model. */
  description: string;
  /** Where the default comes from: a citation from shared/evidence/targets.md, or "assumption". */
  source: string;
}

/** Keys this project adds to JSON Schema nodes (JSON Schema allows extra keywords). */
export type ParamMeta = {
  description: string;
  unit?: string;
  source?: string;
};

/** A real-valued parameter within [min, max]. */
export function num(def: number, min: number, max: number, info: ParamInfo) {
  return z.number().min(min).max(max).default(def).meta(meta(info));
}

/** A whole-number parameter within [min, max]. */
export function int(def: number, min: number, max: number, info: ParamInfo) {
  return z.int().min(min).max(max).default(def).meta(meta(info));
}

/** A probability or share in [0, 1]. */
export function share(def: number, info: Omit<ParamInfo, 'unit'> & { unit?: string }) {
  return num(def, 0, 1, { unit: info.unit ?? 'share (0–1)', ...info });
}

/** An on/off switch. */
export function flag(def: boolean, info: Omit<ParamInfo, 'unit'>) {
  return z
    .boolean()
    .default(def)
    .meta(meta({ unit: 'on/off', ...info }));
}

/** One of a fixed list of values. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, def: T[number], info: Omit<ParamInfo, 'unit'>) {
  return z
    .enum(values)
    .default(def as never)
    .meta(meta({ unit: 'choice', ...info }));
}

/**
 * A group of parameters: unknown keys are refused, and a missing group is filled from its members'
 * defaults (`prefault` parses the empty object, so inner defaults apply).
 */
export function section<S extends z.ZodRawShape>(shape: S, description: string) {
  return z
    .strictObject(shape)
    .prefault({} as never)
    .meta({ description });
}

function meta(info: ParamInfo): ParamMeta {
  return { description: info.description, unit: info.unit, source: info.source };
}

/**
 * The source of a default set by a calibration: what it stands on, and the report of the fit in
 * docs/calibration/ (a test checks that the default is the value that report found).
 */
export function calibrated(basis: string, report: string): string {
  return `${basis}; calibrated: docs/calibration/${report}.report.json`;
}

/** Sources cited by several parameters, spelled once. */
export const SRC = {
  assumption: 'assumption',
  ncvs: 'BJS, Criminal Victimization 2022 and 2023 (NCVS)',
  ncvsSecondary: 'BJS Criminal Victimization 2022, via NCJA summary (secondary)',
  fbiClearance: 'FBI, Crime in the United States (clearance rates 1995–2019)',
  goncalves: 'Gonçalves, Jácome & Weisburst, NBER WP 32109 (secondary)',
  mastrobuoni: 'Mastrobuoni & Nicolò 2020, J. Policy Analysis and Management',
  maricopa: 'DOJ findings letter, Maricopa County AZ, 2011',
  alamance: 'MacDonald analysis (Alamance County NC), Burlington Times-News 2013 (secondary)',
  capps: 'Capps et al., Delegation and Divergence, Migration Policy Institute 2011',
  theodore: 'Theodore, Insecure Communities, 2013 (secondary)',
  wong: 'Wong et al., US Immigration Policy Center working paper 1, 2019',
} as const;
