import { SRC, calibrated, num, section, share } from '../param.ts';

/**
 * Perceived entanglement: how strongly residents believe local police and ICE work together. It follows
 * what enforcement does and what residents see or hear of it: a public level per jurisdiction (news
 * coverage that grows with the enforcement there, federal enforcement included, and the announcement of
 * a policy), enforcement seen in one's own neighbourhood, the belief of the people one talks with, and
 * one's own encounters and those of one's household and ties.
 */
export const Entanglement = section(
  {
    coverageHalfDose: num(0.605671, 0.01, 10000, {
      unit: 'weighted enforcement events per 1,000 residents per year',
      description:
        'Visible immigration enforcement (a moving average of detainers, status questions and immigration arrests, each weighted by how far local police take part) at which the public level of perceived entanglement from news coverage reaches half of full belief: the level is dose^n ÷ (dose^n + this value^n), n the steepness, so it grows with enforcement and never exceeds 1.',
      source: calibrated(
        'BJS NCJ 191208 and ' + SRC.goncalves + ' (the Hispanic reporting gap before, and the fall after, jail screening)',
        'baselines-and-drop',
      ),
    }),
    coverageSteepness: num(4.12638, 1, 6, {
      unit: 'Hill coefficient',
      description:
        'How S-shaped coverage is in the dose (1: rising at once and flattening; above 1: a few arrests a year pass almost unnoticed, a steady stream makes news, and coverage saturates). It decides how far belief under heavy enforcement, such as a Task Force, goes beyond belief under the jail screening the measured drop comes from.',
      source: calibrated(
        SRC.goncalves + ' and the stated upper bound of ' + SRC.wong + ' (the jail drop and the Task Force fall, fitted together)',
        'baselines-and-drop',
      ),
    }),
    iceAloneWeight: share(0.3, {
      unit: 'weight',
      description:
        'Weight in the visible dose of enforcement ICE carries out without local police (its own at-large arrests, and detainers the jail declines to honour), relative to 1 for enforcement local police take part in (status questions, detainers from 287(g) screening, people the jail holds for ICE). Residents often cannot tell ICE from the police.',
      source: SRC.assumption,
    }),
    neighbourhoodWeight: share(0.5, {
      unit: 'weight',
      description:
        "How much enforcement seen in one's own neighbourhood adds to the public level a resident is exposed to: this weight times the same dose–response over the neighbourhood's own visible enforcement.",
      source: SRC.assumption,
    }),
    announcementPulse: share(0.3, {
      unit: 'entanglement (0–1)',
      description: 'Extra public level when a 287(g) agreement is announced (news coverage), fading with the pulse half-life.',
      source: SRC.assumption,
    }),
    pulseHalfLifeDays: num(90, 1, 3650, { unit: 'days', description: 'Half-life of an announcement pulse.', source: SRC.assumption }),
    enforcementHalfLifeDays: num(90, 1, 3650, {
      unit: 'days',
      description: 'Half-life of the moving average of visible enforcement (the dose) that coverage and neighbourhoods respond to.',
      source: SRC.assumption,
    }),
    riseHalfLifeDays: num(21, 1, 3650, {
      unit: 'days',
      description: 'How fast the public level rises toward a higher target (half-life).',
      source: SRC.assumption,
    }),
    fallHalfLifeDays: num(365, 1, 7300, {
      unit: 'days',
      description:
        'How slowly the public level fades toward a lower target, for example after an agreement ends (half-life). Longer than the rise: distrust is lost slowly.',
      source: SRC.assumption,
    }),
    spillover: share(0.25, {
      unit: 'weight',
      description:
        "Weight of each neighbouring jurisdiction's public level, against 1 for one's own, in the level felt there: regional news mixes both sides of the border, so a county beside one with more enforcement feels more of it, and one beside counties like itself feels its own level. Ties carry more.",
      source: SRC.assumption,
    }),
    beliefUpdatePerWeek: share(0.25, {
      unit: 'share of the gap per week',
      description:
        "How far a resident's belief moves each week toward the public level as far as it concerns them: the level times their exposure, the share of the people they talk with (themselves, household, ties) whom enforcement targets (Latino or non-citizen).",
      source: SRC.assumption,
    }),
    influencePerWeek: share(0.15, {
      unit: 'share of the gap per week',
      description: "How far a resident's belief moves each week toward that of the tie they hear from (talk in networks; it crosses the border with ties).",
      source: SRC.assumption,
    }),
    personalBeliefShock: share(0.5, {
      unit: 'share of the gap to full belief',
      description:
        'How far belief jumps toward full belief in a resident questioned about status, and in each member of a household whose member is held for ICE or detained.',
      source: SRC.assumption,
    }),
    tieBeliefShock: share(0.2, {
      unit: 'share of the gap to full belief',
      description: 'How far belief jumps toward full belief in each social tie of a resident held for ICE or detained.',
      source: SRC.assumption,
    }),
    reportingEffect: num(0.670245, 0, 10, {
      unit: 'log-odds per unit of belief',
      description: 'Fall in the log-odds that a victim reports a crime at full belief that police work with ICE.',
      source: calibrated(
        SRC.goncalves + ' (the 30% fall, read in a county where nothing was announced, paired against the no-agreement twin)',
        'baselines-and-drop',
      ),
    }),
    cooperationRatio: num(1.42, 0, 5, {
      unit: 'ratio',
      description:
        "Fall in the log-odds that a witness cooperates at full belief, as a multiple of the reporting effect: witnessed crimes fall more than one's own victimisations in surveys.",
      source: SRC.wong + ' (60.8% vs 42.9% less likely)',
    }),
    trustEffect: share(0.2, {
      unit: 'trust at full belief',
      description: "Fall in a resident's trust target at full belief.",
      source: SRC.assumption,
    }),
    fearEffectNoncitizen: share(0.25, {
      unit: 'fear at full belief',
      description: "Rise in a non-citizen's fear target at full belief.",
      source: SRC.theodore + ' (70% of undocumented less likely to contact police)',
    }),
    fearEffectCitizen: share(0.1, {
      unit: 'fear at full belief',
      description: "Rise in a citizen's fear target at full belief (fear for family and friends).",
      source: SRC.theodore + ' (44% of Latinos less likely to contact police)',
    }),
  },
  'Perceived entanglement of local police with immigration enforcement.',
);
