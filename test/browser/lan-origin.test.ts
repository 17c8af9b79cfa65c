import { resolve } from 'node:path';
import qrcode from 'qrcode-generator';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtInChapters } from '../helpers/story.ts';
import { encodeChapterLink } from '../../src/ui/state/chapter-link.ts';
import { ROOM_ALPHABET } from '../../src/classroom/protocol.ts';
import type { Chapter } from '../../src/story/chapter.ts';
import { frames } from './browser.ts';
import { launchChromium } from './find-chromium.ts';
import { serveFolder } from './static-server.ts';
import { compareSurvivesWorkerDeath, DEATH_COMPARISON, DEATH_RUN, exploreSurvivesWorkerDeath } from './worker-death.ts';

/**
 * The classroom set-up (`npm run start:network`): the app over plain http at a LAN address, which is
 * not a secure context, so there are no Web Locks and no service worker. Chromium is told that
 * `classroom.test` is this machine, so the page has a non-loopback http origin without a network.
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
let origin: string;
beforeAll(async () => {
  server = await serveFolder(resolve('dist'));
  origin = `http://classroom.test:${server.port}/`;
  const c = inject('chromium');
  browser = await launchChromium({ ...c, args: [...c.args, '--host-resolver-rules=MAP classroom.test 127.0.0.1'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openLan(hash: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(origin + hash);
  // What makes this origin the hard case: no secure context, so no Web Locks.
  expect(await page.evaluate(() => [window.isSecureContext, 'locks' in navigator, 'serviceWorker' in navigator])).toEqual([false, false, false]);
  return { page, errors };
}

/** The QR code the page should show for a link: made here with the same library and settings. */
function qrFor(url: string): string {
  const q = qrcode(0, 'M');
  q.addData(url);
  q.make();
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(q.createSvgTag({ cellSize: 4, margin: 2, scalable: true }))}`;
}

/** A trainer's own chapter: a built-in one under another id and title, so its link carries it whole. */
function trainerChapter(): Chapter {
  const c = structuredClone(builtInChapters()[2]);
  return { ...c, id: 'my-workshop-chapter', title: 'My workshop: the Task Force next door' };
}

describe('over plain http on a LAN address (no Web Locks)', () => {
  it('presenter mode shows the students\u2019 QR code of the chapter\u2019s read-only link at this address, and prints it on the handout', async () => {
    const chapter = builtInChapters()[2];
    const { page, errors } = await openLan(`#story=${chapter.id}`);
    await page.locator('#story-present').click();
    await page.locator('.story.presenting').waitFor();
    const link = await page.locator('.student-link .link-text').textContent();
    expect(link).toBe(`${origin}#story=${chapter.id}&lock=1`);
    expect(await page.locator('.student-link img.qr').getAttribute('src')).toBe(qrFor(link ?? ''));
    expect(await page.locator('.student-link img.qr').isVisible()).toBe(true);
    expect(await page.locator('.student-link.local').count()).toBe(0);
    // Q shows the same code large, to scan from the back of the room; Esc closes it and stays in presenter mode.
    await page.keyboard.press('q');
    const large = page.locator('.qr-large img.qr');
    await large.waitFor();
    expect(await large.getAttribute('src')).toBe(qrFor(link ?? ''));
    expect((await large.boundingBox())!.height).toBeGreaterThan(500);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.qr-large').count()).toBe(0);
    expect(await page.locator('.story.presenting').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.student-link img.qr').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a trainer’s own chapter: a static server gives no short link, so the page says how to get one instead of a QR code no phone can scan (issue 21)', async () => {
    const { page, errors } = await openLan(encodeChapterLink(trainerChapter(), false));
    await page.locator('#story-present').click();
    await page.locator('.student-link').waitFor();
    await expect.poll(() => page.locator('.student-link').textContent()).toMatch(/gives no short links: serve the app with npm run start:network/);
    expect(await page.locator('.student-link img.qr').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a trainer’s own chapter served by npm start / start:network: its QR code holds a short link that opens the chapter (issue 21)', async () => {
    const chapter = trainerChapter();
    const served = inject('baseUrl').replace('127.0.0.1', 'classroom.test');
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served + encodeChapterLink(chapter, false));
    await page.locator('#story-present').click();
    await page.locator('.student-link img.qr').waitFor();
    const link = (await page.locator('.student-link .link-text').textContent()) ?? '';
    expect(link).toMatch(new RegExp(`^${served}s/[${ROOM_ALPHABET}]{8}$`));
    expect(await page.locator('.student-link img.qr').getAttribute('src')).toBe(qrFor(link));
    // A phone at 1 m: the short link's code is version 3 or less (29 modules a side), against about 125 for the long one.
    const q = qrcode(0, 'M');
    q.addData(link);
    q.make();
    expect(q.getModuleCount()).toBeLessThanOrEqual(29);
    // A student's phone opening it lands on the chapter, read-only.
    const phone = await browser.newPage();
    await phone.goto(link);
    await expect.poll(() => phone.locator('#chapter-title').textContent()).toBe(chapter.title);
    expect(phone.url()).toContain('#chapter=');
    await phone.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Explore rebuilds the run in a fresh Worker when its Worker dies, and Reset is never needed', async () => {
    const { page, errors } = await openLan(DEATH_RUN);
    await exploreSurvivesWorkerDeath(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Compare replaces a Worker that dies mid-run and completes with every replicate', async () => {
    const { page, errors } = await openLan(DEATH_COMPARISON);
    await compareSurvivesWorkerDeath(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page older than the build now served says to reload, and starts each missing Worker once, not over and over', async () => {
    const { page } = await openLan(DEATH_COMPARISON);
    await page.waitForSelector('compare-view');
    // A new build replaces the old: none of the files this page was built with is there any more.
    server.deploy(mkdtempSync(resolve(tmpdir(), 'trustfall-new-build-')));
    const before = server.log.length;
    await page.getByRole('button', { name: 'Run comparison' }).click();
    const problem = page.locator('compare-view [role=alert]', { hasText: 'could not be loaded' });
    await expect.poll(() => problem.textContent(), { timeout: 60_000 }).toMatch(/reload the page/);
    const asked = () => server.log.slice(before).filter((r) => /engine\.worker-.*\.js$/.test(r.path));
    const workers = await page.evaluate(() => Math.max(1, (navigator.hardwareConcurrency || 2) - 1));
    await frames(page, 30);
    expect(asked().length).toBeGreaterThan(0);
    expect(asked().length).toBeLessThanOrEqual(workers);
    expect(asked().every((r) => r.status === 404)).toBe(true);
    server.deploy(resolve('dist'));
    await page.close();
  });
});
