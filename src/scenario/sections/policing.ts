import { SRC, calibrated, int, num, section, share } from '../param.ts';

/** Patrol, stops, investigation and jail terms: local policing that happens under every policy. */
export const Policing = section(
  {
    stopsPerOfficerDay: num(0.12, 0, 20, {
      unit: 'stops per officer per day',
      description: 'Patrol stops (traffic and pedestrian) each officer makes per day; with the default staffing about 100 stops per 1,000 residents a year.',
      source: 'assumption (about 1 in 10 U.S. residents has contact with police through a stop each year)',
    }),
    arrestPerStop: share(0.03, { description: 'Chance that a patrol stop ends in arrest (before any bias multiplier).', source: SRC.assumption }),
    trafficShareOfStopArrests: share(0.6, { description: 'Share of stop arrests on traffic charges; the rest are misdemeanours.', source: SRC.assumption }),
    unlicensedArrestProb: share(0.0639802, {
      description:
        'Chance that a stop of an undocumented driver ends in a custodial arrest for driving without a licence (most states do not license undocumented residents); the arrest is on a traffic charge and goes through booking.',
      source: calibrated(SRC.capps + ' (detainers by charge under universal and targeted screening)', 'detainer-mix'),
    }),
    otherArrestsPer1000: num(22, 0, 200, {
      unit: 'arrests per 1,000 residents per year',
      description:
        'Arrests outside patrol stops and solved crimes (warrants, drink-driving, drugs, disorder), so that local arrests come to about 30 per 1,000 residents a year with the others. Each goes through booking.',
      source: 'FBI, Crime in the United States 2019 (about 10.1 million arrests, 31 per 1,000 residents)',
    }),
    otherArrestOffenderShare: share(0.3, {
      description: 'Share of those other arrests that fall on active offenders; the rest fall on adults at random.',
      source: SRC.assumption,
    }),
    otherArrestFelonyShare: share(0.2, {
      description: 'Share of those other arrests on felony charges; the rest are misdemeanours.',
      source: 'assumption (FBI arrest mix: about a fifth for serious offences)',
    }),
    trafficBookingProb: share(0.3, {
      description:
        'Chance that an arrest on a traffic charge ends in booking at the jail rather than a citation and release; only people booked are checked for immigration status. Arrests for driving without a licence are always booked.',
      source: SRC.assumption,
    }),
    misdemeanourBookingProb: share(0.6, {
      description:
        'Chance that an arrest on a misdemeanour charge ends in booking at the jail rather than a citation and release. Felony arrests are always booked.',
      source: SRC.assumption,
    }),
    witnessesPerCrime: int(2, 0, 6, { unit: 'witnesses', description: 'Neighbours asked to help with each reported crime.', source: SRC.assumption }),
    cooperationBase: share(0.6, {
      description: 'Chance that a witness with baseline trust and no fear cooperates with the investigation.',
      source: SRC.assumption,
    }),
    jailDaysTraffic: int(2, 0, 365, { unit: 'days', description: 'Days in jail after an arrest on a traffic charge.', source: SRC.assumption }),
    jailDaysMisdemeanour: int(30, 0, 3650, {
      unit: 'days',
      description: 'Days in jail (incapacitation) after an arrest on a misdemeanour charge.',
      source: SRC.assumption,
    }),
    jailDaysFelony: int(540, 0, 7300, {
      unit: 'days',
      description: 'Days in jail or prison (incapacitation) after an arrest on a felony charge.',
      source: SRC.assumption,
    }),
  },
  'Local policing under every policy.',
);

/** Immigration enforcement: the federal background that runs everywhere, detainers and removals. */
export const Enforcement = section(
  {
    federalArrestsPerYear: num(0.008, 0, 0.5, {
      unit: 'arrests per undocumented resident per year',
      description: "ICE's own at-large arrests, in every scenario, so that no agreement is not zero enforcement.",
      source: SRC.assumption,
    }),
    federalDetainerProbPriority: share(0.5, {
      description:
        'Chance that ICE, seeing the fingerprints shared at booking (as under Secure Communities, in every scenario), issues a detainer for a booked undocumented resident who is one of its priorities: booked on a felony, or with a criminal record.',
      source: SRC.assumption,
    }),
    federalDetainerProbOther: share(0.0878627, {
      description: 'The same chance for a booked undocumented resident who is not an ICE priority (a traffic or misdemeanour charge and no record).',
      source: calibrated(SRC.capps + ' (detainers by charge under universal and targeted screening)', 'detainer-mix'),
    }),
    detainerHonourProb: share(0.7, {
      description:
        'Chance that a jail without a 287(g) agreement honours an ICE detainer, holding the person for ICE (sanctuary jails honour only felony detainers). A detainer not honoured lets the person go home when the jail term ends.',
      source: SRC.assumption,
    }),
    removalProb: share(0.85, { description: 'Chance that a person taken into immigration detention is removed rather than released.', source: SRC.assumption }),
    removalDelayDays: int(60, 1, 1000, { unit: 'days', description: 'Days in immigration detention before removal or release.', source: SRC.assumption }),
  },
  'Immigration enforcement: federal background, detainers and removals.',
);
