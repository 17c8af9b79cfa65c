import AxeBuilder from '@axe-core/playwright';
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

async function open(width: number, height: number): Promise<Page> {
  // A context of its own (axe-core's Playwright binding asks for one).
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await waitForStatus(page, 'ready');
  return page;
}

/** What has keyboard focus, looked for through shadow roots: tag, id and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return `${a?.tagName.toLowerCase()}#${a?.id ?? ''} ${(a?.textContent ?? '').trim()} ${a?.getAttribute('type') ?? ''}`;
  });
}

/** Serious and critical accessibility violations that axe-core finds on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('layout and keyboard', () => {
  it('Play is within the first five Tab stops, and the scenario file can be opened from the keyboard', async () => {
    const page = await open(1440, 900);
    const stops: string[] = [];
    for (let k = 0; k < 5; k++) {
      await page.keyboard.press('Tab');
      stops.push(await focused(page));
    }
    expect(
      stops.some((s) => s.startsWith('button# Play')),
      stops.join(' | '),
    ).toBe(true);
    let reached = false;
    for (let k = 0; k < 20 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = (await focused(page)).endsWith('file');
    }
    expect(reached).toBe(true);
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    expect((await chooser).isMultiple()).toBe(false);
    await page.context().close();
  });

  it('on a 1024 × 768 projector the town and the charts are both in view; at 1440 nothing overflows', async () => {
    const small = await open(1024, 768);
    const inView = (page: Page, selector: string) =>
      page.evaluate((s) => {
        const r = document.querySelector(s)!.getBoundingClientRect();
        return r.top >= 0 && r.top < innerHeight - 100 && r.left >= 0 && r.right <= innerWidth;
      }, selector);
    expect(await inView(small, 'town-view')).toBe(true);
    await expect.poll(() => inView(small, 'charts-panel figure.chart')).toBe(true);
    await small.context().close();
    const wide = await open(1440, 900);
    await wide.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    await expect.poll(() => wide.evaluate(() => document.querySelectorAll('charts-panel canvas').length)).toBeGreaterThan(0);
    const overflow = await wide.evaluate(() => ({
      page: document.documentElement.scrollWidth - innerWidth,
      charts: [...document.querySelectorAll('charts-panel figure.chart')].map(
        (f) => (f.querySelector('canvas')?.getBoundingClientRect().width ?? 0) - f.getBoundingClientRect().width,
      ),
    }));
    expect(overflow.page).toBeLessThanOrEqual(0);
    for (const extra of overflow.charts) expect(extra).toBeLessThanOrEqual(1);
    await wide.context().close();
  });

  it('axe finds no serious or critical violation in Explore or Compare', async () => {
    const page = await open(1440, 900);
    await page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.locator('compare-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});
