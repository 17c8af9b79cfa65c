/**
 * How many runs a sensitivity design makes, known from its settings before any point is drawn, so that
 * a design too large for one machine (or a shard file edited to claim one) is refused before memory is
 * filled. A Morris trajectory has one point more than there are parameters; a Sobol (Saltelli) design
 * has N points in each of two base matrices and N more per parameter.
 */
const MAX_SENSITIVITY_RUNS = 1_000_000;

export function plannedRuns(params: number, design: { trajectories: number } | { samples: number }, replicates: number): number {
  const points = 'samples' in design ? design.samples * (params + 2) : design.trajectories * (params + 1);
  return points * replicates;
}

/** Why a design is too large, or undefined. */
export function tooLarge(runs: number): string | undefined {
  return runs > MAX_SENSITIVITY_RUNS
    ? `${runs.toLocaleString('en-US')} runs (points × replicates), more than the ${MAX_SENSITIVITY_RUNS.toLocaleString('en-US')} one analysis may make; use fewer samples, trajectories or replicates`
    : undefined;
}
