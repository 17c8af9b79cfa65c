import { msg } from '@lit/localize';

/**
 * How the model works, in plain words: one entry per mechanism of docs/MODEL.md § 7, for the app's
 * "How it works" view (NetLogo's Info tab). The words are written for students, not derived from the
 * formulas; what is generated is the rest: each mechanism's parameters (label, unit, default and source)
 * come from the scenario schema, and a test checks that every submodel of MODEL.md § 7 is explained by
 * exactly one mechanism here and that every parameter named exists.
 */
export interface Mechanism {
  id: MechanismId;
  title: () => string;
  /** Short paragraphs, in the page's language. */
  words: () => string[];
  /** The bold headings of the submodels in docs/MODEL.md § 7 this explains (English: MODEL.md's own; the town's set-up is § 5). */
  submodels: readonly string[];
  /** The scenario parameters that set it, as schema paths (a jurisdiction's as `jurisdictions[].…`). */
  parameters: readonly string[];
}

export const MECHANISM_IDS = ['town', 'patrol', 'booking', 'removal', 'seen', 'spread', 'trust', 'reporting', 'offending', 'clearance', 'careers'] as const;
export type MechanismId = (typeof MECHANISM_IDS)[number];

export const MECHANISMS: readonly Mechanism[] = [
  {
    id: 'town',
    title: () => msg('The town and its people'),
    words: () => [
      msg(
        'The town is a grid of neighbourhoods in one or more counties. Residents live in households. Each county has its own share of Latino residents and, among them, of citizens born in the U.S., naturalised citizens, lawful residents and undocumented people. Some households mix statuses: U.S.-born children with an undocumented parent.',
      ),
      msg(
        'Latino residents may be concentrated in some neighbourhoods. Each resident has ties to relatives, friends and neighbours, most of them in their own neighbourhood and most with people of their own group; a few cross the county line.',
      ),
      msg(
        'Each county has its own policy: which 287(g) model, when it starts and ends, and whether its jail limits cooperation with ICE (sanctuary) or it runs trust-building measures.',
      ),
    ],
    submodels: [],
    parameters: [
      'jurisdictions[].residents',
      'jurisdictions[].gridWidth',
      'jurisdictions[].gridHeight',
      'jurisdictions[].latinoShare',
      'jurisdictions[].latinoNaturalisedShare',
      'jurisdictions[].latinoLawfulShare',
      'jurisdictions[].latinoUndocumentedShare',
      'jurisdictions[].nonLatinoNoncitizenShare',
      'community.householdSizeLatino',
      'community.householdSizeNonLatino',
      'community.undocumentedMemberShare',
      'community.segregation',
      'community.localTieShare',
      'community.crossBorderTieShare',
      'community.homophily',
      'community.homophilyNonLatino',
      'jurisdictions[].policy.model',
      'jurisdictions[].policy.endDay',
      'jurisdictions[].policy.sanctuary',
      'jurisdictions[].policy.trustBuilding',
    ],
  },
  {
    id: 'patrol',
    title: () => msg('Patrol, stops and questions about status'),
    words: () => [
      msg(
        'Officers patrol the neighbourhoods and stop residents. Every stop costs the person stopped a little trust in the police, and some stops end in an arrest.',
      ),
      msg(
        'Under a Task Force agreement, deputised officers may ask the people they stop about their immigration status, and Latino residents are stopped and arrested more often than others. Being questioned lowers trust, raises belief that the police work with ICE, and frightens non-citizens and their households. An undocumented person who is questioned is arrested and handed to ICE.',
      ),
      msg('Other arrests happen under every policy: for crimes the police solve, for driving without a licence, and on other charges.'),
    ],
    submodels: ['Patrol and stops', 'Other arrests'],
    parameters: [
      'jurisdictions[].officersPer1000',
      'policing.stopsPerOfficerDay',
      'policing.arrestPerStop',
      'jurisdictions[].policy.deputisedShare',
      'jurisdictions[].policy.statusQuestioningProb',
      'jurisdictions[].policy.profilingMultiplier',
      'jurisdictions[].policy.arrestBiasMultiplier',
      'trust.stopShock',
      'contrasts.trustBuildingStopShockReduction',
      'trust.questioningShock',
      'fear.questioningShock',
      'entanglement.personalBeliefShock',
      'policing.trafficShareOfStopArrests',
      'policing.unlicensedArrestProb',
      'policing.otherArrestsPer1000',
      'policing.otherArrestOffenderShare',
      'policing.otherArrestFelonyShare',
    ],
  },
  {
    id: 'booking',
    title: () => msg('Jail booking and detainers'),
    words: () => [
      msg(
        'Not every arrest ends in jail. People charged with a felony, or arrested for driving without a licence, are always booked; for other minor charges only some are, and the rest are cited and sent home.',
      ),
      msg(
        'Every jail shares the fingerprints of the people it books, so under every policy ICE can ask a jail to hold an undocumented person for it (a detainer). Under the Jail Enforcement Model, deputised jail officers also screen the people booked, so more detainers are lodged. Under the Warrant Service Officer model the jail holds everyone ICE asks for but screens no one itself. A sanctuary jail holds people for ICE only on felony charges.',
      ),
      msg(
        'When a jail holds someone for ICE, their household and the people they are close to hear of it: their trust in the police falls, and their fear and their belief that the police work with ICE rise.',
      ),
    ],
    submodels: ['Booking, records and detainers'],
    parameters: [
      'policing.trafficBookingProb',
      'policing.misdemeanourBookingProb',
      'policing.jailDaysTraffic',
      'policing.jailDaysMisdemeanour',
      'policing.jailDaysFelony',
      'enforcement.federalDetainerProbPriority',
      'enforcement.federalDetainerProbOther',
      'jurisdictions[].policy.jailScreeningProb',
      'jurisdictions[].policy.screening',
      'enforcement.detainerHonourProb',
      'trust.householdDetentionShock',
      'fear.householdDetentionShock',
      'trust.tieDetentionShock',
      'fear.tieDetentionShock',
      'entanglement.personalBeliefShock',
      'entanglement.tieBeliefShock',
    ],
  },
  {
    id: 'removal',
    title: () => msg("ICE's own arrests, detention and removal"),
    words: () => [
      msg(
        'ICE arrests some undocumented residents itself, with or without an agreement. An arrest by ICE shakes the person’s household and the people they are close to as a detainer does, but it adds less to their belief that the local police are involved.',
      ),
      msg(
        'People in immigration detention are removed from the country after a delay, or released. A removed resident leaves the town for the rest of the run; if they were committing crimes, those crimes stop until someone else starts.',
      ),
    ],
    submodels: ['Detention and removal', 'Federal enforcement'],
    parameters: ['enforcement.federalArrestsPerYear', 'enforcement.removalProb', 'enforcement.removalDelayDays', 'crime.replacementDays'],
  },
  {
    id: 'seen',
    title: () => msg('What people see of enforcement'),
    words: () => [
      msg(
        'Every immigration enforcement event that residents can see or hear of counts: a question about status at a stop, a detainer, an arrest by ICE. Events in which local police take part count in full; ICE acting alone counts for less.',
      ),
      msg(
        'The more such events a county has for its size, the more its residents come to believe that its police work with ICE. A few events a year pass almost unnoticed, a steady stream makes the news, and very heavy enforcement adds little more. Announcing an agreement adds a burst of belief that fades; announcing a sanctuary policy lowers it. News crosses county lines, so a county next to one with more enforcement feels some of it.',
      ),
      msg('No policy changes belief just by its name: only through the enforcement it does and its announcement.'),
    ],
    submodels: ['Visible enforcement (the dose)', 'Perceived entanglement, public level'],
    parameters: [
      'entanglement.iceAloneWeight',
      'entanglement.enforcementHalfLifeDays',
      'entanglement.coverageHalfDose',
      'entanglement.coverageSteepness',
      'entanglement.announcementPulse',
      'entanglement.pulseHalfLifeDays',
      'entanglement.riseHalfLifeDays',
      'entanglement.fallHalfLifeDays',
      'entanglement.spillover',
      'contrasts.sanctuaryAnnouncement',
    ],
  },
  {
    id: 'spread',
    title: () => msg('How belief, trust and fear spread'),
    words: () => [
      msg(
        "Once a week, each resident's belief that the police work with ICE moves toward what is felt where they live: the county's level, plus what happened in their own neighbourhood. The more exposed a resident is to enforcement, the higher the belief they settle at.",
      ),
      msg(
        "Each week residents also listen to one person: a relative, a neighbour or someone in their household, more for family than for neighbours, and less between Latino and other residents. Their belief moves toward that person's. Their trust and fear lean the way that person's have moved: if a friend's trust has fallen below where it would otherwise be, theirs falls a little too, while the differences between groups (the greater fear of undocumented residents) are not averaged away. So a detainer in one home reaches the homes its people are tied to.",
      ),
    ],
    submodels: ['Weekly pass'],
    parameters: [
      'entanglement.beliefUpdatePerWeek',
      'entanglement.neighbourhoodWeight',
      'entanglement.influencePerWeek',
      'trust.influencePerWeek',
      'fear.influencePerWeek',
      'community.tiesPerResident',
      'community.kinTies',
      'community.householdInfluence',
      'community.localTieInfluence',
      'community.crossGroupInfluence',
      'community.homophily',
    ],
  },
  {
    id: 'trust',
    title: () => msg('Trust and fear'),
    words: () => [
      msg(
        "Each resident's trust in the police drifts toward a level set by what they believe: the more they believe the police work with ICE, the lower it is. Trust is lost faster than it is regained. Trust-building measures raise it.",
      ),
      msg(
        'Fear drifts toward a level set by immigration status: higher for undocumented residents and for the others in their households, and raised by belief, more for non-citizens than for citizens.',
      ),
      msg(
        'Neighbourhoods that see much enforcement build up legal cynicism, a shared sense that the law is not on their side, which lowers the trust of everyone who lives there.',
      ),
    ],
    submodels: ['Targets', 'Legal cynicism'],
    parameters: [
      'trust.baseline',
      'trust.driftPerDay',
      'trust.lossPerDay',
      'entanglement.trustEffect',
      'fear.baselineUsBorn',
      'fear.baselineNaturalised',
      'fear.baselineLawful',
      'fear.baselineUndocumented',
      'fear.baselineMixedHousehold',
      'fear.driftPerDay',
      'entanglement.fearEffectNoncitizen',
      'entanglement.fearEffectCitizen',
      'trust.cynicismPerEvent',
      'trust.cynicismHalfLifeDays',
      'trust.cynicismEffect',
      'contrasts.trustBuildingBaselineGain',
    ],
  },
  {
    id: 'reporting',
    title: () => msg('Reporting crimes and helping as a witness'),
    words: () => [
      msg(
        'A victim decides whether to report a crime to the police. Each kind of crime has its own usual chance of being reported; higher trust raises it, and fear and the belief that the police work with ICE lower it.',
      ),
      msg('A witness the police ask for help decides whether to cooperate in the same way.'),
      msg('Each of these effects multiplies the odds by a fixed amount, so a chance never falls below 0 or rises above 1.'),
    ],
    submodels: ['Behaviour on the log-odds scale'],
    parameters: [
      'crime.types.simpleAssault.reportingBase',
      'trust.reportingEffect',
      'fear.reportingEffect',
      'entanglement.reportingEffect',
      'crime.types.aggravatedAssault.reportingBase',
      'crime.types.robbery.reportingBase',
      'crime.types.burglaryTheft.reportingBase',
      'crime.latinoReportingShift',
      'crime.statusReportingShift.usBorn',
      'crime.statusReportingShift.naturalised',
      'crime.statusReportingShift.lawfulResident',
      'crime.statusReportingShift.undocumented',
      'policing.cooperationBase',
      'trust.cooperationEffect',
      'fear.cooperationEffect',
      'entanglement.cooperationRatio',
      'contrasts.trustBuildingReportingFearReduction',
    ],
  },
  {
    id: 'offending',
    title: () => msg('Where offenders strike, and what they learn'),
    words: () => [
      msg(
        'Offenders find chances in their own neighbourhood or one nearby, and choose among the people they meet there, preferring those with fewer people at home. Nothing in that choice depends on reporting.',
      ),
      msg(
        'Then they decide whether to go through with it. Offenders remember which crimes were reported, by neighbourhood and by the victim’s ethnicity. Where crimes against a group go unreported, more crimes against that group go ahead; crimes against everyone else do not rise.',
      ),
      msg('What offenders learned fades, so when reporting recovers, they follow it slowly.'),
    ],
    submodels: ['Offending', 'What offenders learn'],
    parameters: [
      'crime.types.simpleAssault.ratePer1000',
      'crime.types.aggravatedAssault.ratePer1000',
      'crime.types.robbery.ratePer1000',
      'crime.types.burglaryTheft.ratePer1000',
      'crime.offenderShare',
      'crime.candidatesPerCrime',
      'crime.guardianshipEffect',
      'crime.roamShare',
      'crime.reportingElasticity',
      'crime.learningHalfLifeDays',
      'crime.placeLearningCrimes',
    ],
  },
  {
    id: 'clearance',
    title: () => msg('Investigation: solving cases'),
    words: () => [
      msg(
        'For a reported crime, the police ask a few people of the neighbourhood as witnesses. Each witness who cooperates adds to the chance that the case is solved.',
      ),
      msg(
        'A solved case raises the victim’s trust and puts the offender under arrest; a case left unsolved lowers the victim’s trust. A crime that is never reported is never solved.',
      ),
    ],
    submodels: ['Investigation and clearance'],
    parameters: [
      'policing.witnessesPerCrime',
      'crime.types.simpleAssault.clearanceBase',
      'crime.types.simpleAssault.clearancePerWitness',
      'crime.types.aggravatedAssault.clearanceBase',
      'crime.types.aggravatedAssault.clearancePerWitness',
      'crime.types.robbery.clearanceBase',
      'crime.types.robbery.clearancePerWitness',
      'crime.types.burglaryTheft.clearanceBase',
      'crime.types.burglaryTheft.clearancePerWitness',
      'crime.types.simpleAssault.charge',
      'crime.types.aggravatedAssault.charge',
      'crime.types.robbery.charge',
      'crime.types.burglaryTheft.charge',
      'trust.clearedGain',
      'trust.unclearedLoss',
    ],
  },
  {
    id: 'careers',
    title: () => msg('Criminal careers'),
    words: () => [
      msg(
        'Offenders stop after some years on average and others start, so a town keeps about the same number of offenders. Non-citizens start at a rate relative to citizens that the scenario sets.',
      ),
    ],
    submodels: ['Criminal careers'],
    parameters: ['crime.offenderShare', 'crime.careerYears', 'crime.noncitizenOffendingRatio'],
  },
];

/** A mechanism by id. */
export function mechanism(id: MechanismId): Mechanism {
  return MECHANISMS.find((m) => m.id === id)!;
}

/** The mechanism each sentence of the story's "why" account (src/story/why.ts) is about, in the account's order. */
export const WHY_MECHANISMS: readonly MechanismId[] = ['booking', 'spread', 'reporting', 'offending'];

/**
 * The mechanisms a chapter's policy works through, for the chapter's "How it works" links: what the
 * agreement does (stops and questions on patrol; detainers in the jail), then how that reaches reporting.
 */
export function policyMechanisms(models: readonly string[]): MechanismId[] {
  const first: MechanismId[] = [];
  if (models.includes('taskForce')) first.push('patrol');
  if (models.some((m) => m === 'jailEnforcement' || m === 'warrantService' || m === 'taskForce')) first.push('booking');
  if (first.length === 0) first.push('removal');
  return [...first, 'seen', 'spread', 'trust', 'reporting', 'offending'];
}
