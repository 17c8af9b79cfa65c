import { resolveScenario, ScenarioError, type Scenario } from '../scenario/index.ts';
import { UsageError, type RunFlags } from './args.ts';
import { readInputText } from './files.ts';

/** CLI flags that override fields of the scenario's `run` section. */
const OVERRIDES = { seed: 'seed', replicates: 'replicates', years: 'years' } as const;

/**
 * Reads, parses and validates a scenario file, applying --seed/--replicates/--years first so that the
 * schema checks them too; a bad flag is reported with the flag's name.
 */
export function readScenario(file: string | undefined, flags: Partial<RunFlags> = {}): Scenario {
  return readScenarioWithRaw(file, flags).scenario;
}

/**
 * The same, also returning the file's own object (without `$schema`): calibration and sensitivity
 * change fields of what the user wrote, not of the resolved scenario.
 */
export function readScenarioWithRaw(file: string | undefined, flags: Partial<RunFlags> = {}): { scenario: Scenario; raw: Record<string, unknown> } {
  if (!file) throw new UsageError('missing the scenario file, e.g. scenarios/task-force.json');
  const text = readInputText(file, 'scenario');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([`not valid JSON: ${(e as Error).message}`], file);
  }
  const overridden: string[] = [];
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const obj = raw as Record<string, unknown>;
    const run = { ...((obj.run && typeof obj.run === 'object' ? obj.run : {}) as Record<string, unknown>) };
    for (const [flag, field] of Object.entries(OVERRIDES)) {
      const v = flags[flag as keyof typeof OVERRIDES];
      if (v !== undefined) {
        run[field] = v;
        overridden.push(`run.${field}`);
      }
    }
    if (overridden.length) obj.run = run;
  }
  try {
    const scenario = resolveScenario(raw, file);
    const { $schema: _schema, ...own } = raw as Record<string, unknown>;
    return { scenario, raw: own };
  } catch (e) {
    if (e instanceof ScenarioError) {
      const named = e.problems.map((p) => {
        const field = overridden.find((f) => p.startsWith(`${f}:`));
        return field ? `--${field.slice(4)} (${p})` : p;
      });
      throw new ScenarioError(named, file);
    }
    throw e;
  }
}
