import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, launch, openPage, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('offline', () => {
  it('once loaded, reloads without a network and runs a preset and a story chapter (a workshop on poor Wi-Fi)', async () => {
    const { page, errors } = await openPage(browser);
    await waitForStatus(page, 'ready');
    // The service worker has precached the app, its Workers and the presets once it controls the page.
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 60_000 });
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest.name).toMatch(/Trustfall/);

    await page.context().setOffline(true);
    // Truly offline: what the service worker has not cached cannot be fetched.
    expect(
      await page.evaluate(() =>
        fetch(`/not-cached-${Date.now()}.json`).then(
          () => 'fetched',
          () => 'failed',
        ),
      ),
    ).toBe('failed');
    await page.reload();
    await waitForStatus(page, 'ready');
    await page.locator('scenario-panel').locator('#preset').selectOption('jail-enforcement');
    await waitForStatus(page, 'ready');
    await expect.poll(() => engine<string>(page, 'scenario.name')).toMatch(/Jail Enforcement/);
    await page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    await expect.poll(() => engine<number>(page, 'day')).toBe(7);
    // The town view (PixiJS, loaded on demand in its own Worker) came from the cache too.
    await page.waitForFunction(() => !!(document.querySelector('town-view') as unknown as { view?: unknown }).view, null, { timeout: 60_000 });
    // The story runs offline too: its chapters are in the bundle, its runs in the cached engine Workers.
    await page.getByRole('button', { name: 'Start here: the story' }).click();
    await page.locator('story-view input[type=range]').press('ArrowRight');
    await page.locator('#story-run').click();
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    // One failed load: the deliberate fetch above; any other would be a file the cache lacks.
    expect(errors).toEqual(['Failed to load resource: net::ERR_INTERNET_DISCONNECTED']);
    await page.close();
  });
});
