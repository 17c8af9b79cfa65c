import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createWorld, kindGroup } from '../../src/engine/index.ts';
import { DEFAULT_PRESET, presetPath } from '../../src/scenario/presets.ts';
import { parseScenarioText } from '../../src/scenario/index.ts';
import { engine, frames, idle, launch, openPage, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** 400 Latino residents of the default scenario's town (the same town the page builds: same scenario and seed). */
function latinoSample(): number[] {
  const s = parseScenarioText(readFileSync(presetPath(DEFAULT_PRESET), 'utf8'));
  const w = createWorld(s, s.run.seed, 0);
  const latino: number[] = [];
  for (let r = 0; r < w.residents.count; r++) if (kindGroup(w.residents.kind[r]) < 2) latino.push(r);
  return Array.from({ length: 400 }, (_, k) => latino[Math.floor((k * latino.length) / 400)]);
}

/**
 * The mean colour of the pixels at these residents' centres, in the renderer's own image of the town
 * (skipping any that are not drawn, e.g. removed from the country).
 */
function meanColour(page: Page, ids: number[]): Promise<[number, number, number]> {
  return page.evaluate(async (list) => {
    const view = (
      document.querySelector('town-view') as unknown as {
        view: { snapshot(): Promise<Blob>; pointsOf(ids: number[]): Promise<Float32Array> };
      }
    ).view;
    const bitmap = await createImageBitmap(await view.snapshot());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const cssWidth = (document.querySelector('town-view') as unknown as { shadowRoot: ShadowRoot }).shadowRoot.querySelector('.canvas')!.clientWidth;
    const scale = bitmap.width / cssWidth;
    const sum = [0, 0, 0];
    let n = 0;
    const points = await view.pointsOf(list);
    for (let k = 0; k < list.length; k++) {
      const [x, y] = [points[2 * k], points[2 * k + 1]];
      if (Number.isNaN(x)) continue;
      const d = ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
      if (d[0] > 240 && d[1] > 235 && d[2] > 225) continue; // paper: not drawn there (removed, or off the view)
      for (let k = 0; k < 3; k++) sum[k] += d[k];
      n++;
    }
    return sum.map((v) => v / Math.max(1, n)) as [number, number, number];
  }, ids);
}

describe('the town shows the change', () => {
  it('on the default scenario, Latino residents turn from grey to red after the Task Force starts (colour: change in trust since activation)', async () => {
    const ids = latinoSample();
    const { page, errors } = await openPage(browser);
    await waitForStatus(page, 'ready');
    const town = page.locator('town-view');
    await page.waitForFunction(() => !!(document.querySelector('town-view') as unknown as { view?: unknown }).view, null, { timeout: 60_000 });
    expect(await town.locator('#town-measure').inputValue()).toBe('trustChange');
    await page.locator('run-controls').getByRole('button', { name: 'Run to end' }).click();
    await waitForStatus(page, 'finished');
    const end = await engine<number>(page, 'day');
    await page.locator('run-controls').getByRole('button', { name: 'Back to the day the policy started' }).click();
    await expect.poll(() => engine<number>(page, 'day')).toBe(await engine<number>(page, 'activationDay'));
    await idle(page);
    await frames(page, 10);
    const before = await meanColour(page, ids);
    const scrubber = page.locator('run-controls').locator('#scrubber');
    await scrubber.focus();
    await scrubber.press('End');
    await expect.poll(() => engine<number>(page, 'day')).toBe(end);
    await idle(page);
    await frames(page, 10);
    const after = await meanColour(page, ids);
    const distance = Math.hypot(after[0] - before[0], after[1] - before[1], after[2] - before[2]);
    console.log(
      `town change: Latino residents' mean colour on the activation day ${before.map(Math.round)} → at the end ${after.map(Math.round)} (RGB distance ${distance.toFixed(0)})`,
    );
    // Grey on the activation day (no change yet: the scale's middle, 150, 150, 150, over 400 residents).
    expect(Math.abs(before[0] - before[2])).toBeLessThan(15);
    // Visibly redder at the end: red up and blue down by tens of levels, and far apart in colour.
    expect(after[0] - after[2]).toBeGreaterThan(before[0] - before[2] + 40);
    expect(distance).toBeGreaterThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the colour legend’s ends beside its ramp at projector and laptop widths (issue 21)', async () => {
    for (const width of [1024, 1366, 1920]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(inject('baseUrl'));
      await waitForStatus(page, 'ready');
      const ramp = page.locator('town-view .legend .ramp').first();
      await ramp.waitFor();
      // Each end label whose middle is not level with the ramp. Read until the page has settled: while the
      // run loads, the town panel is laid out more than once.
      const misplaced = async () => {
        const r = (await ramp.boundingBox())!;
        const out: string[] = [];
        for (const end of await page.locator('town-view .legend .end').all()) {
          const b = await end.boundingBox();
          const middle = b ? b.y + b.height / 2 : Number.NaN;
          if (!(middle > r.y - 4 && middle < r.y + r.height + 4))
            out.push(`${width}: ${await end.textContent()} at ${middle}, ramp ${r.y} to ${r.y + r.height}`);
        }
        return out;
      };
      await expect.poll(misplaced, { timeout: 10_000 }).toEqual([]);
      // The ends in points out of 100, as every screen shows trust.
      expect(await page.locator('town-view .legend .end').allTextContents()).toEqual(['−15 or less', '+15 or more']);
      await page.close();
    }
  });
});
