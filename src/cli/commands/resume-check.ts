import type { CalibrationParam } from '../../calibrate/calibrate.ts';
import { UsageError } from '../args.ts';

/** What a saved calibration or ABC state was made with. */
interface SavedSettings {
  params: CalibrationParam[];
  targetSets: string[];
  seed: number;
  replicates: number;
  particles?: number;
  scenarioHash?: string;
}

/**
 * `--resume` continues a search only with the settings it was started with: another scenario, other
 * targets, other parameters or ranges, or a --seed, --replicates or --particles that differs would
 * otherwise mix two searches (the old loss reported under the new targets' name, a range that no
 * longer matches its points). Every difference is named; options not given take the state's values.
 */
export function checkResume(
  statePath: string,
  saved: SavedSettings,
  now: { params: CalibrationParam[]; targetSets: string[]; scenarioHash: string; seed?: number; replicates?: number; particles?: number },
): void {
  const diffs: string[] = [];
  const range = (p: CalibrationParam) => `${p.path} ${p.min} to ${p.max}`;
  const savedParams = saved.params.map(range).join(', ');
  const nowParams = now.params.map(range).join(', ');
  if (savedParams !== nowParams) diffs.push(`parameters and ranges: ${savedParams} (now ${nowParams})`);
  if (saved.targetSets.join(',') !== now.targetSets.join(','))
    diffs.push(`targets: ${saved.targetSets.join(', ') || 'none'} (now ${now.targetSets.join(', ')}; give the same --targets)`);
  if (saved.scenarioHash !== undefined && saved.scenarioHash !== now.scenarioHash)
    diffs.push(`scenario: ${saved.scenarioHash.slice(0, 12)} (now ${now.scenarioHash.slice(0, 12)}: another file, or one changed since)`);
  if (now.seed !== undefined && now.seed !== saved.seed) diffs.push(`--seed ${saved.seed} (now ${now.seed})`);
  if (now.replicates !== undefined && now.replicates !== saved.replicates) diffs.push(`--replicates ${saved.replicates} (now ${now.replicates})`);
  if (now.particles !== undefined && saved.particles !== undefined && now.particles !== saved.particles)
    diffs.push(`--particles ${saved.particles} (now ${now.particles})`);
  if (diffs.length)
    throw new UsageError(
      `--resume: ${statePath} was made with other settings; resume with the same ones or start afresh:\n${diffs.map((d) => `  - ${d}`).join('\n')}`,
    );
}
