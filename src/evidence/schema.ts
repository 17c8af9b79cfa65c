import { z } from 'zod';
import { EVENT_QUARTERS, GROUPS, METRICS, SCREENINGS, SURVEY_GROUPS, type MetricKey } from '../engine/index.ts';
import { MEASURED_MODELS } from '../vocabulary/policy-models.ts';

const metricKey = z.enum(METRICS.map((m) => m.key) as [MetricKey, ...MetricKey[]]);
/** Groups a target can name: every group the engine reports (the Latino status groups included). */
const TARGET_GROUPS = GROUPS;
const group = z.enum(TARGET_GROUPS);

/** How a target's simulated value is read from a run. */
export const TargetMeasure = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('metric').meta({ description: 'A metric of one group in one period.' }),
    key: metricKey,
    group,
    period: z.enum(['before', 'after']),
  }),
  z.strictObject({
    kind: z.literal('gap').meta({ description: 'Metric of the first group minus that of the second, in one period.' }),
    key: metricKey,
    groups: z.tuple([group, group]),
    period: z.enum(['before', 'after']),
  }),
  z.strictObject({
    kind: z.literal('relativeChange').meta({ description: 'Relative change from before to after activation in one run: after / before − 1.' }),
    key: metricKey,
    group,
  }),
  z.strictObject({
    kind: z.literal('did').meta({
      description:
        'Difference in differences, as a study comparing a treated jurisdiction with an untreated one reports it: (treated after − treated before) − (comparison after − comparison before). The comparison is the scenario\u2019s first jurisdiction with no agreement, or the no-agreement twin of the treated jurisdiction when the scenario has none. With scale "relative" the difference is divided by the treated jurisdiction\u2019s before level.',
    }),
    key: metricKey,
    group,
    scale: z.enum(['difference', 'relative']),
  }),
  z.strictObject({
    kind: z.literal('eventStudy').meta({
      description:
        'Event-study coefficients, as studies of staggered adoption report them: for each quarter q from \u22128 to +8 around activation (13-week quarters; quarter 0 starts with the week of activation), the treated jurisdiction\u2019s value in the quarter minus the comparison\u2019s (the scenario\u2019s first jurisdiction with no agreement, else the no-agreement twin, replicate by replicate), less the same difference in quarter \u22121, the reference. With scale "relative" each quarter\u2019s difference is divided by the comparison\u2019s value in it. The target is the mean coefficient over the quarters named; the fit report lists every quarter with its interval.',
    }),
    key: metricKey,
    group,
    quarters: z
      .tuple([z.int().min(-EVENT_QUARTERS).max(EVENT_QUARTERS), z.int().min(-EVENT_QUARTERS).max(EVENT_QUARTERS)])
      .refine(([a, b]) => a <= b, 'quarters must be [first, last]')
      .meta({ description: 'First and last quarter averaged into the target (e.g. [0, 7]: the first two years).' }),
    scale: z.enum(['difference', 'relative']),
  }),
  z.strictObject({
    kind: z.literal('stated').meta({
      description:
        'A stated intention, as surveys of residents report it: the share of adult respondents of the simulated survey (after activation, in the scenario itself) who say they are less likely to contact the police (question "report") or to volunteer information about crimes ("volunteer") because police work with immigration enforcement.',
    }),
    question: z.enum(['report', 'volunteer']),
    group: z.enum(SURVEY_GROUPS),
  }),
  z.strictObject({
    kind: z.literal('paired').meta({
      description:
        'Relative difference after activation between the scenario and its no-agreement twin (same seeds, same town): policy / twin − 1, replicate by replicate.',
    }),
    key: metricKey,
    group,
  }),
]);

/** One published figure to compare the model with. */
export const Target = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .meta({ description: 'Short identifier, lower case with dashes.' }),
  measure: z.string().min(1).meta({ description: 'What the figure measures, in words.' }),
  value: z.number().meta({ description: 'The published figure, in the unit below.' }),
  band: z
    .tuple([z.number(), z.number()])
    .refine(
      ([lo, hi]) => lo < hi,
      'band must be [low, high] with low below high (distances are measured in half-bands, so a band of no width would make every distance infinite)',
    )
    .meta({ description: 'Acceptance band: a simulated value inside it meets the target.' }),
  unit: z.string().min(1),
  population: z.string().min(1).meta({ description: 'Who the figure is about.' }),
  simulated: TargetMeasure,
  /** The scenario the target applies to: baselines are read from any scenario's before period; effects need the policy named. */
  appliesTo: z.enum(['baseline', ...MEASURED_MODELS]).default('baseline'),
  /** For a Jail Enforcement target, the screening practice the figure was measured under (any when absent). */
  screening: z.enum(SCREENINGS).optional().meta({ description: 'Screening practice of the jail the figure comes from (Jail Enforcement targets only).' }),
  citation: z.string().min(1),
  url: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({ description: 'Where to read the source.' }),
  secondary: z.boolean().default(false).meta({ description: 'True when read from a summary or news report rather than the paper\u2019s tables.' }),
  bound: z.boolean().default(false).meta({
    description:
      'True when the figure is a bound, not an estimate (e.g. stated intentions as an upper bound on behaviour): inside the band every value fits equally, so calibration and ABC count only how far outside the band a value lies.',
  }),
  note: z.string().optional(),
});

/** A versioned set of targets: the project's own, or a user's. */
export const TargetSet = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  version: z.string().min(1).meta({ description: 'Version of this set; change it when a figure changes.' }),
  description: z.string().default(''),
  targets: z.array(Target).min(1),
});
export type Target = z.infer<typeof Target>;
export type TargetSet = z.infer<typeof TargetSet>;
export type TargetMeasure = z.infer<typeof TargetMeasure>;
