import { fitReport, needsTwin, type FitReport } from '../../evidence/fit.ts';
import { twinScenario } from '../../evidence/twin.ts';
import { BUILT_IN_TARGETS, DEFAULT_TARGETS, parseTargetSet } from '../../evidence/registry.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import { scenarioHash } from '../../scenario/index.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { toJson } from '../../report/json.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { runPool } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';
import { readScenario } from '../read-scenario.ts';
import { readInputJson } from '../files.ts';

/** Replicates for a fit report when none are asked for: enough for a usable interval. */
const DEFAULT_REPLICATES = 5;

/** Target sets named on the command line: built-in ids or files, comma-separated. */
export function readTargetSets(spec: string | undefined): TargetSet[] {
  return (spec ?? DEFAULT_TARGETS).split(',').map((name) => {
    const id = name.trim();
    if (BUILT_IN_TARGETS[id]) return BUILT_IN_TARGETS[id];
    let raw: unknown;
    try {
      raw = readInputJson(id, 'target set');
    } catch (e) {
      throw new UsageError(
        `--targets: ${JSON.stringify(id)} is neither a built-in target set (${Object.keys(BUILT_IN_TARGETS).join(', ')}) nor a readable target file: ${(e as Error).message}`,
      );
    }
    return parseTargetSet(raw, id);
  });
}

/** `sim fit <scenario.json> [--targets SETS] [--replicates N] [--json]`: how the run compares with published figures. */
export async function fitCommand(file: string | undefined, flags: RunFlags & { targets?: string }): Promise<number> {
  const sets = readTargetSets(flags.targets);
  const scenario = readScenario(file, flags);
  const replicates = flags.replicates ?? Math.max(DEFAULT_REPLICATES, scenario.run.replicates);
  // Paired targets need the no-agreement twin for the same seeds and replicates.
  const paired = sets.some(needsTwin);
  const scenarios = paired ? [scenario, twinScenario(scenario)] : [scenario];
  const progress = createProgress(`fit (${replicates} replicates${paired ? ', each with its no-agreement twin' : ''})`, !flags.quiet);
  const tasks = scenarios.flatMap((sc) => Array.from({ length: replicates }, (_, replicate) => ({ scenario: sc, seed: scenario.run.seed, replicate })));
  const outcome = await runPool(tasks, { workers: flags.workers, onResult: (_i, done, total) => progress.update(done, total) });
  progress.finish();
  const all = outcome.results.map((r) => r?.summary);
  const pairs = Array.from({ length: replicates }, (_, i) => ({ policy: all[i], twin: paired ? all[replicates + i] : undefined })).filter(
    (p) => p.policy && (!paired || p.twin),
  );
  const summaries = pairs.map((p) => p.policy!);
  const twins = paired ? pairs.map((p) => p.twin!) : undefined;
  const reports = sets.map((s) => fitReport(s, scenario, summaries, twins));
  const seeds = {
    seed: scenario.run.seed,
    replicates: `0 to ${replicates - 1}`,
    twin: paired ? 'the same seed and replicates with every 287(g) model set to none' : null,
  };
  const out = {
    engineVersion: ENGINE_VERSION,
    scenarioName: scenario.name,
    scenarioHash: scenarioHash(scenario),
    seed: scenario.run.seed,
    replicates,
    seeds,
    reports,
  };
  process.stdout.write(flags.json ? toJson(out) + '\n' : fitTable(out.scenarioName, scenario.run.seed, replicates, paired, reports));
  return 0;
}

const ESTIMAND: Record<string, string> = {
  metric: 'level',
  gap: 'gap between groups',
  relativeChange: 'before→after in one run',
  paired: 'paired vs no-agreement twin',
};

function fitTable(name: string, seed: number, replicates: number, paired: boolean, reports: FitReport[]): string {
  const out: string[] = [
    `Fit of "${name}" to published figures (${replicates} replicates; mean and 95% interval)`,
    `Seeds: seed ${seed}, replicates 0 to ${replicates - 1}${paired ? '; paired targets against the no-agreement twin with the same seed and replicates' : ''}. Use --seed to check on seeds a calibration did not use.`,
  ];
  for (const r of reports) {
    out.push('', `${r.targetSet.title} (${r.targetSet.id}, version ${r.targetSet.version}): ${r.score.met} of ${r.score.applicable} targets met`);
    for (const t of r.results) {
      const pct = t.unit.includes('share') || t.unit.includes('relative');
      const f = (v: number | null) => (v === null ? '—' : pct ? `${(v * 100).toFixed(1)}%` : v.toFixed(1));
      const sim = t.simulated ? `${f(t.simulated.mean)} (${f(t.simulated.lo)} to ${f(t.simulated.hi)})` : 'does not apply to this scenario';
      const mark = t.met === null ? '  ' : t.met ? 'ok' : 'NO';
      out.push(`  ${mark} ${t.id.padEnd(36)} simulated ${sim.padEnd(32)} band ${f(t.band[0])} to ${f(t.band[1])}${t.secondary ? ' (secondary source)' : ''}`);
      out.push(`       ${t.measure} [${ESTIMAND[t.estimand]}]. ${t.citation}`);
    }
  }
  return out.join('\n') + '\n';
}
