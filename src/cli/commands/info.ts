import { describeAllowed, listParameters } from '../../scenario/index.ts';
import { PRESETS, presetPath } from '../../scenario/presets.ts';
import { toJson } from '../../report/json.ts';
import { readScenario } from '../read-scenario.ts';
import { terminalSafe } from '../format/terminal.ts';
import { jsonTerminalSafe } from '../../report/json.ts';

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

/** `sim presets`: the preset files and their descriptions. */
export function presetsCommand(): void {
  for (const p of PRESETS) {
    const s = readScenario(presetPath(p.id));
    process.stdout.write(terminalSafe(`${presetPath(p.id)}\n  ${s.name}: ${s.description}\n`));
  }
}

/** `sim resolve <file>`: the scenario with every default filled in, as JSON. */
export function resolveCommand(file: string | undefined): void {
  const s = readScenario(file);
  process.stdout.write(jsonTerminalSafe(JSON.stringify(s, null, 2)) + '\n');
}
