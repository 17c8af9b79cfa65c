import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { changeColour, MODEL_COLOURS } from '../../src/ui/counties/map-colours.ts';
import { launch, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The Real counties view on a fresh page (a context of its own, as axe-core's binding asks), its map drawn. */
async function counties(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Real counties' }).click();
  await page.locator('svg.county-map path[data-fips="04013"]').waitFor({ timeout: 60_000 });
  return { page, errors };
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const field = (page: Page, path: string) => page.locator('scenario-panel').locator(`[data-path="${path}"] input`);

describe('Real counties', () => {
  it('colours the map by agreement, finds a county by name, and opens it in the lab with its name and composition', async () => {
    const { page, errors } = await counties();
    // Maricopa's agreement on ICE's list is Mesa police's Jail Enforcement; a county with none is pale.
    expect(await page.locator('path[data-fips="04013"]').getAttribute('fill')).toBe(MODEL_COLOURS.jailEnforcement);
    expect(await page.locator('path[data-fips="06037"]').getAttribute('fill')).toBe(MODEL_COLOURS.none);
    await page.getByLabel('Find a county').fill('Alamance, NC');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Alamance County, NC');
    const facts = page.locator('.county-facts');
    expect(await facts.textContent()).toMatch(/Warrant Service Officer model: Alamance County Sheriff's Office/);
    expect(await facts.textContent()).toMatch(/37001/);
    await page.getByRole('button', { name: 'Open in the lab' }).click();
    expect(await page.getByRole('button', { name: 'Explore a run' }).getAttribute('aria-pressed')).toBe('true');
    // The run is the county's once it is built (the default run the page started with may finish loading after the click).
    await expect.poll(() => page.locator('.controls h2').textContent(), { timeout: 60_000 }).toBe('Alamance County, NC (1:10)');
    await waitForStatus(page, 'ready', 'paused');
    expect(await field(page, 'jurisdictions[0].name').inputValue()).toBe('Alamance County');
    // Composition: Alamance is 13.8% Latino (people); the households' share is a little lower (they are larger).
    const latino = Number(await field(page, 'jurisdictions[0].latinoShare').inputValue());
    expect(latino).toBeGreaterThan(0.1);
    expect(latino).toBeLessThan(0.138);
    expect(errors).toEqual([]);
  });

  it('is reached from the view switch by keyboard: one Tab stop, arrow keys between the views', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: 'Explore a run' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedText(page)).toBe('Compare scenarios');
    await page.keyboard.press('End');
    expect(await focusedText(page)).toBe('How it works');
    await page.keyboard.press('ArrowLeft');
    expect(await focusedText(page)).toBe('Real counties');
    await page.keyboard.press('Enter');
    await page.locator('svg.county-map path[data-fips="04013"]').waitFor({ timeout: 60_000 });
    // The switch is one stop: only the current view's button is in the Tab order.
    expect(await page.locator('.views-switch button[tabindex="0"]').allTextContents()).toEqual(['Real counties']);
    await context.close();
  });

  it('picks a county on the map by clicking it, and from the lists by keyboard alone', async () => {
    const { page } = await counties();
    const box = (await page.locator('path[data-fips="48201"]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('#county-facts-title').textContent()).toBe('Harris County, TX');
    // The search's matches, by Tab and Enter.
    await page.getByLabel('Find a county').focus();
    await page.keyboard.type('Franklin, VA');
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toMatch(/^Franklin County, VA/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Franklin County, VA');
    // The list of every county with an agreement, opened and used by keyboard.
    await page.locator('.county-all summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const first = await focusedText(page);
    expect(first).toMatch(/, [A-Z]{2} — /);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe(first.split(' — ')[0]);
    // The map itself pans and zooms from the keyboard.
    await page.locator('svg.county-map').focus();
    const before = await page.locator('svg.county-map').getAttribute('viewBox');
    await page.keyboard.press('0');
    await page.keyboard.press('+');
    expect(await page.locator('svg.county-map').getAttribute('viewBox')).not.toBe(before);
  });

  it('opens a county with an agreement as a story chapter against its twin', async () => {
    const { page, errors } = await counties();
    await page.getByLabel('Find a county').fill('37001');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Open as a story chapter' }).click();
    await expect.poll(() => page.locator('#chapter-title').textContent(), { timeout: 60_000 }).toBe('Alamance County, NC');
    expect(await page.locator('story-view').textContent()).toMatch(
      /what does the Warrant Service Officer model agreement do to the share of crimes against Latino residents/,
    );
    expect(errors).toEqual([]);
  });

  it('colours the map by a national run, and saves the map as a figure', async () => {
    const { page } = await counties();
    const estimate = (mean: number) => ({ mean, lo: mean - 0.01, hi: mean + 0.01, n: 2 });
    const report = {
      kind: 'trustfall-nation',
      format: 1,
      asOf: '2025-07-18',
      scale: 100,
      seed: 1,
      replicates: 2,
      counties: [{ fips: '04013', estimates: { reporting: estimate(-0.12), victimisation: estimate(0), removals: estimate(0) } }],
      totals: { reportingAll: estimate(-0.03) },
    };
    await page
      .locator('.nation-controls input[type=file]')
      .setInputFiles({ name: 'nation.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(report)) });
    await expect.poll(() => page.locator('path[data-fips="04013"]').getAttribute('fill')).toBe(changeColour(-12));
    expect(await page.locator('.nation-controls .caption').textContent()).toMatch(/−3\.0 points/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save the map (PNG)' }).click();
    expect((await download).suggestedFilename()).toBe('trustfall-nation-map.png');
    await page
      .locator('.nation-controls input[type=file]')
      .setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"other"}') });
    expect(await page.locator('.nation-controls [role=alert]').textContent()).toMatch(/x\.json could not be read: it is not the output of sim nation/);
  });

  it('has no serious or critical accessibility violation, with a county picked', async () => {
    const { page } = await counties();
    await page.getByLabel('Find a county').fill('Maricopa');
    await page.keyboard.press('Enter');
    await page.locator('#county-facts-title').waitFor();
    const r = await new AxeBuilder({ page }).analyze();
    expect(
      r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
});
