import { SRC, int, num, section, share } from '../param.ts';

/** Patrol, stops, investigation and jail terms: local policing that happens under every policy. */
export const Policing = section(
  {
    stopsPerOfficerDay: num(0.12, 0, 20, { unit: 'stops per officer per day', description: 'Patrol stops (traffic and pedestrian) each officer makes per day; with the default staffing about 100 stops per 1,000 residents a year.', source: 'assumption (about 1 in 10 U.S. residents has contact with police through a stop each year)' }),
    arrestPerStop: share(0.03, { description: 'Chance that a patrol stop ends in arrest (before any bias multiplier).', source: SRC.assumption }),
    trafficShareOfStopArrests: share(0.6, { description: 'Share of stop arrests on traffic charges; the rest are misdemeanours.', source: SRC.assumption }),
    witnessesPerCrime: int(2, 0, 6, { unit: 'witnesses', description: 'Neighbours asked to help with each reported crime.', source: SRC.assumption }),
    cooperationBase: share(0.6, { description: 'Chance that a witness with baseline trust and no fear cooperates with the investigation.', source: SRC.assumption }),
    jailDaysTraffic: int(2, 0, 365, { unit: 'days', description: 'Days in jail after an arrest on a traffic charge.', source: SRC.assumption }),
    jailDaysMisdemeanour: int(30, 0, 3650, { unit: 'days', description: 'Days in jail (incapacitation) after an arrest on a misdemeanour charge.', source: SRC.assumption }),
    jailDaysFelony: int(540, 0, 7300, { unit: 'days', description: 'Days in jail or prison (incapacitation) after an arrest on a felony charge.', source: SRC.assumption }),
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
    federalBookingDetainerProb: share(0.25, {
      description: 'Chance that ICE, seeing the fingerprints shared at booking, issues a detainer for a booked undocumented resident (every scenario).',
      source: SRC.assumption,
    }),
    detainerHonourProb: share(0.7, {
      description: 'Chance that a jail without a 287(g) agreement honours an ICE detainer (sanctuary jails honour only felony detainers).',
      source: SRC.assumption,
    }),
    removalProb: share(0.85, { description: 'Chance that a person taken into immigration detention is removed rather than released.', source: SRC.assumption }),
    removalDelayDays: int(60, 1, 1000, { unit: 'days', description: 'Days in immigration detention before removal or release.', source: SRC.assumption }),
    signalHalfLifeDays: num(90, 1, 3650, {
      unit: 'days',
      description: 'How long the community remembers local immigration arrests: half-life of the enforcement signal that raises fear.',
      source: SRC.assumption,
    }),
    signalScale: num(5, 0.01, 1000, {
      unit: 'immigration arrests per 1,000 Latino residents per year',
      description: 'Rate of local immigration arrests at which the enforcement signal reaches 1 (full community fear response).',
      source: SRC.assumption,
    }),
    announcementSignal: share(0.3, {
      description: 'Enforcement signal added at once when a 287(g) agreement starts (publicity), fading with the signal half-life.',
      source: SRC.assumption,
    }),
    signalSpillover: share(0.25, { description: "Share of a neighbouring jurisdiction's enforcement signal felt across the border.", source: SRC.assumption }),
  },
  'Immigration enforcement: federal background, detainers and removals.',
);
