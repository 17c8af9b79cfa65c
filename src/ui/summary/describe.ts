import { policyLabel } from '../../report/policy-labels.ts';
import type { Group, MetricValues, RunSummary, MetricKey } from '../../engine/index.ts';
import { GROUP_LABELS } from '../../report/group-labels.ts';

/** The sentences of the run summary: what changed, in plain words, computed from the metrics. */
export function describeRun(summary: RunSummary, activationDay: number, day: number): string[] {
  if (day <= activationDay) return [`The policy starts on day ${activationDay}. Run past it to compare before and after.`];
  // Said first and plainly: one run's before/after change is not the policy's effect.
  const out: string[] = [
    'This is one run of a random model, before and after the policy: changes of a few points can be chance. The policy\u2019s effect is the paired difference from the same town without the agreement over replicates (Compare scenarios, or sim compare).',
  ];
  const many = summary.jurisdictions.length > 1;
  for (const j of summary.jurisdictions) {
    const where = many ? `In ${j.name} (${policyLabel(j.model, j.sanctuary, j.trustBuilding)}), ` : '';
    const g = j.groups;
    for (const group of ['latinoNoncitizen', 'latinoCitizen', 'nonLatino'] as Group[]) {
      const s = shareChange(g[group].before.reportedShare, g[group].after.reportedShare);
      if (s) out.push(`${where}reporting of crime among ${GROUP_LABELS[group].people} ${s}.`);
    }
    const trust = change(g.latinoNoncitizen.before.meanTrust, g.latinoNoncitizen.after.meanTrust, (v) => v.toFixed(2), 0.01);
    if (trust) out.push(`${where}mean trust in police among Latino non-citizens ${trust}.`);
    const victim = change(
      g.latinoNoncitizen.before.violentVictimisationPer1000,
      g.latinoNoncitizen.after.violentVictimisationPer1000,
      (v) => `${v.toFixed(1)}`,
      0.5,
    );
    if (victim) out.push(`${where}violent victimisation of Latino non-citizens ${victim} per 1,000 a year.`);
    const coop = shareChange(g.all.before.cooperationRate, g.all.after.cooperationRate);
    if (coop) out.push(`${where}witness cooperation ${coop}.`);
    const clear = shareChange(g.all.before.violentClearanceRate, g.all.after.violentClearanceRate);
    if (clear) out.push(`${where}the share of reported violent crimes cleared ${clear}.`);
    const disparity = g.all.after.stopDisparity;
    if (disparity !== null && disparity !== undefined && Math.abs(disparity - 1) > 0.15) {
      out.push(`${where}Latino residents were stopped ${disparity.toFixed(1)} times as often as other residents after the policy started.`);
    }
    out.push(...enforcement(where, g.all.before, g.all.after));
    const dark = change(perYear(g.all.before, 'unreportedCrimes'), perYear(g.all.after, 'unreportedCrimes'), (v) => `${Math.round(v)}`, 1);
    if (dark) out.push(`${where}crimes never reported to police (the dark figure) ${dark} a year.`);
  }
  return out.map(capitalise);
}

function enforcement(where: string, before: MetricValues, after: MetricValues): string[] {
  const out: string[] = [];
  const detainers = perYear(after, 'detainers');
  const removalsBefore = perYear(before, 'removals');
  const removalsAfter = perYear(after, 'removals');
  if (detainers !== null && detainers > 0) {
    const minor =
      ((after['detainers.none'] ?? 0) + (after['detainers.traffic'] ?? 0) + (after['detainers.misdemeanour'] ?? 0)) / Math.max(1, after.detainers ?? 0);
    out.push(
      `${where}${detainers.toFixed(0)} detainers a year were issued after the policy started; ${(minor * 100).toFixed(0)}% of them with no charge more serious than a misdemeanour.`,
    );
  }
  if (removalsBefore !== null && removalsAfter !== null)
    out.push(`${where}removals went from ${removalsBefore.toFixed(0)} to ${removalsAfter.toFixed(0)} a year.`);
  return out;
}

function perYear(m: MetricValues, key: MetricKey): number | null {
  const v = m[key];
  const days = m.days;
  return v === null || v === undefined || !days ? null : (v * 365) / days;
}

function shareChange(a: number | null | undefined, b: number | null | undefined): string | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const pa = Math.round(a * 100);
  const pb = Math.round(b * 100);
  if (Math.abs(pa - pb) <= 1) return `stayed about the same (${pa}% before, ${pb}% after)`;
  return `${pb < pa ? 'fell' : 'rose'} from ${pa}% before the policy to ${pb}% after`;
}

function change(a: number | null | undefined, b: number | null | undefined, fmt: (v: number) => string, same: number): string | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  if (Math.abs(a - b) < same) return `stayed about the same (${fmt(a)} before, ${fmt(b)} after)`;
  return `${b < a ? 'fell' : 'rose'} from ${fmt(a)} to ${fmt(b)}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
