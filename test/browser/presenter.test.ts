import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtInChapters } from '../helpers/story.ts';
import { engine, launch, waitForStatus } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const chapters = builtInChapters();
const title = (page: Page) => page.locator('#chapter-title').textContent();

async function openChapter(id: string, width = 1024, height = 768, lock = false): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${inject('baseUrl')}#story=${id}${lock ? '&lock=1' : ''}`);
  await expect.poll(() => title(page)).toBe(chapters.find((c) => c.id === id)?.title);
  return { page, errors };
}

describe('presenter mode', () => {
  it('shows one chapter in large type, answers the clicker keys (arrows, Space, R, B, Esc), and shows the students\u2019 QR code', async () => {
    const { page, errors } = await openChapter(chapters[2].id);
    const normalSize = await page.locator('.story-chapter').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.locator('#story-present').click();
    await page.locator('.story.presenting').waitFor();
    // The header, the chapter list and the lab's controls are gone; the type is larger.
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('.story-nav').isVisible()).toBe(false);
    const size = await page.locator('.story-chapter').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(1.4 * normalSize);
    expect(await page.getByRole('button', { name: 'Open in the lab' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Copy link to this chapter' }).count()).toBe(0);
    // Served at 127.0.0.1, which a phone would take for itself: no QR code, and a notice that says how to serve the room
    // (lan-origin.test.ts checks the QR code at a network address).
    expect(await page.locator('.student-link img.qr').count()).toBe(0);
    expect(await page.locator('.student-link.local .notice').textContent()).toContain('npm run start:network');
    // Clicker keys: next, previous.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => title(page)).toBe(chapters[3].title);
    await page.keyboard.press('PageDown');
    await expect.poll(() => title(page)).toBe(chapters[4].title);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('PageUp');
    await expect.poll(() => title(page)).toBe(chapters[2].title);
    // B blanks the screen and brings it back; arrows do nothing while it is black.
    await page.keyboard.press('b');
    expect(await page.locator('.blackout').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await title(page)).toBe(chapters[2].title);
    await page.keyboard.press('b');
    expect(await page.locator('.blackout').isVisible()).toBe(false);
    // Space runs the chapter without a prediction (the room predicts aloud), R clears the result.
    await page.locator('#chapter-title').focus();
    await page.keyboard.press('Space');
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    const said = await page.locator('.story-sentences p').allTextContents();
    // In plain words: the statistics (replicates, the interval) only when asked for.
    expect(said[0]).toMatch(/^Crimes reported among Latino non-citizens/);
    expect(said[0]).not.toMatch(/replicate|interval/);
    await page.locator('.statistics-toggle input').check();
    await expect
      .poll(() => page.locator('.story-sentences p').first().textContent())
      .toMatch(/^Over 4 paired replicates, crimes reported among Latino non-citizens.*95% interval/);
    await page.locator('.statistics-toggle input').uncheck();
    expect(said.some((s) => s.startsWith('You predicted'))).toBe(false);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.story-result').count()).toBe(0);
    // Escape leaves presenter mode.
    await page.keyboard.press('Escape');
    await page.locator('.story-nav').waitFor();
    expect(await page.locator('.app-header').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('presenter keys work after any click, a mouse vote included, never change the vote, and say what they did', async () => {
    const { page, errors } = await openChapter(chapters[3].id, 1920, 1080);
    await page.locator('#story-present').click();
    await page.locator('.story.presenting').waitFor();
    const votes = page.locator('story-view input[type=radio]');
    const vote = async () => {
      const checked = await votes.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).checked));
      return checked.indexOf(true);
    };
    const note = page.locator('story-view .key-note');
    const clicks: [string, () => Promise<void>][] = [
      ['a vote marked with the mouse', () => votes.nth(1).click()],
      ['the Background summary', () => page.locator('.presenter-background summary').click()],
      ['the chapter text', () => page.locator('#chapter-title').click()],
    ];
    for (const [what, click] of clicks) {
      await click();
      expect(await vote(), what).toBe(1);
      for (const [next, back] of [
        ['ArrowRight', 'ArrowLeft'],
        ['PageDown', 'PageUp'],
        ['ArrowDown', 'ArrowUp'],
      ]) {
        await page.keyboard.press(next);
        await expect.poll(() => title(page)).toBe(chapters[4].title);
        await expect.poll(() => note.textContent()).toBe('Next chapter');
        await page.keyboard.press(back);
        await expect.poll(() => title(page)).toBe(chapters[3].title);
        await expect.poll(() => note.textContent()).toBe('Previous chapter');
        expect(await vote(), `${what}, ${next} then ${back}`).toBe(1);
      }
      await click();
      await page.keyboard.press('b');
      expect(await page.locator('.blackout').isVisible(), what).toBe(true);
      await page.keyboard.press('b');
      expect(await page.locator('.blackout').isVisible(), what).toBe(false);
      expect(await vote(), what).toBe(1);
      // Q shows the students' QR code large; served at 127.0.0.1 there is none, and the key says so.
      await click();
      await page.keyboard.press('q');
      await expect.poll(() => note.textContent()).toBe('No QR code for this page: see the note under the chapter');
      expect(await page.locator('.qr-large').count(), what).toBe(0);
      expect(await vote(), what).toBe(1);
    }
    // Space runs the chapter even with the vote in focus, and R clears it; the vote stays.
    await votes.nth(1).click();
    await page.keyboard.press('Space');
    await expect.poll(() => note.textContent()).toBe('Running the chapter');
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    await votes.nth(1).click();
    await page.keyboard.press('r');
    await expect.poll(() => page.locator('.story-result').count()).toBe(0);
    expect(await vote()).toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('prints a prediction sheet (the question, boxes and lines; no chart, no one\u2019s vote) and, after the run, a separate answer sheet, each one page', async () => {
    const { page } = await openChapter(chapters[3].id, 1440, 900);
    await page.evaluate(() => {
      window.print = () => {};
    });
    const shown = async (selector: string) => page.locator(selector).first().isVisible();
    const pages = async () => (await page.pdf({ format: 'A4' })).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    // The trainer marks an answer and runs the chapter; the prediction sheet still prints neither.
    await page.locator('story-view input[type=radio]').nth(1).check();
    expect(await page.getByRole('button', { name: 'Print answer sheet' }).isDisabled()).toBe(true);
    expect(await page.locator('.student-link.local .notice').isVisible(), 'the 127.0.0.1 notice is on screen outside presenter mode too').toBe(true);
    await page.locator('#story-run').click();
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('.story-sentences .your-prediction').textContent()).toContain('You predicted');
    await page.getByRole('button', { name: 'Print prediction sheet' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await shown('#chapter-title')).toBe(true);
    expect(await shown('.handout-question')).toBe(true);
    expect(await page.locator('.handout-options li .box').count()).toBe(await page.locator('story-view input[type=radio]').count());
    expect(await shown('.handout-options')).toBe(true);
    expect(await shown('.handout-lines .lines')).toBe(true);
    expect(await shown('.student-link.local .notice'), 'the 127.0.0.1 notice is printed in place of a QR code').toBe(true);
    for (const hidden of ['.story-predict', '.story-result', 'band-chart', '.app-header', '.story-nav', '.story-actions', '.story-run-row', '.layout'])
      expect(await shown(hidden), hidden).toBe(false);
    expect(await pages()).toBe(1);
    // The answer sheet: the question and the chart with what it shows; nothing to fill in, no vote.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: 'Print answer sheet' }).click();
    await page.emulateMedia({ media: 'print' });
    expect(await shown('.handout-question')).toBe(true);
    expect(await shown('.story-result band-chart canvas')).toBe(true);
    expect(await shown('.story-sentences')).toBe(true);
    for (const hidden of ['.story-predict', '.handout-options', '.handout-lines .lines', '.story-sentences .your-prediction'])
      expect(await shown(hidden), hidden).toBe(false);
    expect(await pages()).toBe(1);
    await page.context().close();
  });

  it('a facilitator\u2019s link opens the lab read-only: the scenario runs but cannot be edited', async () => {
    const { page, errors } = await openChapter(chapters[3].id, 1440, 900, true);
    await page.getByRole('button', { name: 'Open in the lab' }).click();
    await waitForStatus(page, 'ready');
    expect(await page.locator('.locked-note').isVisible()).toBe(true);
    const disabled = await page.evaluate(() => {
      const root = document.querySelector('scenario-panel')!.shadowRoot!;
      return {
        fieldset: root.querySelector('fieldset.lock')!.matches(':disabled'),
        preset: root.querySelector('#preset')!.matches(':disabled'),
        seed: root.querySelector('#seed')!.matches(':disabled'),
      };
    });
    expect(disabled).toEqual({ fieldset: true, preset: true, seed: true });
    expect(await page.getByText('Open scenario file').isVisible()).toBe(false);
    // Running is still open to the student.
    await page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    await expect.poll(() => engine<number>(page, 'day')).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('served over plain http on a classroom network (no Web Locks there), the story and the lab still run', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // What an insecure context lacks: the page then has no Web Locks (the app used them to notice dead Workers).
    await context.addInitScript(() => {
      delete (Navigator.prototype as unknown as { locks?: unknown }).locks;
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${inject('baseUrl')}#story=baseline`);
    expect(await page.evaluate(() => 'locks' in navigator)).toBe(false);
    await page.locator('story-view input[type=range]').press('ArrowRight');
    await page.locator('#story-run').click();
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Open in the lab' }).click();
    await waitForStatus(page, 'ready');
    await page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    await expect.poll(() => engine<number>(page, 'day')).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
    await context.close();
  });
});
