import { SRC, num, section, share } from '../param.ts';

/**
 * Perceived entanglement: how strongly residents believe local police and ICE work together. A public
 * level per jurisdiction (announcement, coverage while an agreement is in force, enforcement against what
 * came before) and each resident's own belief, which follows the public level as far as the resident is
 * exposed to it and spreads through ties.
 */
export const Entanglement = section(
  {
    inForceJail: share(0.5, {
      unit: 'entanglement (0–1)',
      description: 'Public level of perceived entanglement sustained while a Jail Enforcement agreement is in force (coverage, talk of screening at the jail).',
      source: SRC.assumption,
    }),
    inForceWarrant: share(0.2, {
      unit: 'entanglement (0–1)',
      description: 'Public level sustained while a Warrant Service Officer agreement is in force (the narrowest model, little publicity).',
      source: SRC.assumption,
    }),
    inForceTaskForce: share(0.8, {
      unit: 'entanglement (0–1)',
      description: 'Public level sustained while a Task Force agreement is in force (officers asking about status on patrol).',
      source: SRC.assumption,
    }),
    announcementPulse: share(0.3, {
      unit: 'entanglement (0–1)',
      description: 'Extra public level when an agreement is announced (news coverage), fading with the pulse half-life.',
      source: SRC.assumption,
    }),
    pulseHalfLifeDays: num(90, 1, 3650, { unit: 'days', description: 'Half-life of the announcement pulse.', source: SRC.assumption }),
    enforcementWeight: num(0.15, 0, 2, {
      unit: 'entanglement per unit of log ratio',
      description:
        'How much the public level rises with local immigration enforcement against the level before the agreement: this weight times ln(rate after / rate before), counting detainers lodged, status questions and immigration arrests of Latino residents.',
      source: SRC.assumption,
    }),
    enforcementHalfLifeDays: num(90, 1, 3650, {
      unit: 'days',
      description: 'Half-life of the moving average of local immigration enforcement that the community notices.',
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
      description: "Share of a neighbouring jurisdiction's public level felt across the border (regional news); ties carry more.",
      source: SRC.assumption,
    }),
    latinoCitizenExposure: share(0.7, {
      description:
        "How far a Latino citizen's belief follows the public level (co-ethnic news and networks); non-citizens and anyone in a mixed-status household follow it fully.",
      source: SRC.theodore + ' (58% of U.S.-born Latinos say police stop Latinos without cause)',
    }),
    nonLatinoExposure: share(0.1, {
      description: "How far a non-Latino citizen's belief follows the public level.",
      source: SRC.assumption,
    }),
    beliefUpdatePerWeek: share(0.25, {
      unit: 'share of the gap per week',
      description: "How far a resident's belief moves each week toward the public level they are exposed to.",
      source: SRC.assumption,
    }),
    influencePerWeek: share(0.15, {
      unit: 'share of the gap per week',
      description: "How far a resident's belief moves each week toward that of the tie they hear from (talk in networks; it crosses the border with ties).",
      source: SRC.assumption,
    }),
    reportingEffect: num(0.78, 0, 10, {
      unit: 'log-odds per unit of belief',
      description: 'Fall in the log-odds that a victim reports a crime at full belief that police work with ICE.',
      source: SRC.goncalves + ' (calibrated to the 30% fall paired against the no-agreement twin, seed 1; docs/calibration/jail-reporting-drop.report.json)',
    }),
    cooperationEffect: num(1.11, 0, 10, {
      unit: 'log-odds per unit of belief',
      description:
        'Fall in the log-odds that a witness cooperates at full belief: the reporting effect times 1.42, as witnessed crimes fall more than own victimisations in surveys.',
      source: 'assumption scaled by ' + SRC.wong + ' (60.8% vs 42.9% less likely)',
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
