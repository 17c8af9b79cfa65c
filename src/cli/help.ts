import { PRESETS, presetPath } from '../scenario/presets.ts';
import { optionsHelp } from './flags.ts';

/** The text of `sim --help`. */
export function helpText(): string {
  return `Trustfall: agent-based model of community trust under 287(g), run headless.

Usage:
  npm run -s sim -- run <scenario.json> [options]   run a scenario, print a summary
  npm run -s sim -- compare <a.json> <b.json> [<c.json> <d.json>] [options]
                                                    run 2 to 4 scenarios with the same seeds (twin
                                                    worlds), print them side by side with paired
                                                    differences and difference-in-differences estimates
  npm run -s sim -- sweep <sweep.json> [--shard K/N] [--out FILE] [--csv FILE] [--resume]
                                                    vary parameters over a grid or Latin hypercube;
                                                    Ctrl-C writes the finished runs to --out, and
                                                    --resume then runs only the rest
  npm run -s sim -- merge <shard.json>... [--out FILE] [--csv FILE]
                                                    join the shards of a sweep, of a
                                                    sensitivity analysis or of an ABC generation
  npm run -s sim -- fit <scenario.json> [--targets SETS] [--replicates N]
                                                    compare a run with published figures (target sets:
                                                    us-baselines, reporting-drop-measured,
                                                    reporting-drop-stated, or your own JSON file;
                                                    comma-separated)
  npm run -s sim -- calibrate <scenario.json> --params PATHS [--targets SETS] [--budget N]
                    [--replicates N] [--out FILE] [--state FILE] [--resume]
                    [--method nelder-mead|abc] [--particles N] [--generations N]
                    [--shard K/N --proposals P]
                                                    tune parameters (path or path:min:max, comma-
                                                    separated, or a JSON file) to the targets with
                                                    Nelder–Mead (replicates per point chosen by a
                                                    pilot unless --replicates); Ctrl-C stops after an
                                                    iteration and --resume continues from the saved
                                                    state;
                                                    --method abc: a posterior sample (approximate
                                                    Bayesian computation, sequential Monte Carlo),
                                                    intervals, correlations, posterior predictive;
                                                    with --shard, one generation's K-th slice of P
                                                    proposals (merge the N shards into a state)
  npm run -s sim -- sensitivity <scenario.json> --params PATHS [--outputs LIST]
                    [--trajectories N] [--levels N] [--replicates N] [--json]
                    [--method morris|sobol] [--samples N] [--shard K/N --out FILE]
                    [--resume --out FILE]
                                                    Morris elementary effects: which parameters move
                                                    which outputs (j0.latino.after.reportedShare, or
                                                    change.j0.latino.reportedShare for after/before-1);
                                                    --method sobol: first-order and total Sobol indices
                                                    with bootstrap intervals (N × (params + 2) points).
                                                    Structural factors too: an on/off field or a
                                                    choice (jurisdictions[0].policy.trustBuilding,
                                                    jurisdictions[0].policy.model) by its path, a
                                                    mechanism off (0) or on as in the scenario by
                                                    path:switch (entanglement.reportingEffect:switch);
                                                    Ctrl-C keeps the finished runs in a file, and
                                                    the same command with --resume --out FILE goes on
  npm run -s sim -- county <FIPS or "Name, ST"> [--scale 1:N] [--as-of DATE] [--neighbours] [--out FILE]
                                                    a scenario for a real county: its people (ACS
                                                    2018–2022), its 287(g) agreement in force on the
                                                    day (ICE's list of 18 July 2025) and, with
                                                    --neighbours, its two most populous neighbours;
                                                    what it assumed goes to stderr
  npm run -s sim -- nation [--scale 1:N] [--as-of DATE] [--states LIST] [--replicates N] [--shard K/N]
                    [--out FILE] [--json]
                                                    every county with an agreement in force on the
                                                    day, against its no-agreement twin: the change in
                                                    Latino reporting, victimisation and removals by
                                                    county and in total, with 95% intervals over
                                                    replicates; --shard K/N runs every N-th state,
                                                    and merge joins the shards
  npm run -s sim -- resolve <scenario.json>         print the scenario with every default filled in
  npm run -s sim -- params                          list every parameter: unit, range, default, source
  npm run -s sim -- presets                         list the preset scenarios
  npm run -s sim -- --help                          this text

Options (the commands that read each in brackets; any other is refused; --seed, --replicates and
--years override the scenario file):
${optionsHelp()}
compare defaults to 10 replicates per scenario; Ctrl-C stops it and reports what finished (exit 130).

Progress goes to stderr (a live line on a terminal, a line every few seconds otherwise), so stdout
holds only the table or the JSON. The same scenario, seed and options give byte-identical output.

Exit codes: 0 done; 2 bad command line, scenario or sweep (every bad field is named with the value
given and what is allowed); 3 merge found runs missing; 130 cancelled with Ctrl-C; 1 anything else.

Presets (in scenarios/):
${PRESETS.map((p) => `  ${presetPath(p.id).padEnd(42)} ${p.title}`).join('\n')}
`;
}
