import type { ViewMeasure } from '../engine/index.ts';
/**
 * The trust colour scale, red for no trust through grey to blue for full trust (a red–blue diverging
 * scale, readable with the common colour-vision deficiencies; the grey middle stays visible on the
 * light map). Shapes, not colours, carry ethnicity and status, so nothing depends on colour alone.
 */
const STOPS: [number, [number, number, number]][] = [
  [0, [178, 24, 43]],
  [0.3, [239, 138, 98]],
  [0.5, [150, 150, 150]],
  [0.7, [103, 169, 207]],
  [1, [33, 102, 172]],
];

/**
 * The trust values the colour ramp spans: trust in the model mostly moves within this band, so
 * spreading the ramp over it makes changes visible; values beyond take the end colours. The legend
 * prints these numbers, so the stretch is stated, not hidden.
 */
export const TRUST_DOMAIN = [0.25, 0.85] as const;

/** RGB of a trust value. */
export function trustRgb(t: number): [number, number, number] {
  return rampRgb((t - TRUST_DOMAIN[0]) / (TRUST_DOMAIN[1] - TRUST_DOMAIN[0]));
}

/** RGB of a position on the red–grey–blue ramp, 0 (red) to 1 (blue), clamped. */
function rampRgb(at: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, at));
  let i = 0;
  while (i < STOPS.length - 2 && x > STOPS[i + 1][0]) i++;
  const [t0, a] = STOPS[i];
  const [t1, b] = STOPS[i + 1];
  const f = (x - t0) / (t1 - t0);
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** CSS colour of a trust value, for legends and charts. */
export function trustCss(t: number): string {
  const [r, g, b] = trustRgb(t);
  return `rgb(${r} ${g} ${b})`;
}

/** Colours of the three groups and of everyone, shared by the charts and the legend. */
export const GROUP_COLOURS = {
  all: '#222222',
  latinoCitizen: '#009e73',
  latinoNoncitizen: '#cc79a7',
  nonLatino: '#56b4e9',
} as const;

/**
 * How the heat map colours each neighbourhood measure (CELL_MEASURES): the span of the ramp, which end
 * is blue (good for trust in police); the legend prints its ends out of 100 (its names are the page's, in its
 * language: ui/town-view/legend.ts). Change in trust is
 * centred on 0 (grey: no change), so a fall shows red whatever the starting level.
 */
export const MEASURE_SCALES = {
  trust: { domain: [0.25, 0.85], blueHigh: true },
  trustChange: { domain: [-0.15, 0.15], blueHigh: true },
  fear: { domain: [0, 0.6], blueHigh: false },
  reporting: { domain: [0.1, 0.6], blueHigh: true },
} as const satisfies Record<ViewMeasure, unknown>;
export type HeatMeasure = ViewMeasure;

/** 256 colours over each measure's domain, packed as PixiJS particles want them (blue-green-red order). */
export const MEASURE_BGR = Object.fromEntries(
  (Object.keys(MEASURE_SCALES) as HeatMeasure[]).map((m) => {
    const [lo, hi] = MEASURE_SCALES[m].domain;
    return [
      m,
      Uint32Array.from({ length: 256 }, (_, i) => {
        const [r, g, b] = measureRgb(m, lo + ((hi - lo) * i) / 255);
        return (b << 16) | (g << 8) | r;
      }),
    ];
  }),
) as Record<HeatMeasure, Uint32Array>;

/** RGB of a measure's value on its scale. */
export function measureRgb(measure: HeatMeasure, v: number): [number, number, number] {
  const { domain, blueHigh } = MEASURE_SCALES[measure];
  const x = (v - domain[0]) / (domain[1] - domain[0]);
  return rampRgb(blueHigh ? x : 1 - x);
}

/** CSS colour of a measure's value, for the legend. */
export function measureCss(measure: HeatMeasure, v: number): string {
  const [r, g, b] = measureRgb(measure, v);
  return `rgb(${r} ${g} ${b})`;
}
