#!/usr/bin/env node
import { ScenarioError } from '../scenario/index.ts';
import { UsageError, parseCommandLine } from './args.ts';
import { paramsCommand, presetsCommand, resolveCommand } from './commands/info.ts';
import { runCommand } from './commands/run.ts';
import { compareCommand } from './commands/compare.ts';
import { mergeCommand, sweepCommand } from './commands/sweep.ts';
import { fitCommand } from './commands/fit.ts';
import { calibrateCommand } from './commands/calibrate.ts';
import { sensitivityCommand } from './commands/sensitivity.ts';
import { countyCommand } from './commands/county.ts';
import { nationCommand } from './commands/nation.ts';
import { TargetSetError } from '../evidence/registry.ts';
import { SweepError } from '../sweep/plan.ts';
import { helpText } from './help.ts';
import { OutputError } from './files.ts';
import { terminalSafe } from './format/terminal.ts';

/** Entry point of `npm run sim`. Exit codes: 0 done, 2 bad input, 130 cancelled (Ctrl-C), 1 anything else. */
async function main(argv: string[]): Promise<number> {
  try {
    const cli = parseCommandLine(argv);
    if (cli.help || cli.command === undefined || cli.command === 'help') {
      process.stdout.write(helpText());
      return cli.command === undefined && !cli.help ? 2 : 0;
    }
    switch (cli.command) {
      case 'run':
        runCommand(cli.positionals[0], cli.flags);
        return 0;
      case 'resolve':
        resolveCommand(cli.positionals[0]);
        return 0;
      case 'params':
        paramsCommand(cli.flags.json);
        return 0;
      case 'presets':
        presetsCommand();
        return 0;
      case 'compare':
        return await compareCommand(cli.positionals, cli.flags);
      case 'sweep':
        return await sweepCommand(cli.positionals[0], cli.flags);
      case 'merge':
        return await mergeCommand(cli.positionals, cli.flags);
      case 'fit':
        return await fitCommand(cli.positionals[0], cli.flags);
      case 'calibrate':
        return await calibrateCommand(cli.positionals[0], cli.flags);
      case 'sensitivity':
        return await sensitivityCommand(cli.positionals[0], cli.flags);
      case 'county':
        countyCommand(cli.positionals[0], cli.flags);
        return 0;
      case 'nation':
        return await nationCommand(cli.flags);
      default:
        throw new UsageError(
          `unknown command ${JSON.stringify(cli.command)}; expected run, compare, sweep, merge, fit, calibrate, sensitivity, county, nation, resolve, params or presets`,
        );
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${terminalSafe(e.message)}\n(see npm run -s sim -- --help)\n`);
      return 2;
    }
    if (e instanceof ScenarioError || e instanceof SweepError || e instanceof TargetSetError) {
      process.stderr.write(`error: ${terminalSafe(e.message)}\n`);
      return 2;
    }
    if (e instanceof OutputError) {
      process.stderr.write(`error: ${terminalSafe(e.message)}\n`);
      return 1;
    }
    process.stderr.write(`error: ${terminalSafe((e as Error).stack ?? String(e))}\n`);
    return 1;
  }
}

// A reader that stops early (`sim params | head -n 1`) closes the pipe: stop quietly, as other tools do.
// Any other failure of standard output (a full disk, /dev/full) is said plainly: no stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`error: cannot write to standard output (${e.code ?? e.message}); write to a file with --out or --csv where the command has one\n`);
  process.exit(1);
});

process.exitCode = await main(process.argv.slice(2));
