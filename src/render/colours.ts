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
  const x = Math.min(1, Math.max(0, (t - TRUST_DOMAIN[0]) / (TRUST_DOMAIN[1] - TRUST_DOMAIN[0])));
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

/** 256 trust colours (index = trust × 255) packed as PixiJS particles want them (blue-green-red order, alpha added later). */
export const TRUST_BGR = Uint32Array.from({ length: 256 }, (_, i) => {
  const [r, g, b] = trustRgb(i / 255);
  return (b << 16) | (g << 8) | r;
});

/** Colours of the three groups and of everyone, shared by the charts and the legend. */
export const GROUP_COLOURS = {
  all: '#222222',
  latinoCitizen: '#009e73',
  latinoNoncitizen: '#cc79a7',
  nonLatino: '#56b4e9',
} as const;
