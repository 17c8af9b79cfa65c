import { msg, str } from '@lit/localize';
import { Seed, SEED_MAX } from '../../scenario/boundaries.ts';

/**
 * The seed a tool panel runs with: the app's (the Seed field, or a link's), which may differ from the
 * file's `run.seed`; the file's when the app gives none. A seed the field refuses stops the tool with
 * a reason rather than running another seed in silence.
 */
export function toolSeed(appSeed: number | undefined, fileSeed: number): number {
  if (appSeed === undefined) return fileSeed;
  if (!Seed.safeParse(appSeed).success) throw new Error(msg(str`The seed must be a whole number from 0 to ${SEED_MAX}; fix it in the scenario panel first.`));
  return appSeed;
}
