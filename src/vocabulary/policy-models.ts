/**
 * The 287(g) models a jurisdiction can run, as one table: what each does is read from here by the
 * engine's parameters and systems, the scenario schema, the labels and the target sets. A new model is
 * one entry here and its branch in the systems it changes. The order is the model's code.
 */
export interface PolicyModel {
  /** Its id in scenario files and flags. */
  id: string;
  /** Its plain name (in the app's language through the catalogue). */
  label: string;
  /** What it does, in the schema's description of the field ('' for none). */
  description: string;
  /** An agreement: its signing is news (the announcement pulse), and its jail holds people on every ICE detainer. */
  agreement: boolean;
  /** The jail screens the immigration status of people booked (whom: the jurisdiction's `screening`). */
  screensAtBooking: boolean;
  /** Deputised officers question people about status during patrol stops. */
  questionsOnPatrol: boolean;
  /** Published effect figures exist for it, so a target set may name it (`appliesTo`). */
  measured: boolean;
  /** The policy fields that set how much of it there is (read only under this model). */
  dose: readonly string[];
}

export const POLICY_MODELS = [
  {
    id: 'none',
    label: 'no agreement',
    description: '',
    agreement: false,
    screensAtBooking: false,
    questionsOnPatrol: false,
    measured: false,
    dose: [],
  },
  {
    id: 'jailEnforcement',
    label: 'Jail Enforcement Model',
    description: 'status screening at booking',
    agreement: true,
    screensAtBooking: true,
    questionsOnPatrol: false,
    measured: true,
    dose: ['screening', 'jailScreeningProb'],
  },
  {
    id: 'warrantService',
    label: 'Warrant Service Officer model',
    description: 'serving ICE warrants on people already in jail',
    agreement: true,
    screensAtBooking: false,
    questionsOnPatrol: false,
    measured: false,
    dose: [],
  },
  {
    id: 'taskForce',
    label: 'Task Force model',
    description: 'status questioning on patrol',
    agreement: true,
    screensAtBooking: false,
    questionsOnPatrol: true,
    measured: true,
    dose: ['deputisedShare', 'statusQuestioningProb', 'profilingMultiplier', 'arrestBiasMultiplier'],
  },
] as const satisfies readonly PolicyModel[];

export type Model = (typeof POLICY_MODELS)[number]['id'];

/** The models' ids in code order (a tuple, as zod's enum takes). */
export const MODELS = POLICY_MODELS.map((m) => m.id) as unknown as readonly [Model, ...Model[]];

/** The models published figures exist for (a target set's `appliesTo` may name them). */
export const MEASURED_MODELS = POLICY_MODELS.filter((m) => m.measured).map((m) => m.id) as unknown as readonly [Model, ...Model[]];

/** A model's row by id. */
export function policyModel(id: string): PolicyModel | undefined {
  return POLICY_MODELS.find((m) => m.id === id);
}
