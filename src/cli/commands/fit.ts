import { ESTIMAND_LABELS } from '../../evidence/estimands.ts';
import { fitReport, needsTwin, runNeeds, type FitReport } from '../../evidence/fit.ts';
import { twinScenario } from '../../evidence/twin.ts';
import { BUILT_IN_TARGETS, DEFAULT_TARGETS, parseTargetSet } from '../../evidence/registry.ts';
import type { TargetSet } from '../../evidence/schema.ts';
import { scenarioHash } from '../../scenario/index.ts';
import { ENGINE_VERSION } from '../../engine/version.ts';
import { toJson } from '../../report/json.ts';
import type { RunSummary } from '../../engine/index.ts';
import { UsageError, type RunFlags } from '../args.ts';
import { runPool } from '../pool/pool.ts';
import { createProgress } from '../progress.ts';
import { readScenario } from '../read-scenario.ts';
import { readInputJson } from '../files.ts';
import { terminalSafe } from '../format/terminal.ts';

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

/** Most replicates a fit chooses by itself (it doubles from DEFAULT_REPLICATES until the intervals are narrow enough). */
const MAX_AUTO_REPLICATES = 40;

/** True when every target that applies has a 95% interval whose half-width is under a third of its band's width. */
function precise(reports: FitReport[]): boolean {
  return reports.every((r) =>
    r.results.every(
      (t) => !t.simulated || t.simulated.lo === null || t.simulated.hi === null || (t.simulated.hi - t.simulated.lo) / 2 < (t.band[1] - t.band[0]) / 3,
    ),
  );
}

/**
 * `sim fit <scenario.json> [--targets SETS] [--replicates N] [--json]`: how the run compares with published
 * figures. Without --replicates it chooses them: from 5, doubling until every target's 95% interval is
 * narrower than a third of its band (at most 40), so a target is not judged on noise; it says how many.
 */
export async function fitCommand(file: string | undefined, flags: RunFlags & { targets?: string }): Promise<number> {
  const sets = readTargetSets(flags.targets);
  const scenario = readScenario(file, flags);
  const chosen = flags.replicates === undefined;
  let replicates = flags.replicates ?? Math.max(DEFAULT_REPLICATES, scenario.run.replicates);
  // Paired targets need the no-agreement twin for the same seeds and replicates.
  const paired = sets.some((set) => needsTwin(set, scenario));
  const scenarios = paired ? [scenario, twinScenario(scenario)] : [scenario];
  // Event-study targets read each quarter around activation, which a run keeps only when asked.
  const needs = runNeeds(sets);
  const policy: (RunSummary | undefined)[] = [];
  const twin: (RunSummary | undefined)[] = [];
  let reports: FitReport[] = [];
  for (;;) {
    const from = policy.length;
    const progress = createProgress(`fit (replicates ${from} to ${replicates - 1}${paired ? ', each with its no-agreement twin' : ''})`, !flags.quiet);
    const tasks = scenarios.flatMap((sc) =>
      Array.from({ length: replicates - from }, (_, k) => ({ scenario: sc, seed: scenario.run.seed, replicate: from + k, ...needs })),
    );
    const outcome = await runPool(tasks, { workers: flags.workers, onResult: (_i, done, total) => progress.update(done, total) });
    progress.finish();
    const got = outcome.results.map((r) => r?.summary);
    policy.push(...got.slice(0, replicates - from));
    if (paired) twin.push(...got.slice(replicates - from));
    const pairs = policy.map((p, i) => ({ policy: p, twin: paired ? twin[i] : undefined })).filter((p) => p.policy && (!paired || p.twin));
    reports = sets.map((s) =>
      fitReport(
        s,
        scenario,
        pairs.map((p) => p.policy!),
        paired ? pairs.map((p) => p.twin!) : undefined,
      ),
    );
    if (!chosen || replicates >= MAX_AUTO_REPLICATES || precise(reports)) break;
    replicates = Math.min(MAX_AUTO_REPLICATES, replicates * 2);
  }
  const seeds = {
    seed: scenario.run.seed,
    replicates: `0 to ${replicates - 1}`,
    twin: paired ? 'the same seed and replicates with every 287(g) model set to none' : null,
    chosen: chosen
      ? `${replicates}, chosen (from ${Math.max(DEFAULT_REPLICATES, scenario.run.replicates)}, doubling) so that every target's 95% half-width is under a third of its band${precise(reports) ? '' : `; not reached by the limit of ${MAX_AUTO_REPLICATES}`}`
      : 'as asked (--replicates)',
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
  process.stdout.write(
    flags.json ? toJson(out) + '\n' : terminalSafe(fitTable(out.scenarioName, scenario.run.seed, replicates, paired, reports, seeds.chosen)),
  );
  return 0;
}

function fitTable(name: string, seed: number, replicates: number, paired: boolean, reports: FitReport[], chosen: string): string {
  const out: string[] = [
    `Fit of "${name}" to published figures (${replicates} replicates; mean and 95% interval)`,
    `Replicates: ${chosen}.`,
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
      out.push(`       ${t.measure} [${ESTIMAND_LABELS[t.estimand]}]. ${t.citation}`);
      const nf = t.noiseFree?.simulated;
      if (nf && nf.mean !== null) out.push(`       noise-free (expected reporting, not scored): ${f(nf.mean)} (${f(nf.lo)} to ${f(nf.hi)})`);
      if (t.profile) {
        const q = (n: number) => (n > 0 ? `+${n}` : String(n));
        const defined = t.profile.filter((p) => p.simulated.mean !== null);
        out.push(`       by quarter (13 weeks; 0 starts at activation; -1 is the reference)${defined.length ? ':' : ': no quarter simulated whole'}`);
        for (let i = 0; i < defined.length; i += 4)
          out.push(
            `         ${defined
              .slice(i, i + 4)
              .map((p) => `${q(p.quarter).padStart(2)} ${f(p.simulated.mean)} (${f(p.simulated.lo)} to ${f(p.simulated.hi)})`.padEnd(34))
              .join('')
              .trimEnd()}`,
          );
      }
    }
  }
  return out.join('\n') + '\n';
}
