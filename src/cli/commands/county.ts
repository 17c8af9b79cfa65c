import { CountyLookupError, findCounty } from '../../counties/find.ts';
import { scenarioFromCounty } from '../../counties/to-scenario.ts';
import { resolveScenario } from '../../scenario/index.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { writeOutput } from '../files.ts';
import { asUsage, readCountyFile } from '../county-file.ts';
import { terminalSafe } from '../format/terminal.ts';

/**
 * `sim county <FIPS or "Name, ST">`: a scenario for a real county (and, with --neighbours, two of its
 * neighbours) from the derived county file, written to --out or printed; what it assumed goes to stderr.
 */
export function countyCommand(query: string | undefined, flags: RunFlags): void {
  if (!query) throw new UsageError('county takes a FIPS code or a name, as in: sim county "Maricopa, AZ" or sim county 37001');
  const file = readCountyFile(flags.out);
  const county = asUsage(() => findCounty(file, query), CountyLookupError);
  const built = asUsage(() => scenarioFromCounty(file, county, { scale: flags.scale, asOf: flags['as-of'], neighbours: flags.neighbours }), RangeError);
  // The scenario is checked as any file would be, so a county the schema cannot hold fails here, not in a later run.
  resolveScenario(built.scenario, `the scenario for ${county.name}, ${county.state}`);
  const json = JSON.stringify(built.scenario, null, 2) + '\n';
  if (!flags.quiet) for (const note of built.notes) process.stderr.write(terminalSafe(`note: ${note}\n`));
  if (flags.out) {
    writeOutput(flags.out, json);
    if (!flags.quiet) process.stderr.write(terminalSafe(`wrote ${flags.out}; run it with: npm run -s sim -- run ${flags.out}\n`));
  } else process.stdout.write(json);
}
