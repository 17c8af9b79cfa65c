/**
 * Version of the model's behaviour. Bump it whenever a change alters results for the same scenario and
 * seed (and update the golden run in the same commit), so saved outputs say which model made them.
 */
export const ENGINE_VERSION = '0.5.0';
