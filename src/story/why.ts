import { msg, str } from '@lit/localize';
import { estimate, type Group, type MetricKey, type ReplicateResult } from '../engine/index.ts';
import { formatNumber, groupPeople } from '../i18n/labels.ts';
import type { Chapter } from './chapter.ts';
import { againstName, type ChapterScenarios } from './chapter-tasks.ts';
import type { ChapterRun } from './result.ts';

/** One figure of the account: its mean over the chapter's replicates, and over the comparison's (after the policy starts). */
export interface WhyFigure {
  value: number | null;
  against: number | null;
}

/** What the causal account reads from the run: each a mean over replicates of the engine's own counts. */
export interface WhyFigures {
  /** The group the account follows: the chapter's, or Latino residents where the chapter asks about everyone. */
  group: Group;
  detainers: WhyFigure;
  removals: WhyFigure;
  /** Belief that the police work with ICE, trust in the police (0–100). */
  belief: WhyFigure;
  trust: WhyFigure;
  unreported: WhyFigure;
  violentVictimisation: WhyFigure;
}

/** Groups whose account is their own; for everyone, or non-Latino residents, the account follows Latino residents. */
const OWN: readonly Group[] = ['latino', 'latinoCitizen', 'latinoUsBorn', 'latinoNaturalised', 'latinoLawful', 'latinoUndocumented', 'latinoNoncitizen'];

function mean(results: readonly ReplicateResult[], j: number, group: Group, metric: MetricKey, scale = 1): number | null {
  const m = estimate(results.map((r) => r.summary.jurisdictions[j]?.groups[group].after[metric] ?? null)).mean;
  return m === null ? null : m * scale;
}

/** The account's figures for a chapter's run, in the chapter's jurisdiction. */
export function whyFigures(c: Chapter, run: ChapterRun): WhyFigures {
  const j = c.measure.jurisdiction;
  const group = OWN.includes(c.measure.group) ? c.measure.group : 'latino';
  const figure = (g: Group, metric: MetricKey, scale = 1): WhyFigure => ({
    value: mean(run.main, j, g, metric, scale),
    against: run.against.length ? mean(run.against, j, g, metric, scale) : null,
  });
  return {
    group,
    detainers: figure('all', 'detainers'),
    removals: figure('all', 'removals'),
    belief: figure(group, 'meanBelief', 100),
    trust: figure(group, 'meanTrust', 100),
    unreported: figure(group, 'unreportedCrimes'),
    violentVictimisation: figure(group, 'violentVictimisationPer1000'),
  };
}

/** What the account's bracketed figures are: the replicates, the period, and the comparison, if any. */
export function whyComparison(run: ChapterRun, s: ChapterScenarios): string {
  const n = run.main.length;
  const over = n === 1 ? msg('Figures of the one replicate after the policy started') : msg(str`Means over the ${n} replicates after the policy started`);
  return run.against.length ? msg(str`${over}; in brackets, ${againstName(s)}.`) : `${over}.`;
}

/**
 * Why the result came out as it did, in plain words made from this run's own counts: what enforcement
 * did (detainers, removals), what people came to believe, what that did to trust and reporting, and what
 * happened to victimisation as offenders learnt where crimes go unreported; each beside the comparison
 * where the chapter has one (in brackets: whyComparison says so). Means over the replicates, after the policy started.
 */
export function whyAccount(c: Chapter, run: ChapterRun, locale = 'en'): string[] {
  const f = whyFigures(c, run);
  const people = groupPeople(f.group);
  const count = (x: number | null) => (x === null ? msg('not defined') : formatNumber(x, 0, locale));
  const level = (x: number | null) => (x === null ? msg('not defined') : formatNumber(x, 1, locale));
  // The comparison's figure in brackets (named once, by whyComparison).
  const versus = (fig: WhyFigure, fmt: (x: number | null) => string) => (run.against.length ? ` (${fmt(fig.against)})` : '');
  return [
    msg(
      str`What enforcement did: ICE lodged ${count(f.detainers.value)} detainers on people booked into jail${versus(f.detainers, count)}, and ${count(f.removals.value)} residents were removed from the country${versus(f.removals, count)}.`,
    ),
    msg(
      str`What people came to believe: among ${people}, belief that the police work with ICE averaged ${level(f.belief.value)} out of 100${versus(f.belief, level)}. In the model, belief follows what enforcement does nearby and spreads through households and ties.`,
    ),
    msg(
      str`What it did to trust and reporting: their trust in the police averaged ${level(f.trust.value)} out of 100${versus(f.trust, level)}, and ${count(f.unreported.value)} crimes against them went unreported${versus(f.unreported, count)}.`,
    ),
    msg(
      str`How offenders responded: in the model, offenders learn where crimes go unreported; ${people} suffered ${level(f.violentVictimisation.value)} violent crimes per 1,000 a year${versus(f.violentVictimisation, level)}.`,
    ),
  ];
}
