import { z } from 'zod';
import { CHARGES } from '../../engine/codes.ts';
import { SRC, choice, num, section, share } from '../param.ts';

/** Defaults set by `sim calibrate` against the U.S. baselines (reports in docs/calibration/). */
const CAL =
  '; calibrated to the us-baselines targets, docs/calibration/default-calibrated.report.json (engine 0.3) and baselines-0.4.report.json (simple-assault rate and reporting, property reporting)';

function crimeType(
  name: string,
  d: { rate: number; report: number; clearBase: number; clearPerWitness: number; charge: (typeof CHARGES)[number] },
  sources: { rate: string; report: string; clear?: string },
) {
  return section(
    {
      ratePer1000: num(d.rate, 0, 500, {
        unit: 'victimisations per 1,000 persons aged 12+ per year',
        description: `Baseline rate of ${name} before any change in reporting; offenders' activity is scaled to produce it.`,
        source: sources.rate,
      }),
      reportingBase: share(d.report, {
        description: `Chance that a victim of ${name} with baseline trust, no fear and no belief in police–ICE entanglement reports it to police.`,
        source: sources.report,
      }),
      clearanceBase: share(d.clearBase, {
        description: `Chance that a reported ${name} is cleared when no witness cooperates.`,
        source: sources.clear ?? SRC.fbiClearance + ' (tuned with the next parameter to the band)',
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
          { rate: 23.0, report: 0.409, clearBase: 0.282, clearPerWitness: 0.17, charge: 'misdemeanour' },
          { rate: SRC.ncvs + CAL, report: SRC.ncvsSecondary + CAL, clear: SRC.fbiClearance + CAL },
        ),
        aggravatedAssault: crimeType(
          'aggravated assault',
          { rate: 6.45, report: 0.504, clearBase: 0.3, clearPerWitness: 0.17, charge: 'felony' },
          { rate: SRC.ncvs + CAL, report: SRC.ncvsSecondary + CAL },
        ),
        robbery: crimeType(
          'robbery',
          { rate: 3.33, report: 0.531, clearBase: 0.15, clearPerWitness: 0.13, charge: 'felony' },
          { rate: SRC.ncvs + CAL, report: 'BJS Criminal Victimization 2023 highlights' + CAL },
        ),
        burglaryTheft: crimeType(
          'burglary and theft',
          { rate: 35, report: 0.312, clearBase: 0.0737, clearPerWitness: 0.09, charge: 'misdemeanour' },
          { rate: 'assumption (NCVS property victimisation per household, spread over residents)', report: SRC.ncvs + CAL, clear: SRC.fbiClearance + CAL },
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
      description: 'How offending responds to the reporting offenders expect: a 10% fall in expected reporting raises offending by 10 × this value per cent.',
      source: SRC.goncalves,
    }),
    learningHalfLifeDays: num(180, 7, 3650, {
      unit: 'days',
      description:
        "How fast offenders learn how likely each group's victims in a neighbourhood are to report (half-life of their estimate, which follows the group's expected reporting there).",
      source: SRC.assumption,
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
    candidatesPerCrime: z
      .int()
      .min(1)
      .max(8)
      .default(3)
      .meta({ unit: 'residents', description: 'Potential victims an offender weighs before each crime (opportunity).', source: SRC.assumption }),
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
