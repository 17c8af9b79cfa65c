import { z } from 'zod';
import { CHARGES } from '../../vocabulary/codes.ts';
import { SRC, calibrated, choice, num, section, share } from '../param.ts';

/** Defaults fitted with the other U.S. baselines and the measured reporting drop (docs/calibration/baselines-and-drop.report.json). */
const CAL = (basis: string) => calibrated(basis, 'baselines-and-drop');

/** What no target separates: kept from the engine 0.2 fit, now an assumption. */
const SPLIT = 'assumption (kept from the engine 0.2 fit; no target separates the violent types, whose sum is fitted through the simple-assault rate)';
const UNTARGETED_CLEARANCE = 'assumption (kept from the engine 0.2 fit; the FBI violent clearance target is fitted through aggravated assault)';

function crimeType(
  name: string,
  d: { rate: number; report: number; clearBase: number; clearPerWitness: number; charge: (typeof CHARGES)[number] },
  sources: { rate: string; report: string; clear: string },
) {
  return section(
    {
      ratePer1000: num(d.rate, 0, 500, {
        unit: 'victimisations per 1,000 persons aged 12+ per year',
        description: `Rate of ${name} if every victim were expected to report like a resident at baseline trust with no fear or belief; offenders go through with more crimes against victims less likely to report, and fewer against those more likely.`,
        source: sources.rate,
      }),
      reportingBase: share(d.report, {
        description: `Chance that a victim of ${name} with baseline trust, no fear and no belief in police–ICE entanglement reports it to police.`,
        source: sources.report,
      }),
      clearanceBase: share(d.clearBase, {
        description: `Chance that a reported ${name} is cleared when no witness cooperates.`,
        source: sources.clear,
      }),
      clearancePerWitness: share(d.clearPerWitness, {
        unit: 'added chance per cooperating witness',
        description: `Added chance of clearing a reported ${name} for each witness who cooperates.`,
        source: SRC.assumption,
      }),
      charge: choice(CHARGES, d.charge, {
        description: `The charge an arrest for ${name} carries; detainers are recorded by it.`,
        source: SRC.assumption,
      }),
    },
    `Parameters of ${name}.`,
  );
}

