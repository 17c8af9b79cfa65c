import { SRC, num, section, share } from '../param.ts';

/** Trust in police: where it starts, what moves it, how fast it returns. */
export const Trust = section(
  {
    baseline: share(0.6, { description: 'Trust in police that residents start at and drift back to.', source: SRC.assumption }),
    driftPerDay: share(0.005, { unit: 'share of the gap per day', description: 'How fast trust returns toward its baseline.', source: SRC.assumption }),
    influencePerWeek: share(0.1, { unit: 'share of the gap per week', description: "How far a resident's trust moves each week toward the mean of their ties (social influence).", source: SRC.assumption }),
    reportingEffect: num(1, 0, 5, { unit: 'per unit of trust', description: 'Relative change in the chance of reporting a crime per unit of trust above or below baseline.', source: SRC.assumption }),
    cooperationEffect: num(1, 0, 5, { unit: 'per unit of trust', description: 'Relative change in the chance a witness cooperates per unit of trust above or below baseline.', source: SRC.assumption }),
    stopShock: share(0.04, { unit: 'trust', description: 'Trust lost by a resident who is stopped.', source: SRC.assumption }),
    questioningShock: share(0.12, { unit: 'trust', description: 'Further trust lost by a resident questioned about immigration status.', source: SRC.assumption }),
    clearedGain: share(0.05, { unit: 'trust', description: "Trust gained by a victim who reported and saw the case cleared.", source: SRC.assumption }),
    unclearedLoss: share(0.02, { unit: 'trust', description: 'Trust lost by a victim who reported and saw no one held to account.', source: SRC.assumption }),
    householdDetentionShock: share(0.15, { unit: 'trust', description: 'Trust lost by each household member when a resident is taken into immigration detention.', source: SRC.assumption }),
    tieDetentionShock: share(0.05, { unit: 'trust', description: 'Trust lost by each social tie of a resident taken into immigration detention.', source: SRC.assumption }),
    communityEffect: share(0.15, { unit: 'trust at full signal', description: 'How far the baseline Latino residents drift toward falls at full enforcement signal.', source: SRC.assumption }),
  },
  'Trust in police.',
);

/** Fear of immigration consequences for oneself or one's household. */
export const Fear = section(
  {
    baselineUsBorn: share(0.02, { unit: 'fear', description: 'Baseline fear of U.S.-born citizens.', source: SRC.assumption }),
    baselineNaturalised: share(0.05, { unit: 'fear', description: 'Baseline fear of naturalised citizens.', source: SRC.assumption }),
    baselineLawful: share(0.15, { unit: 'fear', description: 'Baseline fear of lawful permanent residents and visa holders.', source: SRC.assumption }),
    baselineUndocumented: share(0.7, { unit: 'fear', description: 'Baseline fear of undocumented residents (tuned so their reporting is near 17%).', source: SRC.mastrobuoni }),
    baselineMixedHousehold: share(0.12, { unit: 'fear', description: 'Baseline fear floor for anyone living with an undocumented household member.', source: SRC.assumption }),
    driftPerDay: share(0.005, { unit: 'share of the gap per day', description: 'How fast fear returns toward its target.', source: SRC.assumption }),
    influencePerWeek: share(0.05, { unit: 'share of the gap per week', description: "How far a resident's fear moves each week toward the mean of their ties.", source: SRC.assumption }),
    reportingEffect: share(0.8, { unit: 'per unit of fear', description: 'Relative fall in the chance of reporting a crime per unit of fear.', source: SRC.wong + ' (42.9% less likely to report)' }),
    cooperationEffect: share(0.9, { unit: 'per unit of fear', description: 'Relative fall in the chance a witness cooperates per unit of fear.', source: SRC.wong + ' (60.8% less likely to report witnessed crimes)' }),
    questioningShock: share(0.25, { unit: 'fear', description: 'Fear added to a non-citizen questioned about status, and to their household.', source: SRC.assumption }),
    householdDetentionShock: share(0.35, { unit: 'fear', description: 'Fear added to each household member when a resident is taken into immigration detention.', source: SRC.assumption }),
    tieDetentionShock: share(0.1, { unit: 'fear', description: 'Fear added to each social tie of a resident taken into immigration detention.', source: SRC.assumption }),
    communityEffectNoncitizen: share(0.25, { unit: 'fear at full signal', description: 'Rise in the fear target of Latino non-citizens at full enforcement signal.', source: SRC.theodore + ' (70% of undocumented less likely to contact police)' }),
    communityEffectCitizen: share(0.12, { unit: 'fear at full signal', description: 'Rise in the fear target of Latino citizens (for family and friends) at full enforcement signal.', source: SRC.theodore + ' (44% of Latinos less likely to contact police)' }),
  },
  'Fear of immigration consequences.',
);

/** Strength of the optional contrasts a jurisdiction can switch on in its policy. */
export const Contrasts = section(
  {
    sanctuaryFearReduction: share(0.3, { unit: 'share of the signal', description: 'How much a sanctuary policy damps the enforcement signal residents feel.', source: SRC.assumption }),
    trustBuildingStopShockReduction: share(0.5, { unit: 'share of the shock', description: 'Procedural-justice training: share of the trust lost in a stop that is avoided.', source: SRC.assumption }),
    trustBuildingBaselineGain: share(0.05, { unit: 'trust', description: 'Rise in the trust baseline under trust-building measures.', source: SRC.assumption }),
    trustBuildingReportingFearReduction: share(0.3, { unit: 'share of fear', description: "Victim-visa outreach: share of a victim's fear that no longer weighs on reporting.", source: SRC.assumption }),
  },
  'Strength of the sanctuary and trust-building contrasts.',
);
