import { GROUP_MEMBERS, GROUP_OF_KIND, GROUPS, REMOVED } from '../../vocabulary/codes.ts';
import { logistic } from '../logit.ts';
import { stream } from '../rng.ts';
import { beliefOf, type World } from '../world.ts';

/** A survey estimate with its standard error (from the sample of households, clustered). */
export interface SurveyEstimate {
  value: number | null;
  se: number | null;
  /** Respondents (persons) behind the estimate. */
  respondents: number;
}

/** The groups the survey reports, as in GROUPS (Hispanic respondents, by citizenship and the undocumented among them, others, everyone). */
export const SURVEY_GROUPS = ['latino', 'nonLatino', 'all', 'latinoCitizen', 'latinoNoncitizen', 'latinoUndocumented'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

/** Per survey group, which of the counters' cells (codes.ts GROUP_OF_KIND) it takes in, as a bit mask. */
const SURVEY_MASK: Record<SurveyGroup, number> = Object.fromEntries(
  SURVEY_GROUPS.map((g) => [g, GROUP_MEMBERS[GROUPS.indexOf(g)].reduce((m, c) => m | (1 << c), 0)]),
) as Record<SurveyGroup, number>;

/** What one round of the survey estimates for one jurisdiction and period, by group. */
export type SurveyRound = Record<
  SurveyGroup,
  {
    victimisationPer1000: SurveyEstimate;
    reportedShare: SurveyEstimate;
    /**
     * Stated intentions of adult respondents, asked in the after round only (null before): the share who
     * say they are less likely to contact the police, or to volunteer information about crimes, because
     * police ask about immigration status (the questions of Theodore 2013 and Wong et al. 2019).
     */
    lessLikelyToReport: SurveyEstimate;
    lessLikelyToVolunteer: SurveyEstimate;
  }
>;

/** Both rounds (before and after activation) for each jurisdiction. */
export interface SurveyResult {
  households: number;
  jurisdictions: { before: SurveyRound; after: SurveyRound }[];
}

/**
 * A simulated victimisation survey in the manner of the NCVS: for each period, a random sample of
 * households in each jurisdiction is interviewed, and every member still in the country reports how
 * often they were victimised in the period and how often they told the police. Estimates are ratio
 * estimates with standard errors that treat households as clusters. Respondents removed from the
 * country cannot be interviewed, as in a real survey. Call it once the run has ended.
 */
export function runSurvey(w: World, households: number): SurveyResult {
  const res = w.residents;
  const periodDays = [w.params.activationDay, w.params.days - w.params.activationDay];
  const js = w.jurisdictions;
  const jurisdictions = w.scenario.jurisdictions.map((_, j) => {
    const firstH = res.household[js.resStart[j]];
    const lastH = res.household[js.resStart[j + 1] - 1];
    const rounds = (['before', 'after'] as const).map((period, p) => {
      const u = stream(w.seed, w.replicate, `survey/${j}/${period}`);
      const sample = sampleWithoutReplacement(lastH - firstH + 1, Math.min(households, lastH - firstH + 1), u);
      const vFrom = p === 0 ? res.victimisationsAt.start : res.victimisationsAt.activation;
      const vTo = p === 0 ? res.victimisationsAt.activation : res.victimisations;
      const rFrom = p === 0 ? res.reportsAt.start : res.reportsAt.activation;
      const rTo = p === 0 ? res.reportsAt.activation : res.reports;
      const round = {} as SurveyRound;
      // Each adult answers once; the groups then tally the same answers, so `all` is the mix of its parts.
      const answers = p === 1 ? answerIntentions(w, sample, firstH, stream(w.seed, w.replicate, `survey/${j}/intentions`)) : null;
      for (const g of SURVEY_GROUPS) {
        const persons: number[] = [];
        const victims: number[] = [];
        const reports: number[] = [];
        for (const k of sample) {
          const h = firstH + k;
          let x = 0;
          let y = 0;
          let z = 0;
          const start = w.households.start[h];
          for (let r = start; r < start + w.households.size[h]; r++) {
            if (res.custody[r] === REMOVED) continue;
            if (((SURVEY_MASK[g] >> GROUP_OF_KIND[res.kind[r]]) & 1) === 0) continue;
            x++;
            y += vTo[r] - vFrom[r];
            z += rTo[r] - rFrom[r];
          }
          persons.push(x);
          victims.push(y);
          reports.push(z);
        }
        const perYear = (1000 * 365) / Math.max(1, periodDays[p]);
        const v = ratio(victims, persons);
        const intent = answers ? tallyIntentions(w, sample, firstH, g, answers) : null;
        round[g] = {
          victimisationPer1000: { value: v.value === null ? null : v.value * perYear, se: v.se === null ? null : v.se * perYear, respondents: sum(persons) },
          reportedShare: { ...ratio(reports, victims), respondents: sum(persons) },
          lessLikelyToReport: intent?.report ?? { value: null, se: null, respondents: 0 },
          lessLikelyToVolunteer: intent?.volunteer ?? { value: null, se: null, respondents: 0 },
        };
      }
      return round;
    });
    return { before: rounds[0], after: rounds[1] };
  });
  return { households, jurisdictions };
}

/**
 * The stated-intention questions, answered once by each adult respondent from their attitudes at the
 * interview with the survey's own response model (scenario section `survey`): "less likely to contact
 * the police" with probability σ(a + b_E·E + b_F·F + b_T·(T₀ − T)), "less likely to volunteer
 * information" with the volunteer shift added to the log-odds. A survey counts the people who say they
 * would change, which is not how much their chance of reporting moved. Answers are keyed by resident
 * (bit 1: report, bit 2: volunteer).
 */
function answerIntentions(w: World, sample: readonly number[], firstH: number, u: () => number): Map<number, number> {
  const res = w.residents;
  const q = w.scenario.survey;
  const t0 = w.scenario.trust.baseline;
  const answers = new Map<number, number>();
  for (const k of sample) {
    const start = w.households.start[firstH + k];
    for (let r = start; r < start + w.households.size[firstH + k]; r++) {
      if (res.custody[r] === REMOVED || res.age[r] < 18) continue;
      const logOdds = statedLogOdds(q, beliefOf(res, r), res.fear[r], res.trust[r], t0);
      const report = u() < logistic(logOdds) ? 1 : 0;
      const volunteer = u() < logistic(logOdds + q.volunteerShift) ? 2 : 0;
      answers.set(r, report | volunteer);
    }
  }
  return answers;
}

/** The shares of one group's adult respondents who said "less likely", clustered by household. */
function tallyIntentions(
  w: World,
  sample: readonly number[],
  firstH: number,
  g: SurveyGroup,
  answers: ReadonlyMap<number, number>,
): { report: SurveyEstimate; volunteer: SurveyEstimate } {
  const res = w.residents;
  const persons: number[] = [];
  const report: number[] = [];
  const volunteer: number[] = [];
  for (const k of sample) {
    let x = 0;
    let a = 0;
    let b = 0;
    const start = w.households.start[firstH + k];
    for (let r = start; r < start + w.households.size[firstH + k]; r++) {
      const answer = answers.get(r);
      if (answer === undefined) continue;
      if (((SURVEY_MASK[g] >> GROUP_OF_KIND[res.kind[r]]) & 1) === 0) continue;
      x++;
      a += answer & 1;
      b += answer >> 1;
    }
    persons.push(x);
    report.push(a);
    volunteer.push(b);
  }
  return { report: { ...ratio(report, persons), respondents: sum(persons) }, volunteer: { ...ratio(volunteer, persons), respondents: sum(persons) } };
}

/** The response model's log-odds of saying "less likely to contact the police". */
export function statedLogOdds(
  q: { statedIntercept: number; statedBeliefWeight: number; statedFearWeight: number; statedTrustWeight: number },
  belief: number,
  fear: number,
  trust: number,
  trustBaseline: number,
): number {
  return q.statedIntercept + q.statedBeliefWeight * belief + q.statedFearWeight * fear + q.statedTrustWeight * (trustBaseline - trust);
}

/** Ratio estimate Σy / Σx over clusters, with its linearised standard error. */
export function ratio(y: readonly number[], x: readonly number[]): { value: number | null; se: number | null } {
  const n = y.length;
  const sx = sum(x);
  if (n < 2 || sx === 0) return { value: null, se: null };
  const r = sum(y) / sx;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const e = y[i] - r * x[i];
    ss += e * e;
  }
  return { value: r, se: Math.sqrt((n / (n - 1)) * ss) / sx };
}

function sum(a: readonly number[]): number {
  let s = 0;
  for (const v of a) s += v;
  return s;
}

/** k distinct integers from [0, n), by a partial Fisher–Yates shuffle. */
function sampleWithoutReplacement(n: number, k: number, u: () => number): number[] {
  const idx = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(u() * (n - i));
    const vi = idx.get(i) ?? i;
    const vj = idx.get(j) ?? j;
    idx.set(j, vi);
    out.push(vj);
  }
  return out;
}
