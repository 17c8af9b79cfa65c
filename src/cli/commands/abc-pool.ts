import type { AbcEvaluate } from '../../calibrate/abc.ts';
import { modelDistance } from '../../calibrate/abc-model.ts';
import type { CalibrationParam } from '../../calibrate/calibrate.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import type { ThreadPool } from '../pool/pool.ts';

/** The ABC distance with its runs on the worker pool; `counted` hears how many runs each batch made. */
export function pooledDistance(
  pool: ThreadPool,
  o: { base: Record<string, unknown>; params: CalibrationParam[]; targets: TargetSet[]; seed: number; replicates: number },
  counted: (runs: number) => void,
  onResult?: (done: number, total: number) => void,
): AbcEvaluate {
  return modelDistance({
    ...o,
    run: async (tasks, at) => {
      const outcome = await pool.run(tasks, { onResult: onResult && ((_i, done) => onResult(at.before + done, at.total)) });
      counted(tasks.length);
      return outcome.results.map((r) => r!.summary);
    },
  });
}
