import { runScenario } from '../../engine/index.ts';
import type { RunFlags } from '../args.ts';
import { checkOutputs, writeOutput } from '../files.ts';
import { toJson } from '../../report/json.ts';
import { provenanceLine } from '../../report/provenance.ts';
import { weeklyCsv } from '../../report/weekly-csv.ts';
import { summaryTable } from '../format/table.ts';
import { createProgress } from '../progress.ts';
import { readScenario } from '../read-scenario.ts';
import { terminalSafe } from '../format/terminal.ts';

/** `sim run <file>`: runs the scenario and prints the table or the JSON report. */
export function runCommand(file: string | undefined, flags: RunFlags): void {
  checkOutputs({ '--csv': flags.csv }, [file]);
  const scenario = readScenario(file, flags);
  const progress = createProgress(`${scenario.name}`, !flags.quiet);
  const report = runScenario(scenario, { onProgress: progress.update });
  progress.finish();
  process.stdout.write(flags.json ? toJson(report) + '\n' : terminalSafe(summaryTable(report)));
  if (flags.csv)
    writeOutput(
      flags.csv,
      weeklyCsv(
        report.weekly,
        report.activationDay,
        provenanceLine('weekly series', { scenario: report.scenarioHash, seed: report.seed, replicates: report.replicates }),
      ),
    );
}
