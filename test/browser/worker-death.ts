import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { encodeComparison, encodeRun } from '../../src/ui/state/share-link.ts';
import { engine, idle, waitForStatus } from './browser.ts';

/** A small run (seconds a year) for Explore to rebuild. */
export const DEATH_RUN = encodeRun({
  scenario: {
    name: 'Small Task Force',
    run: { years: 1.5, activationDay: 180, burnInWeeks: 52 },
    jurisdictions: [{ name: 'Small County', residents: 8000, gridWidth: 5, gridHeight: 4, policy: { model: 'taskForce', deputisedShare: 0.3 } }],
    policing: { stopsPerOfficerDay: 0.5 },
  },
  seed: 6,
});

const town = (name: string, model: string) => ({
  name,
  run: { years: 1, activationDay: 120, burnInWeeks: 26 },
  jurisdictions: [{ residents: 4000, gridWidth: 4, gridHeight: 4, policy: { model, deputisedShare: 0.3 } }],
  policing: { stopsPerOfficerDay: 0.5 },
});
/** A comparison of 40 runs (several seconds), so a Worker can be closed while work remains. */
export const DEATH_COMPARISON = encodeComparison({
  slots: [{ scenario: town('Small, no agreement', 'none') }, { scenario: town('Small, Task Force', 'taskForce') }],
  replicates: 20,
  seed: 5,
  survey: 0,
});

/**
 * A Worker's death as a crash would bring it: closed from inside, so no event reaches the page and it
 * never answers again. Shared by the tests on a secure origin (Web Locks) and on a LAN-style http one
 * (no Web Locks), which must recover the same way.
 */
async function closeWorker(page: Page, named: (name: string) => boolean): Promise<void> {
  const all = await Promise.all(page.workers().map(async (w) => ({ w, name: await w.evaluate(() => self.name).catch(() => '') })));
  const victim = all.find((x) => named(x.name));
  expect(victim, 'a Worker of that name').toBeDefined();
  await victim!.w.evaluate(() => self.close()).catch(() => undefined);
}

/** Explore, on a page opened at a small run: the run is rebuilt in a fresh Worker to the same day and numbers. */
export async function exploreSurvivesWorkerDeath(page: Page): Promise<void> {
  await waitForStatus(page, 'ready');
  const step = () => page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
  await step();
  for (let k = 0; k < 20; k++) {
    await idle(page);
    await step();
  }
  await idle(page);
  const refresh = () =>
    page.evaluate(() => (document.querySelector('trustfall-app') as unknown as { engine: { refreshSummary(): Promise<unknown> } }).engine.refreshSummary());
  await refresh();
  const day = await engine<number>(page, 'day');
  const weeks = await engine<number>(page, 'weekly.weeks');
  const trust = await engine<number>(page, 'summary.jurisdictions.0.groups.all.before.meanTrust');
  expect(day).toBeGreaterThan(100);
  await closeWorker(page, (name) => name === 'trustfall-engine');
  const note = page.locator('.notice[role=status]', { hasText: 'The engine stopped unexpectedly and was restarted' });
  await expect.poll(() => note.textContent(), { timeout: 60_000 }).toMatch(new RegExp(`rebuilt to day ${day}, exactly as it was`));
  expect(await engine<number>(page, 'day')).toBe(day);
  expect(await engine<number>(page, 'weekly.weeks')).toBe(weeks);
  await refresh();
  expect(await engine<number>(page, 'summary.jurisdictions.0.groups.all.before.meanTrust')).toBe(trust);
  expect(await engine<string>(page, 'status')).toBe('ready');
  // And it goes on running.
  await step();
  await expect.poll(() => engine<number>(page, 'day')).toBe(day + 7);
}

/** Compare, on a page opened at a comparison of 40 runs: a pool Worker dies mid-run and every replicate still comes in. */
export async function compareSurvivesWorkerDeath(page: Page): Promise<void> {
  await page.waitForSelector('compare-view');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const progress = page.locator('.compare-progress');
  const doneSoFar = async () => Number(/(\d+) of 40/.exec((await progress.textContent()) ?? '')?.[1] ?? 0);
  await expect.poll(doneSoFar, { timeout: 120_000 }).toBeGreaterThan(0);
  await closeWorker(page, (name) => name.startsWith('trustfall-pool-'));
  expect(await doneSoFar()).toBeLessThan(40);
  await expect.poll(async () => (await progress.textContent()) ?? '', { timeout: 180_000 }).toMatch(/40 of 40 replicates done/);
  expect(await progress.textContent()).toMatch(/A worker stopped during the run; a fresh one took over/);
  expect(await page.locator('.diff-table[data-group=all] tr', { hasText: 'Crimes reported' }).count()).toBe(1);
}
