import type { Agreement } from '../../counties/record.ts';

/**
 * The map's colours. By agreement: the model that reaches furthest into the community darkest (Task
 * Force, then Jail Enforcement, then Warrant Service), so the map reads as how deep local enforcement
 * goes; none a pale grey. By a national run: the change in Latino reporting, a fall in oranges, a rise in
 * blues, in bins of percentage points (a diverging scheme that colour-blind readers can tell apart).
 */
export const MODEL_COLOURS: Record<Agreement['model'] | 'none', string> = {
  taskForce: '#7f2704',
  jailEnforcement: '#d94801',
  warrantService: '#fdae6b',
  none: '#efefef',
};

/** Upper bounds (points) of the change bins and their colours; the last bin is open above. */
export const CHANGE_BINS: readonly { upTo: number; colour: string }[] = [
  { upTo: -10, colour: '#b35806' },
  { upTo: -5, colour: '#e08214' },
  { upTo: -2, colour: '#fdb863' },
  { upTo: 2, colour: '#f7f7f7' },
  { upTo: 5, colour: '#b2abd2' },
  { upTo: Number.POSITIVE_INFINITY, colour: '#5e3c99' },
];
/** A county a national run did not run (no agreement: no change by construction) or where no Latino crime was reported. */
export const NO_RESULT = '#dcdcdc';

/** The bin colour of a change in points. */
export function changeColour(points: number): string {
  return CHANGE_BINS.find((b) => points <= b.upTo)!.colour;
}
