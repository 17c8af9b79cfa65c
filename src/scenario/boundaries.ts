import { z } from 'zod';
import { Run } from './schema.ts';

/**
 * The settings that travel beside a scenario (a seed, a comparison's replicates and survey) and the
 * payloads that carry scenarios across a boundary (a share link, the saved draft). One schema each, so
 * the page, the links and the command line accept the same values and refuse the same ones.
 */

const RUN = Run.unwrap();

/** The seed: the scenario's own field, so its range is written once. */
export const Seed = RUN.shape.seed.unwrap();
/** The largest seed, for input fields' max attributes and messages. */
export const SEED_MAX = Seed.maxValue ?? 2 ** 31 - 1;
/** Replicates of a run or a comparison: the scenario's own range. */
export const Replicates = RUN.shape.replicates.unwrap();
/** Households asked in the simulated survey per jurisdiction and period: 0 for none, else 2 to 1,000,000. */
export const SURVEY_MAX = 1_000_000;
export const SurveyHouseholds = z.union([z.literal(0), z.int().min(2).max(SURVEY_MAX)]);
/** Simulated years after burn-in: the scenario's own range. */
export const Years = RUN.shape.years.unwrap();
/** Simulated years for every scenario of a comparison: 0 for each scenario's own, else the scenario's range. */
export const ComparisonYears = z.union([z.literal(0), Years]);

/** A scenario as a user wrote it: an object, checked by the scenario schema before use. */
const ScenarioObject = z.record(z.string(), z.unknown());

/** What a run link holds (format 1). */
export const SharedRunPayload = z.object({ v: z.literal(1), s: ScenarioObject, seed: Seed });

/** What a comparison link holds (format 1). */
export const SharedComparisonPayload = z.object({
  v: z.literal(1),
  slots: z
    .array(z.union([z.object({ preset: z.string().max(100) }), z.object({ scenario: ScenarioObject })]))
    .min(2)
    .max(4),
  replicates: Replicates,
  seed: Seed,
  survey: SurveyHouseholds,
  years: ComparisonYears.optional(),
});

/** The user's edits as kept in localStorage. */
export const DraftPayload = z.object({ scenario: ScenarioObject, seed: Seed, preset: z.string().max(100).optional() });

/** The first problem of a failed parse, as "field: message", for a one-line note. */
export function firstProblem(error: z.ZodError): string {
  const i = error.issues[0];
  const where = i.path.length ? i.path.join('.') : 'the whole';
  return `${where}: ${i.message}`;
}
