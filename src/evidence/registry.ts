import usBaselines from './targets/us-baselines.json' with { type: 'json' };
import dropMeasured from './targets/reporting-drop-measured.json' with { type: 'json' };
import dropStated from './targets/reporting-drop-stated.json' with { type: 'json' };
import detainerMix from './targets/detainer-mix.json' with { type: 'json' };
import { formatPath } from '../scenario/errors.ts';
import { TargetSet } from './schema.ts';

/**
 * The target sets that ship with Trustfall, from shared/evidence/targets.md. The two reporting-drop sets
 * disagree on purpose: the literature does, and a user can switch between them.
 */
export const BUILT_IN_TARGETS: Record<string, TargetSet> = Object.fromEntries(
  [usBaselines, dropMeasured, dropStated, detainerMix].map((raw) => {
    const set = TargetSet.parse(raw);
    return [set.id, set];
  }),
);

export const DEFAULT_TARGETS = 'us-baselines';

/** A target set that cannot be used, with one line per problem naming the field. */
export class TargetSetError extends Error {
  constructor(
    readonly problems: string[],
    source: string,
  ) {
    super(`${source} is not a valid target set:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TargetSetError';
  }
}

/** Validates a user's target set (already parsed from JSON). */
export function parseTargetSet(raw: unknown, source: string): TargetSet {
  const r = TargetSet.safeParse(raw);
  if (r.success) return r.data;
  throw new TargetSetError(
    r.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`),
    source,
  );
}

/** The words the target cards show from the built-in sets (titles, descriptions, measures), in English. */
export function targetSetWords(): string[] {
  return Object.values(BUILT_IN_TARGETS).flatMap((s) => [s.title, s.description, ...s.targets.map((t) => t.measure)]);
}
