import { SRC, calibrated, num, section, share } from '../param.ts';

/** Trust in police: where it starts, what moves it, how fast it returns. */
export const Trust = section(
  {
    baseline: share(0.6, { description: 'Trust in police that residents start at and drift back to.', source: SRC.assumption }),
    driftPerDay: share(0.003, {
      unit: 'share of the gap per day',
      description: 'How fast trust is regained: the daily share of the gap to a higher target that closes.',
      source: SRC.assumption,
    }),
    lossPerDay: share(0.01, {
      unit: 'share of the gap per day',
      description: 'How fast trust falls toward a lower target (daily share of the gap). Faster than the regain: trust is lost faster than it is rebuilt.',
      source: SRC.assumption,
    }),
    influencePerWeek: share(0.1, {
      unit: 'share of the gap per week',
      description:
        "How far a resident's trust moves each week toward a tie's: the resident's gap from their own target moves toward the tie's gap from the tie's target, so influence spreads changes without erasing differences between groups.",
      source: SRC.assumption,
    }),
    reportingEffect: num(1.7, 0, 10, {
      unit: 'log-odds per unit of trust',
      description: 'Change in the log-odds that a victim reports a crime per unit of trust above or below the baseline.',
      source: SRC.assumption,
    }),
    cooperationEffect: num(2.5, 0, 10, {
      unit: 'log-odds per unit of trust',
      description: 'Change in the log-odds that a witness cooperates per unit of trust above or below the baseline.',
      source: SRC.assumption,
    }),
    stopShock: share(0.04, { unit: 'trust', description: 'Trust lost by a resident who is stopped.', source: SRC.assumption }),
    questioningShock: share(0.12, {
      unit: 'trust',
      description: 'Further trust lost by a resident questioned about immigration status.',
      source: SRC.assumption,
    }),
    clearedGain: share(0.05, { unit: 'trust', description: 'Trust gained by a victim who reported and saw the case cleared.', source: SRC.assumption }),
    unclearedLoss: share(0.02, { unit: 'trust', description: 'Trust lost by a victim who reported and saw no one held to account.', source: SRC.assumption }),
    householdDetentionShock: share(0.15, {
      unit: 'trust',
      description: 'Trust lost by each household member when a resident is held for ICE or taken into immigration detention.',
      source: SRC.assumption,
    }),
    tieDetentionShock: share(0.05, {
      unit: 'trust',
      description: 'Trust lost by each social tie of a resident held for ICE or taken into immigration detention.',
      source: SRC.assumption,
    }),
    cynicismPerEvent: num(0.1, 0, 20, {
      unit: 'cynicism per event per 100 residents',
      description:
        "Rise in a neighbourhood's legal-cynicism stock for each local immigration enforcement event (detainer lodged, status question, immigration arrest) per 100 residents there.",
      source: SRC.assumption,
    }),
    cynicismHalfLifeDays: num(1095, 7, 36500, {
      unit: 'days',
      description: "Half-life of a neighbourhood's legal-cynicism stock: it decays slowly, so trust lags long after enforcement stops.",
      source: SRC.assumption,
    }),
    cynicismEffect: share(0.15, {
      unit: 'trust at full cynicism',
      description: 'Fall in the trust target of every resident of a neighbourhood at full legal cynicism.',
      source: SRC.assumption,
    }),
  },
  'Trust in police.',
);

/** Fear of immigration consequences for oneself or one's household. */
export const Fear = section(
  {
    baselineUsBorn: share(0.02, { unit: 'fear', description: 'Baseline fear of U.S.-born citizens.', source: SRC.assumption }),
    baselineNaturalised: share(0.05, { unit: 'fear', description: 'Baseline fear of naturalised citizens.', source: SRC.assumption }),
    baselineLawful: share(0.15, { unit: 'fear', description: 'Baseline fear of lawful permanent residents and visa holders.', source: SRC.assumption }),
    baselineUndocumented: share(0.7, {
      unit: 'fear',
      description: 'Baseline fear of undocumented residents (tuned so their reporting is near 17%).',
      source: SRC.mastrobuoni,
    }),
    baselineMixedHousehold: share(0.26946, {
      unit: 'fear',
      description: 'Baseline fear floor for anyone living with an undocumented household member.',
      source: calibrated('BJS NCJ 191208 (Hispanic and non-Hispanic victims report about equally)', 'baselines-and-drop'),
    }),
    driftPerDay: share(0.005, { unit: 'share of the gap per day', description: 'How fast fear returns toward its target.', source: SRC.assumption }),
    influencePerWeek: share(0.05, {
      unit: 'share of the gap per week',
      description: "How far a resident's gap from their fear target moves each week toward a tie's gap from theirs.",
      source: SRC.assumption,
    }),
    reportingEffect: num(1.41177, 0, 10, {
      unit: 'log-odds per unit of fear',
      description: 'Fall in the log-odds that a victim reports a crime per unit of fear (with the undocumented baseline fear, their reporting is near 17%).',
      source: calibrated(SRC.mastrobuoni, 'baselines-and-drop'),
    }),
    cooperationEffect: num(2.4, 0, 10, {
      unit: 'log-odds per unit of fear',
      description: 'Fall in the log-odds that a witness cooperates per unit of fear.',
      source: SRC.wong + ' (60.8% less likely to report witnessed crimes)',
    }),
    questioningShock: share(0.25, {
      unit: 'fear',
      description: 'Fear added to a non-citizen questioned about status, and to their household.',
      source: SRC.assumption,
    }),
    householdDetentionShock: share(0.35, {
      unit: 'fear',
      description: 'Fear added to each household member when a resident is held for ICE or taken into immigration detention.',
      source: SRC.assumption,
    }),
    tieDetentionShock: share(0.1, {
      unit: 'fear',
      description: 'Fear added to each social tie of a resident held for ICE or taken into immigration detention.',
      source: SRC.assumption,
    }),
  },
  'Fear of immigration consequences.',
);

/** Strength of the optional contrasts a jurisdiction can switch on in its policy. */
export const Contrasts = section(
  {
    sanctuaryAnnouncement: share(0.15, {
      unit: 'entanglement (0–1)',
      description:
        'Fall in the public level of perceived entanglement when a sanctuary policy is announced (announced non-cooperation), fading with the pulse half-life; the policy goes on lowering belief through the detainers its jail declines.',
      source: SRC.assumption,
    }),
    trustBuildingStopShockReduction: share(0.5, {
      unit: 'share of the shock',
      description: 'Procedural-justice training: share of the trust lost in a stop that is avoided.',
      source: SRC.assumption,
    }),
    trustBuildingBaselineGain: share(0.05, { unit: 'trust', description: 'Rise in the trust baseline under trust-building measures.', source: SRC.assumption }),
    trustBuildingReportingFearReduction: share(0.3, {
      unit: 'share of fear',
      description: "Victim-visa outreach: share of a victim's fear that no longer weighs on reporting.",
      source: SRC.assumption,
    }),
  },
  'Strength of the sanctuary and trust-building contrasts.',
);
