import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Tick labels that overlap, in the charts that `pick` finds (uPlot instances), each built again at the given
 * widths and scales where `rebuild` is given: every axis's labels as uPlot placed them, measured with the
 * axis's own font, as boxes along the axis (canvas pixels); any box that starts before the previous one
 * ends is reported ("1,000 overlaps 1,025").
 */
function overlaps(page: Page, selector: string, sizes: { width: number; scale: number }[]): Promise<string[]> {
  return page.evaluate(
    async ({ selector, sizes }) => {
      type Axis = { show: boolean; scale: string; side: number; font: [string, number]; _splits: number[] | null; _values: (string | number)[] | null };
      type Plot = { axes: Axis[]; valToPos(v: number, scale: string, canvas: boolean): number; destroy(): void; width: number };
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      const check = (u: Plot, what: string) => {
        const out: string[] = [];
        for (const axis of u.axes) {
          if (!axis.show || !axis._splits || !axis._values) continue;
          const horizontal = axis.side === 0 || axis.side === 2;
          ctx.font = axis.font[0];
          const boxes = axis._splits
            .map((v, i) => {
              const text = String(axis._values?.[i] ?? '');
              const at = u.valToPos(v, axis.scale, true);
              const half = horizontal ? ctx.measureText(text).width / 2 : axis.font[1] / 2;
              return { text, from: at - half, to: at + half };
            })
            .filter((b) => b.text !== '')
            .sort((a, b) => a.from - b.from);
          for (let k = 1; k < boxes.length; k++)
            if (boxes[k].from < boxes[k - 1].to) out.push(`${what}: ${boxes[k - 1].text} overlaps ${boxes[k].text} on the ${horizontal ? 'x' : 'y'} axis`);
        }
        return out;
      };
      const el = document.querySelector(selector) as unknown as {
        plot?: Plot;
        plots?: Plot[];
        UPlot: new (o: unknown, d: unknown, t: HTMLElement) => Plot;
        spec(width: number, scale: number): { opts: unknown; data: unknown };
      };
      // One chart (band-chart) or several (the lab's charts panel), as drawn on the page.
      const found = (el.plot ? [el.plot] : (el.plots ?? [])).flatMap((u, k) => check(u, `${selector} ${k + 1} as shown`));
      for (const { width, scale } of sizes) {
        const host = document.createElement('div');
        host.style.cssText = 'position:absolute;left:-100000px;top:0;';
        document.body.append(host);
        const { opts, data } = el.spec(width, scale);
        const u = new el.UPlot(opts, data, host);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        found.push(...check(u, `${selector} at ${width} px × ${scale}`));
        u.destroy();
        host.remove();
      }
      return found;
    },
    { selector, sizes },
  );
}

describe('chart axes', () => {
  it('never set tick labels on top of each other: a chapter\u2019s chart as shown, narrow, and as a figure at twice the size (issue 21)', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${inject('baseUrl')}#story=three-models`);
    await page.locator('#story-run').waitFor();
    await page.locator('.story-option input').first().check();
    await page.locator('#story-run').click();
    await page.locator('.story-result band-chart canvas').first().waitFor({ timeout: 120_000 });
    await expect.poll(() => page.evaluate(() => !!(document.querySelector('.story-result band-chart') as unknown as { plot?: unknown }).plot)).toBe(true);
    const found = await overlaps(page, '.story-result band-chart', [
      { width: 300, scale: 1 },
      { width: 600, scale: 1 },
      { width: 1000, scale: 2 },
      { width: 1400, scale: 2 },
    ]);
    expect(found).toEqual([]);
    await page.close();
  });

  it('never set tick labels on top of each other in the lab’s live charts, at a desktop and a narrow width', async () => {
    for (const width of [1440, 420]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(inject('baseUrl'));
      await waitForStatus(page, 'ready');
      await page.getByRole('button', { name: 'Step a week' }).first().click();
      await expect.poll(() => page.evaluate(() => (document.querySelector('charts-panel') as unknown as { plots: unknown[] }).plots.length)).toBeGreaterThan(0);
      expect(await overlaps(page, 'charts-panel', [])).toEqual([]);
      await page.close();
    }
  });

  it('catch labels that collide: uPlot\u2019s unscaled tick spacing on a chart drawn twice as large does', async () => {
    // The check itself can fail: the figure's old settings (spacing not scaled with the drawing) put day labels on top of each other.
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${inject('baseUrl')}#story=three-models`);
    await page.locator('.story-option input').first().check();
    await page.locator('#story-run').click();
    await page.locator('.story-result band-chart canvas').first().waitFor({ timeout: 120_000 });
    await page.evaluate(() => {
      const el = document.querySelector('.story-result band-chart') as unknown as { spec(w: number, s: number): { opts: { axes: { space: number }[] } } };
      const spec = el.spec.bind(el);
      // Tick spacing left at uPlot's default (50 px), unscaled, while labels are drawn twice as large.
      el.spec = (w, s) => {
        const r = spec(w, s);
        r.opts.axes[0].space = 50;
        return r;
      };
    });
    const found = await overlaps(page, '.story-result band-chart', [{ width: 1400, scale: 2 }]);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/overlaps .* on the x axis/);
    await page.close();
  });
});
