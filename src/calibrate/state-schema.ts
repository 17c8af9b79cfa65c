import { z } from 'zod';
import { Seed } from '../scenario/boundaries.ts';
import type { CalibrationState } from './calibrate.ts';

const unitPoint = z.array(z.number().min(0).max(1));

/**
 * A saved calibration state, as read back for --resume: the file may have been edited, truncated or
 * come from elsewhere, so every field is checked before the search continues from it.
 */
const CalibrationStateFile = z
  .object({
    format: z.literal('trustfall-calibration'),
    version: z.literal(1),
    params: z
      .array(z.object({ path: z.string().min(1), min: z.number(), max: z.number(), integer: z.boolean() }))
      .min(1)
      .max(64),
    targetSets: z.array(z.string()).max(100),
    replicates: z.int().min(1).max(1000),
    seed: Seed,
    /** The scenario the search ran on (absent in states saved before it was recorded). */
    scenarioHash: z.string().optional(),
    simplex: z.object({ points: z.array(unitPoint), values: z.array(z.number()), iterations: z.int().min(0), evaluations: z.int().min(0) }),
    history: z.array(z.object({ x: unitPoint, loss: z.number() })).max(1_000_000),
  })
  .refine((s) => s.simplex.points.length === s.params.length + 1 && s.simplex.values.length === s.simplex.points.length, {
    message: 'the simplex has not one more point than there are parameters',
    path: ['simplex'],
  })
  .refine((s) => s.simplex.points.every((p) => p.length === s.params.length) && s.history.every((h) => h.x.length === s.params.length), {
    message: 'a point has not one value per parameter',
    path: ['simplex'],
  });

/** The state, or the problems that make it unusable (one line each, naming the field). */
export function parseCalibrationState(raw: unknown): { state: CalibrationState } | { problems: string[] } {
  const r = CalibrationStateFile.safeParse(raw);
  if (r.success) return { state: r.data as CalibrationState };
  return { problems: r.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`) };
}
