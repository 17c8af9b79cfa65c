import { expectedReportingOf } from '../behaviour.ts';
import type { World } from '../world.ts';
import type { ViewMeasure } from './cell-view.ts';

/**
 * How a resident is coloured in the town view, by the measure chosen: trust, its change since the
 * activation day (0 until that day has run), fear, or their expected chance of reporting a crime.
 */
export function residentValue(w: World, measure: ViewMeasure): (r: number) => number {
  const res = w.residents;
  if (measure === 'trust') return (r) => res.trust[r];
  if (measure === 'fear') return (r) => res.fear[r];
  if (measure === 'reporting') return (r) => expectedReportingOf(w, r);
  return changeSinceActivation(w) ? (r) => res.trust[r] - res.trustAtActivation[r] : () => 0;
}

/**
 * True once the activation day has been run: trust on that day is recorded as it starts, so until then
 * there is no change to show (a world standing on the activation day has not run it yet).
 */
export function changeSinceActivation(w: World): boolean {
  return w.day > w.params.activationDay;
}
