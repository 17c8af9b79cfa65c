/**
 * How many runs an ABC calibration makes at the least, known from its settings before anything is
 * drawn, so that one too large for a machine (`--particles 100000 --generations 100 --replicates 1000`,
 * or a state file edited to claim it) is refused with a message instead of filling memory for minutes.
 * Each generation, the prior's included, needs at least one proposal per particle, and each proposal
 * runs its replicates (twice when a target is paired with the no-agreement twin, which this floor
 * leaves out).
 */
const MAX_ABC_RUNS = 1_000_000;

/** Why a calibration (or one shard's share of a generation) is too large, or undefined. */
export function abcTooLarge(o: { particles: number; generations: number; replicates: number } | { proposals: number; replicates: number }): string | undefined {
  const proposals = 'proposals' in o ? o.proposals : o.particles * (o.generations + 1);
  const runs = proposals * o.replicates;
  if (runs <= MAX_ABC_RUNS) return undefined;
  const what =
    'proposals' in o
      ? `${o.proposals} proposals × ${o.replicates} replicates`
      : `${o.particles} particles × ${o.generations + 1} generations × ${o.replicates} replicates`;
  return `${what} is at least ${runs.toLocaleString('en-US')} runs, more than the ${MAX_ABC_RUNS.toLocaleString('en-US')} one ABC calibration may make; use fewer particles, generations, proposals or replicates`;
}
