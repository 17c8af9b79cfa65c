import { compareScenarios, type ComparedScenario } from '../../compare/compare.ts';
import type { ReplicateTask } from '../../engine/index.ts';
import { toJson } from '../../report/json.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { replicatesCsv } from '../../report/replicates-csv.ts';
import { scenarioHash } from '../../scenario/index.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { checkOutputs, writeOutput } from '../files.ts';
import { compareTable } from '../format/compare-table.ts';
import { runPool } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';
import { readScenario } from '../read-scenario.ts';
import { terminalSafe } from '../format/terminal.ts';
import { interleaved } from '../../compare/run-order.ts';

/** Replicates per scenario when neither the flag nor the files ask for more than one. */
const DEFAULT_REPLICATES = 10;

/**
 * `sim compare a.json b.json [c.json d.json]`: every scenario with the same seeds (twin worlds) on a
 * pool of worker threads; prints the side-by-side table and differences, or JSON. Ctrl-C stops it and
 * reports the replicates already finished. Returns the exit code.
 */
export async function compareCommand(files: string[], flags: RunFlags): Promise<number> {
  if (files.length < 2 || files.length > 4) throw new UsageError(`compare takes 2 to 4 scenario files; got ${files.length}`);
  checkOutputs({ '--csv': flags.csv }, files);
  const scenarios = files.map((f) => readScenario(f, flags));
  const seed = flags.seed ?? scenarios[0].run.seed;
  const replicates = flags.replicates ?? Math.max(DEFAULT_REPLICATES, scenarios[0].run.replicates);
  const order = interleaved(scenarios.length, replicates);
  const tasks: ReplicateTask[] = order.map(({ scenario, replicate }) => ({ scenario: scenarios[scenario], seed, replicate, surveyHouseholds: flags.survey }));
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once('SIGINT', onSigint);
  const progress = createProgress(`compare (${tasks.length} runs)`, !flags.quiet);
  const outcome = await runPool(tasks, { workers: flags.workers, signal: abort.signal, onResult: (_i, done, total) => progress.update(done, total) });
  process.off('SIGINT', onSigint);
  progress.finish();
  const compared: ComparedScenario[] = scenarios.map((scenario, k) => ({
    scenario,
    results: outcome.results.filter((r, i): r is NonNullable<typeof r> => r !== undefined && order[i].scenario === k),
  }));
  if (compared.some((c) => c.results.length === 0)) {
    process.stderr.write('cancelled before every scenario had a finished replicate; nothing to compare\n');
    return 130;
  }
  const report = compareScenarios(compared, seed, replicates, outcome.cancelled);
  process.stdout.write(flags.json ? toJson(report) + '\n' : terminalSafe(compareTable(report)));
  if (flags.csv) {
    const rows = compared.flatMap((c) => c.results.map((r) => ({ scenario: c.scenario.name, replicate: r.replicate, seed, summary: r.summary })));
    writeOutput(
      flags.csv,
      replicatesCsv(
        rows,
        provenanceLine('replicates of a comparison', { seed, scenarios: compared.map((c) => `${c.scenario.name} ${scenarioHash(c.scenario)}`).join(', ') }),
      ),
    );
  }
  return outcome.cancelled ? 130 : 0;
}
