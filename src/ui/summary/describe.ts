import { msg, str } from '@lit/localize';
import type { Group, MetricValues, RunSummary, MetricKey } from '../../engine/index.ts';
import { formatNumber, groupPeople, placeName } from '../../i18n/labels.ts';
import { policyLabel } from '../../report/policy-labels.ts';
import { LEVEL_SCALE } from '../../report/metric-format.ts';

/**
 * The sentences of the run summary: what changed, in plain words, computed from the metrics, in the
 * app's language (whole sentences in the catalogue, so a translation can order them its own way).
 */
export function describeRun(summary: RunSummary, activationDay: number, day: number, locale = 'en'): string[] {
  if (day <= activationDay) return [msg(str`The policy starts on day ${activationDay}. Run past it to compare before and after.`)];
  // Said first and plainly: one run's before/after change is not the policy's effect.
  const out: string[] = [
    msg(
      'This is one run of a random model, before and after the policy: changes of a few points can be chance. The policy\u2019s effect is the paired difference from the same town without the agreement over replicates (Compare scenarios, or sim compare).',
    ),
  ];
  const many = summary.jurisdictions.length > 1;
  const n = (v: number, digits: number) => formatNumber(v, digits, locale);
  for (const j of summary.jurisdictions) {
    const policy = policyLabel(j.model, j.sanctuary, j.trustBuilding);
    const place = placeName(j.name);
    const where = many ? msg(str`In ${place} (${policy}), `) : '';
    const g = j.groups;
    for (const group of ['latinoNoncitizen', 'latinoCitizen', 'nonLatino'] as Group[]) {
      const s = shareChange(g[group].before.reportedShare, g[group].after.reportedShare);
      const people = groupPeople(group);
      if (s) out.push(msg(str`${where}reporting of crime among ${people} ${s}.`));
    }
    // Trust out of 100, as every screen shows it.
    const trust = change(outOf100(g.latinoNoncitizen.before.meanTrust), outOf100(g.latinoNoncitizen.after.meanTrust), (v) => n(v, 0), 1);
    if (trust) out.push(msg(str`${where}mean trust in police among Latino non-citizens ${trust}.`));
    const victim = change(g.latinoNoncitizen.before.violentVictimisationPer1000, g.latinoNoncitizen.after.violentVictimisationPer1000, (v) => n(v, 1), 0.5);
    if (victim) out.push(msg(str`${where}violent victimisation of Latino non-citizens ${victim} per 1,000 a year.`));
    const coop = shareChange(g.all.before.cooperationRate, g.all.after.cooperationRate);
    if (coop) out.push(msg(str`${where}witness cooperation ${coop}.`));
    const clear = shareChange(g.all.before.violentClearanceRate, g.all.after.violentClearanceRate);
    if (clear) out.push(msg(str`${where}the share of reported violent crimes cleared ${clear}.`));
    const disparity = g.all.after.stopDisparity;
    if (disparity !== null && disparity !== undefined && Math.abs(disparity - 1) > 0.15) {
      const times = n(disparity, 1);
      out.push(msg(str`${where}Latino residents were stopped ${times} times as often as other residents after the policy started.`));
    }
    out.push(...enforcement(where, g.all.before, g.all.after, n));
    const dark = change(perYear(g.all.before, 'unreportedCrimes'), perYear(g.all.after, 'unreportedCrimes'), (v) => n(Math.round(v), 0), 1);
    if (dark) out.push(msg(str`${where}crimes never reported to police (the dark figure) ${dark} a year.`));
  }
  return out.map(capitalise);
}

function enforcement(where: string, before: MetricValues, after: MetricValues, n: (v: number, digits: number) => string): string[] {
  const out: string[] = [];
  const detainers = perYear(after, 'detainers');
  const removalsBefore = perYear(before, 'removals');
  const removalsAfter = perYear(after, 'removals');
  if (detainers !== null && detainers > 0) {
    const minor =
      ((after['detainers.none'] ?? 0) + (after['detainers.traffic'] ?? 0) + (after['detainers.misdemeanour'] ?? 0)) / Math.max(1, after.detainers ?? 0);
    const count = n(detainers, 0);
    const percent = n(minor * 100, 0);
    out.push(
      msg(str`${where}${count} detainers a year were issued after the policy started; ${percent}% of them with no charge more serious than a misdemeanour.`),
    );
  }
  if (removalsBefore !== null && removalsAfter !== null) {
    const from = n(removalsBefore, 0);
    const to = n(removalsAfter, 0);
    out.push(msg(str`${where}removals went from ${from} to ${to} a year.`));
  }
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
  if (Math.abs(pa - pb) <= 1) return msg(str`stayed about the same (${pa}% before, ${pb}% after)`);
  return pb < pa ? msg(str`fell from ${pa}% before the policy to ${pb}% after`) : msg(str`rose from ${pa}% before the policy to ${pb}% after`);
}

function change(a: number | null | undefined, b: number | null | undefined, fmt: (v: number) => string, same: number): string | null {
  if (a === null || a === undefined || b === null || b === undefined) return null;
  const from = fmt(a);
  const to = fmt(b);
  if (Math.abs(a - b) < same) return msg(str`stayed about the same (${from} before, ${to} after)`);
  return b < a ? msg(str`fell from ${from} to ${to}`) : msg(str`rose from ${from} to ${to}`);
}

function outOf100(v: number | null | undefined): number | null {
  return v === null || v === undefined ? null : v * LEVEL_SCALE;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
