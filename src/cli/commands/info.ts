import { describeAllowed, listParameters } from '../../scenario/index.ts';
import { PRESETS, presetPath } from '../../scenario/presets.ts';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonTerminalSafe, toJson } from '../../report/json.ts';
import { readScenario } from '../read-scenario.ts';
import { terminalSafe } from '../format/terminal.ts';

/** `sim params`: every parameter with its unit, allowed values, default and source. */
export function paramsCommand(json: boolean): void {
  const params = listParameters().filter((p) => p.path !== '$schema');
  if (json) {
    process.stdout.write(toJson(params.map((p) => ({ path: p.path, ...p.node }))) + '\n');
    return;
  }
  for (const { path, node } of params) {
    process.stdout.write(
      `${path}\n  ${node.description ?? ''}\n  ${describeAllowed(node)}; default ${JSON.stringify(node.default)}; source: ${node.source ?? '—'}\n`,
    );
  }
}

/** `sim presets`: the preset files and their descriptions, from wherever the command is run. */
export function presetsCommand(): void {
  const root = repositoryRoot();
  for (const p of PRESETS) {
    const file = join(root, presetPath(p.id));
    const s = readScenario(file);
    const shown = relative(process.cwd(), file);
    process.stdout.write(terminalSafe(`${shown.startsWith('..') ? file : shown}\n  ${s.name}: ${s.description}\n`));
  }
}

/**
 * The folder holding `scenarios/`: found upward from this module, which is `src/cli/commands/` under
 * tsx and `dist-cli/` in the built CLI, so that `presets` and `county` work from any working folder.
 */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, presetPath(PRESETS[0].id)))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** `sim resolve <file>`: the scenario with every default filled in, as JSON. */
export function resolveCommand(file: string | undefined): void {
  const s = readScenario(file);
  process.stdout.write(jsonTerminalSafe(JSON.stringify(s, null, 2)) + '\n');
}
