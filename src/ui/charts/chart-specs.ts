import { metricDef } from '../../engine/index.ts';
import { CHART_SPANS, LINE_GROUPS } from '../../report/live-charts.ts';
import { LEVEL_SCALE } from '../../report/metric-format.ts';
import { GROUP_COLOURS } from '../../render/colours.ts';

/**
 * The live charts: which weekly metric each shows (its format from the metric table; its title from the
 * page's labels), the factor its values are drawn at (levels out of 100; shares stay 0–1, drawn as
 * percentages) and its least y span at that factor.
 */
export const CHARTS = CHART_SPANS.map(([key, minSpan]) => {
  const d = metricDef(key);
  const scale = d.kind === 'level' ? LEVEL_SCALE : 1;
  return { key, percent: d.kind === 'share', scale, minSpan: minSpan * scale };
});

/** A y range around the data at least `minSpan` tall, so weekly noise is not magnified into drama. */
export function paddedRange(lo: number | null, hi: number | null, minSpan: number): [number, number] {
  if (lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi)) return [0, minSpan];
  const span = Math.max(minSpan, (hi - lo) * 1.1);
  const mid = (lo + hi) / 2;
  const bottom = Math.max(0, mid - span / 2);
  return [bottom, bottom + span];
}

/** Lines of each chart: everyone, then the three groups, each with its own dash so colour is not needed. */
const LINE_STYLES = {
  all: { label: 'All', dash: [] as number[], width: 2.5 },
  latinoCitizen: { label: 'Latino citizen', dash: [8, 4], width: 1.8 },
  latinoNoncitizen: { label: 'Latino non-citizen', dash: [2, 3], width: 1.8 },
  nonLatino: { label: 'Non-Latino', dash: [10, 3, 2, 3], width: 1.8 },
} as const;
export const LINES = LINE_GROUPS.map((group) => ({ group, colour: GROUP_COLOURS[group], ...LINE_STYLES[group] }));

/** Rolling mean over `k` weeks (one implementation, shared with the comparison bands). */
export { rollingMean as smooth } from '../../compare/bands.ts';
