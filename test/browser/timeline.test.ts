import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type RunSummary, stepDays, summarise } from '../../src/engine/index.ts';
import { resolveScenario } from '../../src/scenario/index.ts';
import { encodeRun } from '../../src/ui/state/share-link.ts';
import { engine, idle, launch, openPage, waitForStatus } from './browser.ts';

/** A small run: 8,000 residents, 1.5 years, policy from day 180. */
const SMALL = {
  name: 'Small Task Force',
  run: { years: 1.5, activationDay: 180, burnInWeeks: 52 },
  jurisdictions: [{ name: 'Small County', residents: 8000, gridWidth: 5, gridHeight: 4, policy: { model: 'taskForce', deputisedShare: 0.3 } }],
};
const SEED = 8;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The summary of the same scenario and seed run without a break to `day`, here in Node with the same engine. */
function unbroken(day: number): RunSummary {
  const w = createWorld(resolveScenario(SMALL), SEED, 0);
  stepDays(w, -w.day + day);
  return summarise(w);
}

/** The page's summary of the day its run stands on (asked for afresh). */
function pageSummary(page: Page): Promise<RunSummary> {
  return page.evaluate(() =>
    (document.querySelector('trustfall-app') as unknown as { engine: { refreshSummary(): Promise<RunSummary> } }).engine.refreshSummary(),
  );
}

async function dayIs(page: Page, day: number): Promise<void> {
  await expect.poll(() => engine<number>(page, 'day'), { timeout: 60_000 }).toBe(day);
  await idle(page);
}

describe('the timeline', () => {
  it('scrubs back to the day the policy started and forward again, and shows what an unbroken run shows on each day', async () => {
    const { page, errors } = await openPage(browser, encodeRun({ scenario: SMALL, seed: SEED }));
    await waitForStatus(page, 'ready');
    const controls = page.locator('run-controls');
    const back = controls.getByRole('button', { name: 'Back to the day the policy started' });
    await expect.poll(() => back.isDisabled()).toBe(true);
    await controls.getByRole('button', { name: 'Run to end' }).click();
    await waitForStatus(page, 'finished');
    const days = await engine<number>(page, 'days');
    expect(await engine<number>(page, 'furthest')).toBe(days);
    const end = await pageSummary(page);

    // Back to the activation day: the summary and the charts' weeks are those of that day.
    await back.click();
    await dayIs(page, 180);
    expect(await engine<string>(page, 'status')).toBe('ready');
    expect(await pageSummary(page)).toEqual(unbroken(180));
    // Weeks end on day 6, 13, …: by day 180, 25 have closed.
    expect(await engine<number>(page, 'weekly.weeks')).toBe(Math.floor(180 / 7));
    const snapshots = await engine<{ count: number; bytes: number }>(page, 'snapshots');
    expect(snapshots.count).toBeGreaterThan(5);

    // Forward with the keyboard on the scrubber, to the last day simulated: the end, as it was.
    const scrubber = controls.locator('#scrubber');
    await scrubber.focus();
    await scrubber.press('End');
    await dayIs(page, days);
    expect(await pageSummary(page)).toEqual(end);
    expect(end).toEqual(unbroken(days));

    // A step back with the arrow key, then back to the start of the policy and play on to the end:
    // the run that went back is the run that never did.
    await scrubber.press('ArrowLeft');
    await dayIs(page, days - 1);
    expect(await pageSummary(page)).toEqual(unbroken(days - 1));
    await back.click();
    await dayIs(page, 180);
    await controls.getByRole('button', { name: 'Run to end' }).click();
    await waitForStatus(page, 'finished');
    expect(await pageSummary(page)).toEqual(end);
    expect(errors).toEqual([]);
    await page.close();
  });
});
