import type { RunSummary } from '../engine/index.ts';
import { fitReport } from '../evidence/fit.ts';
import type { TargetSet } from '../evidence/schema.ts';
import type { Scenario } from '../scenario/index.ts';

/** How the replicates per evaluation were chosen, target by target. */
export interface ReplicateChoice {
  replicates: number;
  /** Replicates of the pilot run at the starting point (and of its twin where targets are paired). */
  pilot: number;
  /** The aim: each target's standard error at most this share of its half-band. */
  ratio: number;
  /** True when some target would need more than the most allowed. */
  limited: boolean;
  targets: { set: string; id: string; sd: number; halfBand: number; standardError: number }[];
}

/**
 * Replicates per evaluation so that every target's standard error (its replicate-to-replicate standard
 * deviation in the pilot over √R) is at most `ratio` of its half-band: R = ⌈(sd / (ratio × half-band))²⌉,
 * within [min, max]. Noise well under the band keeps a calibration from fitting to its seeds' noise.
 */
export function chooseReplicates(
  sets: readonly TargetSet[],
  scenario: Scenario,
  pilot: readonly RunSummary[],
  twins: readonly RunSummary[] | undefined,
  o = { ratio: 1 / 3, min: 3, max: 32 },
): ReplicateChoice {
  const targets: ReplicateChoice['targets'] = [];
  let needed = o.min;
  for (const set of sets) {
    // One report per replicate: each target's value in that replicate.
    const per = pilot.map((s, i) => fitReport(set, scenario, [s], twins ? [twins[i]] : undefined).results);
    set.targets.forEach((t, k) => {
      const values = per.map((r) => r[k].simulated?.mean ?? null).filter((v): v is number => v !== null);
      if (values.length < 2) return;
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
      const halfBand = Math.max((t.band[1] - t.band[0]) / 2, 1e-12);
      needed = Math.max(needed, Math.ceil((sd / (o.ratio * halfBand)) ** 2));
      targets.push({ set: set.id, id: t.id, sd, halfBand, standardError: 0 });
    });
  }
  const replicates = Math.min(o.max, needed);
  for (const t of targets) t.standardError = t.sd / Math.sqrt(replicates);
  return { replicates, pilot: pilot.length, ratio: o.ratio, limited: needed > o.max, targets };
}
