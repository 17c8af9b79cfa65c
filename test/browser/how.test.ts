import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MECHANISMS, mechanism } from '../../src/story/mechanisms.ts';
import { launch, openPage, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The id of what has keyboard focus. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('How it works (issue 21)', () => {
  it('a #how link opens the mechanisms in plain words at the one named, each with its parameters from the schema', async () => {
    const { page, errors } = await openPage(browser, '#how=booking');
    await page.locator('how-view').waitFor();
    await expect.poll(() => focusedId(page)).toBe('how-booking-title');
    expect(await page.locator('.how-index li').allInnerTexts()).toEqual(MECHANISMS.map((m) => m.title()));
    expect(await page.locator('.how-mechanism h3').allInnerTexts()).toEqual(MECHANISMS.map((m) => m.title()));
    // The patrol mechanism's numbers: the profiling multiplier, its default, range and source, as the schema gives them.
    const patrol = page.locator('#how-patrol');
    await patrol.locator('summary').click();
    const row = patrol.locator('tbody tr', { hasText: 'Profiling multiplier' });
    expect(await row.locator('td').allInnerTexts()).toEqual(['4', 'a number from 1 to 20 (ratio)', expect.stringMatching(/DOJ findings letter/)]);
    expect(await patrol.locator('tbody tr').count()).toBe(mechanism('patrol').parameters.length);
    // The index moves to a mechanism and says so in the address.
    await page.locator('.how-index a[href="#how=trust"]').click();
    await expect.poll(() => focusedId(page)).toBe('how-trust-title');
    expect(new URL(page.url()).hash).toBe('#how=trust');
    // A link pasted into the open tab opens its mechanism.
    await page.evaluate(() => (location.hash = '#how=clearance'));
    await expect.poll(() => focusedId(page)).toBe('how-clearance-title');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("a chapter links to the mechanisms its policy works through, and each sentence of its why account to its own; the way back keeps the chapter's result", async () => {
    const { page, errors } = await openPage(browser, '#story=three-models');
    await page.locator('#story-run').waitFor();
    const how = page.locator('.story-how a');
    await expect.poll(() => how.count()).toBeGreaterThan(3);
    await page.locator('.story-option input').first().check();
    await page.locator('#story-run').click();
    await page.locator('.story-why li').first().waitFor({ timeout: 120_000 });
    const sentences = await page.locator('.story-why li .why-text').allInnerTexts();
    // The second sentence (what people came to believe) links to how belief spreads.
    await page.getByRole('link', { name: 'How this works: How belief, trust and fear spread' }).click();
    await expect.poll(() => focusedId(page)).toBe('how-spread-title');
    expect(await page.locator('story-view').isHidden()).toBe(true);
    const followed = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    // Each mechanism has its own way back, so it is near wherever the reader is.
    expect(await page.locator('#how-spread .how-back-here').count()).toBe(1);
    await page.getByRole('button', { name: 'Back to the chapter' }).first().click();
    await page.locator('story-view').waitFor();
    // Focus returns to the link that was followed, and the result is as it was.
    await expect.poll(followed).toBe('How this works: How belief, trust and fear spread');
    expect(await page.locator('.story-why li .why-text').allInnerTexts()).toEqual(sentences);
    // The browser's Back does the same, and Forward returns to the mechanism.
    const chapterHash = new URL(page.url()).hash;
    await page.getByRole('link', { name: 'How this works: Where offenders strike, and what they learn' }).click();
    await expect.poll(() => focusedId(page)).toBe('how-offending-title');
    await page.goBack();
    await page.locator('story-view').waitFor();
    expect(new URL(page.url()).hash).toBe(chapterHash);
    await expect.poll(followed).toBe('How this works: Where offenders strike, and what they learn');
    expect(await page.locator('.story-why li .why-text').allInnerTexts()).toEqual(sentences);
    await page.goForward();
    await expect.poll(() => focusedId(page)).toBe('how-offending-title');
    // The view switch reaches it too.
    await page.getByRole('button', { name: 'Start here: the story' }).click();
    await page.getByRole('button', { name: 'How it works' }).click();
    await page.locator('how-view').waitFor();
    expect(new URL(page.url()).hash).toBe('#how');
    await waitForStatus(page, 'ready', 'finished', 'paused');
    expect(errors).toEqual([]);
    await page.close();
  });
});
