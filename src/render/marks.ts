import { EV } from '../engine/index.ts';
import type { Shape } from './textures.ts';

/** How each event kind shows on the map, if at all: shape, colour, and how long it lingers. */
export interface MarkStyle {
  shape: Shape;
  tint: number;
  seconds: number;
  size: number;
  label: string;
}

export const MARKS: Partial<Record<number, MarkStyle>> = {
  [EV.victimReported]: { shape: 'ring', tint: 0x1a7f37, seconds: 1.6, size: 5, label: 'Crime, reported' },
  [EV.victimUnreported]: { shape: 'cross', tint: 0x8a1c1c, seconds: 1.6, size: 5, label: 'Crime, not reported' },
  [EV.stopped]: { shape: 'smallSquare', tint: 0x1d3a6e, seconds: 1, size: 4, label: 'Patrol stop' },
  [EV.questioned]: { shape: 'question', tint: 0x6a1b9a, seconds: 1.6, size: 6, label: 'Status questioned' },
  [EV.detained]: { shape: 'diamond', tint: 0xc62828, seconds: 2.4, size: 7, label: 'Immigration detention' },
  [EV.removed]: { shape: 'cross', tint: 0x000000, seconds: 3, size: 9, label: 'Removed from the country' },
};
