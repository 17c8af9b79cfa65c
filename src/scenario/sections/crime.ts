import { CHARGES } from '../../vocabulary/codes.ts';
import { choice, section } from '../param.ts';
import TABLE from './crime.json' with { type: 'json' };

const TYPES = TABLE.crime.parameters.types;
/** A crime type's table, with the charge an arrest for it carries (a choice over the vocabulary's charges). */
const crimeType = (table: (typeof TYPES.parameters)[keyof typeof TYPES.parameters], charge: (typeof CHARGES)[number]) =>
  section(table, { charge: choice(CHARGES, charge) });

/** Offenders, their crimes and how they choose victims. */
export const Crime = section(TABLE.crime, {
  types: section(TYPES, {
    simpleAssault: crimeType(TYPES.parameters.simpleAssault, 'misdemeanour'),
    aggravatedAssault: crimeType(TYPES.parameters.aggravatedAssault, 'felony'),
    robbery: crimeType(TYPES.parameters.robbery, 'felony'),
    burglaryTheft: crimeType(TYPES.parameters.burglaryTheft, 'misdemeanour'),
  }),
});
