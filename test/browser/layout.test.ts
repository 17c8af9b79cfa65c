import AxeBuilder from '@axe-core/playwright';
import type { Browser, FileChooser, Page } from 'playwright-core';
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
    // The chooser is intercepted from the start: Playwright turns interception on without waiting for
    // Chromium to confirm it, so a listener attached just before the key press can lose the race on a
    // busy machine; the chooser then opens natively, and Chromium opens no second one while it is up.
    const choosers: FileChooser[] = [];
    page.on('filechooser', (c) => choosers.push(c));
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
    await page.keyboard.press('Space');
    await expect.poll(() => choosers.length).toBe(1);
    expect(choosers[0]!.isMultiple()).toBe(false);
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

  it('axe finds no serious or critical violation in Explore, Compare or the Story (with a chapter\u2019s result shown)', async () => {
    const page = await open(1440, 900);
    await page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.locator('compare-view').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Start here: the story' }).click();
    await page.locator('story-view #chapter-title').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('story-view input[type=range]').press('ArrowRight');
    await page.locator('#story-run').click();
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('for screen readers and careful users', () => {
  it('charts have a text alternative, the clock is announced at most once a simulated month, and there is one Seed field', async () => {
    const page = await open(1440, 900);
    expect(await page.getByLabel('Seed', { exact: true }).count()).toBe(1);
    await page.evaluate(() => {
      const live = document.querySelector('run-controls')!.shadowRoot!.querySelector('[aria-live]')!;
      const w = window as unknown as { announced: string[] };
      w.announced = [];
      new MutationObserver(() => w.announced.push(live.textContent ?? '')).observe(live, { childList: true, characterData: true, subtree: true });
    });
    const start = (await page.evaluate(() => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day)) as number;
    await page.locator('run-controls').getByRole('button', { name: 'Play' }).click();
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day), { timeout: 60_000 })
      .toBeGreaterThan(start + 200);
    await page.locator('run-controls').getByRole('button', { name: 'Pause' }).click();
    const day = (await page.evaluate(() => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day)) as number;
    const announced = await page.evaluate(() => new Set((window as unknown as { announced: string[] }).announced).size);
    // One a month played, plus the starts and stops.
    expect(announced).toBeLessThanOrEqual(Math.ceil((day - start) / 30) + 4);
    const text = await page.locator('charts-panel figure[data-metric=meanTrust] .chart-text').textContent();
    // Trust out of 100, as every screen shows it (the story, the legend, the inspector).
    expect(text).toMatch(/^Week ending day \d+: All [1-9]\d \(first week [1-9]\d\); Latino citizen/);
    await page.context().close();
  });

  it('asks before a preset replaces changes not yet applied', async () => {
    const page = await open(1440, 900);
    const years = page.locator('scenario-panel').getByLabel('Years', { exact: true });
    await years.fill('2');
    await years.press('Tab');
    await expect.poll(() => page.locator('scenario-panel .apply-row .state').textContent()).toBe('Changes not applied yet');
    const shown = await page.locator('scenario-panel #preset').inputValue();
    page.once('dialog', (d) => void d.dismiss());
    await page.locator('scenario-panel #preset').selectOption('jail-enforcement');
    // Declined: the menu shows what it showed ("edited scenario") and the edit stays.
    expect(await page.locator('scenario-panel #preset').inputValue()).toBe(shown);
    expect(await years.inputValue()).toBe('2');
    page.once('dialog', (d) => void d.accept());
    await page.locator('scenario-panel #preset').selectOption('jail-enforcement');
    await expect
      .poll(() =>
        page.evaluate(() => (document.querySelector('trustfall-app') as unknown as { engine: { scenario?: { name: string } } }).engine.scenario?.name),
      )
      .toMatch(/Jail Enforcement/);
    await page.context().close();
  });
});
