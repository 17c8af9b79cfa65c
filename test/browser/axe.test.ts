import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, launch, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility of every view (axe-core)', () => {
  it('finds nothing moderate, serious or critical in the lab, the story (before and after a run), presenter mode, comparisons, real counties, how it works and the phone page', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const base = inject('baseUrl');
    const found: Record<string, string[]> = {};
    await page.goto(base);
    await waitForStatus(page, 'ready');
    found.lab = await axeViolations(page);
    await page.goto(`${base}#story=three-models`);
    await page.locator('#story-run').waitFor();
    found.story = await axeViolations(page);
    await page.locator('.story-option input').first().check();
    await page.locator('#story-run').click();
    await page.locator('.story-result band-chart canvas').first().waitFor({ timeout: 120_000 });
    found['story after a run'] = await axeViolations(page);
    await page.locator('#story-present').click();
    await page.locator('.story.presenting').waitFor();
    found.presenter = await axeViolations(page);
    await page.goto(`${base}#how=patrol`);
    await page.locator('#how-patrol summary').click();
    found['how it works'] = await axeViolations(page);
    await page.goto(`${base}#counties`);
    await page.locator('svg.county-map path').first().waitFor({ timeout: 60_000 });
    found['real counties'] = await axeViolations(page);
    await page.goto(base);
    await waitForStatus(page, 'ready');
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.locator('compare-view').waitFor();
    found.compare = await axeViolations(page);
    // The phone page of class mode: asking for a class code, and joining one (no classroom server here: it keeps trying).
    await page.goto(`${base}class.html`);
    await page.locator('class-student input#code').waitFor();
    found['phone, code form'] = await axeViolations(page);
    await page.goto(`${base}class.html#ABCDEFGH`);
    await page.locator('class-student .connection').waitFor();
    found['phone, joining'] = await axeViolations(page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await page.close();
  });
});
