import { describe, expect, it } from 'vitest';
import { plotOptions } from '../../../src/ui/charts/plot-options.ts';

/**
 * A figure is the chart drawn `scale` times larger; what decides where labels fall must grow with it.
 * uPlot's default tick spacing is fixed in pixels, so a figure at twice the size put twice-as-wide day
 * labels at the screen's spacing and they ran together ("1,0001,0251,050" in the comparison PNG).
 */
const spec = {
  width: 600,
  height: 260,
  days: 1095,
  activationDay: 365,
  percent: false,
  yRange: [0, 1] as [number, number],
  series: [{ label: 'a', stroke: '#000', width: 2, dash: [4, 2] }],
  xLabel: 'day',
};
const px = (font: unknown) => Number(/(\d+(?:\.\d+)?)px/.exec(String(font))?.[1]);

describe('a chart drawn larger for a figure', () => {
  it('scales tick spacing with its fonts and sizes, so its labels fall as they do on screen', () => {
    const one = plotOptions(spec, 1);
    for (const scale of [2, 3]) {
      const big = plotOptions(spec, scale);
      expect(big.width).toBe(scale * one.width);
      for (const k of [0, 1]) {
        const [a, b] = [one.axes![k], big.axes![k]];
        expect(a.space, `axis ${k} sets its own spacing`).toBeTypeOf('number');
        expect(b.space).toBe(scale * (a.space as number));
        expect(px(b.font)).toBe(scale * px(a.font));
        expect(b.size).toBe(scale * (a.size as number));
      }
    }
  });

  it('leaves room on screen for a day label of five characters between ticks', () => {
    // "1,095" in 12 px system-ui is about 32 px wide.
    expect(plotOptions(spec, 1).axes![0].space).toBeGreaterThanOrEqual(5 * 12 * 0.6 + 16);
  });
});