/** Offenders, their crimes and how they choose victims. */
export const Crime = section(
  {
    types: section(
      {
        simpleAssault: crimeType(
          'simple assault',
          { rate: 20.7813, report: 0.421929, clearBase: 0.282, clearPerWitness: 0.17, charge: 'misdemeanour' },
          { rate: CAL(SRC.ncvs), report: CAL(SRC.ncvsSecondary), clear: UNTARGETED_CLEARANCE },
        ),
        aggravatedAssault: crimeType(
          'aggravated assault',
          { rate: 6.45, report: 0.511996, clearBase: 0.347618, clearPerWitness: 0.17, charge: 'felony' },
          { rate: SPLIT, report: CAL(SRC.ncvsSecondary), clear: CAL(SRC.fbiClearance) },
        ),
        robbery: crimeType(
          'robbery',
          { rate: 3.33, report: 0.552899, clearBase: 0.15, clearPerWitness: 0.13, charge: 'felony' },
          { rate: SPLIT, report: CAL('BJS Criminal Victimization 2023 highlights'), clear: UNTARGETED_CLEARANCE },
        ),
        burglaryTheft: crimeType(
          'burglary and theft',
          { rate: 35, report: 0.326761, clearBase: 0.0680847, clearPerWitness: 0.09, charge: 'misdemeanour' },
          { rate: 'assumption (NCVS property victimisation per household, spread over residents)', report: CAL(SRC.ncvs), clear: CAL(SRC.fbiClearance) },
        ),
      },
      'Crime types: violent (simple assault, aggravated assault, robbery) and property (burglary and theft).',
    ),
    offenderShare: share(0.02, { description: 'Share of residents who are active offenders at any time (criminal careers).', source: SRC.assumption }),
    noncitizenOffendingRatio: num(0.7, 0, 3, {
      unit: 'ratio',
      description: 'How likely a non-citizen is to be an offender, relative to a citizen (immigrants offend less in most U.S. studies).',
      source: SRC.assumption,
    }),
    careerYears: num(5, 0.25, 40, {
      unit: 'years',
      description: 'Mean length of a criminal career; a desisting offender is replaced at once by a new one.',
      source: SRC.assumption,
    }),
    replacementDays: num(365, 0, 3650, {
      unit: 'days',
      description:
        'Mean time before an offender taken out of the community (removed, or jailed for long) is replaced by a new one. Long means removals and incapacitation cut crime for longer.',
      source: SRC.assumption,
    }),
    reportingElasticity: num(0.79, 0, 3, {
      unit: 'elasticity',
      description:
        "How offending against a victim responds to the chance, as offenders have learned it, that a crime against that victim's group in that neighbourhood is reported: a 10% lower learned chance makes an offender who meets such a victim about 10 × this value per cent more likely to go through with the crime.",
      source: SRC.goncalves,
    }),
    learningHalfLifeDays: num(180, 7, 3650, {
      unit: 'days',
      description:
        "How fast offenders learn from the crimes they see reported or not: the half-life of their memory of each group's realised reports, by neighbourhood and county. After reporting recovers, what they learned fades at this speed.",
      source: SRC.assumption,
    }),
    placeLearningCrimes: num(50, 0, 10000, {
      unit: 'crimes',
      description:
        "How many crimes' worth of the county-wide impression of a group's reporting an offender's view of one neighbourhood holds: the neighbourhood's own realised reports outweigh it once more crimes than this are remembered there.",
      source: SRC.assumption,
    }),
    latinoReportingShift: num(0, -3, 3, {
      unit: 'log-odds',
      description: 'Reporting log-odds of Latino residents apart from trust, fear, belief and status (0: Hispanic and non-Hispanic victims report alike).',
      source: 'BJS NCJ 191208 (Hispanic and non-Hispanic victims report at about equal rates)',
    }),
    statusReportingShift: section(
      {
        usBorn: num(0, -3, 3, {
          unit: 'log-odds',
          description: 'Reporting log-odds of U.S.-born citizens apart from trust, fear and belief.',
          source: SRC.assumption,
        }),
        naturalised: num(0, -3, 3, {
          unit: 'log-odds',
          description: 'Reporting log-odds of naturalised citizens apart from trust, fear and belief (language, knowledge of the system).',
          source: SRC.assumption,
        }),
        lawfulResident: num(0, -3, 3, {
          unit: 'log-odds',
          description: 'Reporting log-odds of lawful non-citizens apart from trust, fear and belief.',
          source: SRC.assumption,
        }),
        undocumented: num(0, -3, 3, {
          unit: 'log-odds',
          description: 'Reporting log-odds of undocumented residents apart from trust, fear and belief (their baseline fear already lowers it).',
          source: SRC.assumption,
        }),
      },
      'Status-specific reporting baselines: shifts of the log-odds of reporting by immigration status.',
    ),
    candidatesPerCrime: z.int().min(1).max(8).default(3).meta({
      unit: 'residents',
      description:
        'Potential victims an offender meets at a place before a crime (opportunity); one is chosen, the less guarded more often, and only then does the offender decide whether to go through with it.',
      source: SRC.assumption,
    }),
    guardianshipEffect: num(0.15, 0, 2, {
      unit: 'per other household member at home',
      description: 'How much each other present household member protects a resident (guardianship).',
      source: SRC.assumption,
    }),
    roamShare: share(0.25, {
      description: "Share of an offender's crimes committed in a neighbouring neighbourhood (possibly across the border) rather than at home.",
      source: SRC.assumption,
    }),
  },
  'Offenders and crime.',
);
