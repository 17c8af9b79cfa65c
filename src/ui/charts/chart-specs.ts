import { GROUP_COLOURS } from '../../render/colours.ts';

/** The live charts: which weekly metric each shows and how to format it. */
export const CHARTS = [
  { key: 'meanTrust', title: 'Mean trust in police (0–1)', percent: false, minSpan: 0.2 },
  { key: 'reportedShare', title: 'Crimes reported to police', percent: true, minSpan: 1 },
  { key: 'cooperationRate', title: 'Witnesses cooperating', percent: true, minSpan: 1 },
  { key: 'violentVictimisationPer1000', title: 'Violent victimisation per 1,000 a year', percent: false, minSpan: 20 },
  { key: 'clearanceRate', title: 'Reported crimes cleared', percent: true, minSpan: 1 },
  { key: 'stopsPer1000', title: 'Patrol stops per 1,000 a year', percent: false, minSpan: 100 },
] as const;

/** A y range around the data at least `minSpan` tall, so weekly noise is not magnified into drama. */
export function paddedRange(lo: number | null, hi: number | null, minSpan: number): [number, number] {
  if (lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi)) return [0, minSpan];
  const span = Math.max(minSpan, (hi - lo) * 1.1);
  const mid = (lo + hi) / 2;
  const bottom = Math.max(0, mid - span / 2);
  return [bottom, bottom + span];
}

/** Lines of each chart: everyone, then the three groups, each with its own dash so colour is not needed. */
export const LINES = [
  { group: 'all', label: 'All', colour: GROUP_COLOURS.all, dash: [] as number[], width: 2.5 },
  { group: 'latinoCitizen', label: 'Latino citizen', colour: GROUP_COLOURS.latinoCitizen, dash: [8, 4], width: 1.8 },
  { group: 'latinoNoncitizen', label: 'Latino non-citizen', colour: GROUP_COLOURS.latinoNoncitizen, dash: [2, 3], width: 1.8 },
  { group: 'nonLatino', label: 'Non-Latino', colour: GROUP_COLOURS.nonLatino, dash: [10, 3, 2, 3], width: 1.8 },
] as const;

/** Rolling mean over `k` weeks (one implementation, shared with the comparison bands). */
export { rollingMean as smooth } from '../../compare/bands.ts';
