import { describeAllowed, schemaNodeAt } from '../scenario/index.ts';
import { PRESETS, presetPath } from '../scenario/presets.ts';

const range = (path: string[]) => describeAllowed(schemaNodeAt(path));

/** The text of `sim --help`. */
export function helpText(): string {
  return `Trustfall: agent-based model of community trust under 287(g), run headless.

Usage:
  npm run -s sim -- run <scenario.json> [options]   run a scenario, print a summary
  npm run -s sim -- resolve <scenario.json>         print the scenario with every default filled in
  npm run -s sim -- params                          list every parameter: unit, range, default, source
  npm run -s sim -- presets                         list the preset scenarios
  npm run -s sim -- --help                          this text

Options for run (each overrides the scenario file):
  --seed N         random seed; ${range(['run', 'seed'])}
  --replicates N   independent replicates, averaged with 95% intervals; ${range(['run', 'replicates'])}
  --years N        simulated years after burn-in; ${range(['run', 'years'])}
  --json           print exactly one JSON object on stdout instead of the table (shape in README.md)
  --csv FILE       also write the weekly time series (mean over replicates) to FILE as CSV
  --quiet          no progress on stderr

Progress goes to stderr (a live line on a terminal, a line every few seconds otherwise), so stdout
holds only the table or the JSON. The same scenario, seed and options give byte-identical output.

Exit codes: 0 done; 2 bad command line or invalid scenario (every bad field is named with the value
given and what is allowed); 1 anything else.

Presets (in scenarios/):
${PRESETS.map((p) => `  ${presetPath(p.id).padEnd(42)} ${p.title}`).join('\n')}
`;
}
