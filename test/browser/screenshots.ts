/**
 * `npm run screenshots`: pictures of the main views for the README and docs/ (docs/screenshots/), taken from the
 * production build in headless Chromium. Rerun after visible changes and look at them; name some
 * (`npm run screenshots -- real-counties`) to take only those.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { findChromium, launchChromium } from './find-chromium.ts';
import { serveBuild } from './serve.ts';
import { resolve } from 'node:path';
import { startClassroom } from '../../src/cli/classroom/server.ts';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const { url, server } = await serveBuild();
const chromium = await findChromium();
// The story as a trainer serves it to a room (npm run start:network): at a network address, where the page
// shows the students' QR code (at 127.0.0.1 it shows a notice instead). Chromium takes classroom.test for this machine.
const browser = await launchChromium({ ...chromium, args: [...chromium.args, '--host-resolver-rules=MAP classroom.test 127.0.0.1'] });
const roomUrl = url.replace('127.0.0.1', 'classroom.test');

const status = (page: Page, s: string) =>
  page.waitForFunction((want) => (document.querySelector('trustfall-app') as unknown as { engine?: { status: string } })?.engine?.status === want, s, {
    timeout: 120_000,
  });
const dayAtLeast = (page: Page, d: number) =>
  page.waitForFunction((min) => ((document.querySelector('trustfall-app') as unknown as { engine?: { day: number } })?.engine?.day ?? -1) >= min, d, {
    timeout: 120_000,
  });

async function taskForceMidRun(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(url);
  await status(page, 'ready');
  await page.evaluate(`document.querySelector('trustfall-app').engine.speed = 365`);
  await page.getByRole('button', { name: 'Play' }).click();
  await dayAtLeast(page, 640);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/task-force-mid-run.png` });
  const canvas = page.locator('town-view .canvas');
  await canvas.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('+');
  await page.waitForTimeout(800);
  await page.locator('section.town').screenshot({ path: `${OUT}/town-view-zoomed.png` });
  await page.locator('resident-inspector input').fill('12345');
  await page.locator('resident-inspector').getByRole('button', { name: 'Inspect' }).click();
  await page.waitForTimeout(800);
  await page
    .locator('.views')
    .nth(1)
    .screenshot({ path: `${OUT}/summary-and-inspector.png` });
  await page.close();
}

async function twoCounties(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(url);
  await status(page, 'ready');
  await page.locator('scenario-panel').locator('#preset').selectOption('task-force-with-neighbour');
  await status(page, 'ready');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await status(page, 'finished');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/two-counties-finished.png` });
  await page.close();
}

async function badLink(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 700 } });
  await page.goto(url + '#run=tampered%%%');
  await status(page, 'ready');
  await page.screenshot({ path: `${OUT}/tampered-link.png` });
  const field = page.locator('scenario-panel').locator('[data-path="jurisdictions[0].policy.profilingMultiplier"]');
  await field.locator('input').fill('30');
  await field.locator('input').press('Tab');
  await page.waitForTimeout(300);
  await field.screenshot({ path: `${OUT}/field-error.png` });
  await page.close();
}

async function compareView(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Compare scenarios' }).click();
  await page.locator('#cmp-replicates').fill('6');
  await page.locator('#cmp-replicates').press('Tab');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await page.waitForSelector('band-chart canvas', { timeout: 300_000 });
  await page.locator('#cmp-group').selectOption('latinoNoncitizen');
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/compare-bands-and-differences.png`, fullPage: false });
  await page.getByRole('button', { name: 'Show the two towns' }).click();
  await page.getByRole('button', { name: 'Play both' }).waitFor();
  await page.waitForFunction(() => !(document.querySelector('twin-towns button.primary') as HTMLButtonElement | null)?.disabled, null, { timeout: 120_000 });
  // A quarter a second: mid-run after 3 s (at a year a second both towns had finished and Pause was gone).
  await page.evaluate(`document.querySelector('twin-towns').speed = 91`);
  await page.getByRole('button', { name: 'Play both' }).click();
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: 'Pause both' }).click();
  await page.waitForTimeout(1000);
  await page.locator('twin-towns').screenshot({ path: `${OUT}/compare-twin-towns.png` });
  await page.close();
}

async function evidence(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(url);
  await status(page, 'ready');
  await page.getByRole('button', { name: 'Run to end' }).click();
  await status(page, 'finished');
  const panel = page.locator('sensitivity-panel');
  await panel.locator('#sens-trajectories').fill('3');
  await panel.locator('#sens-trajectories').press('Tab');
  await panel.getByLabel('Social influence on trust (off / on)').check();
  await panel.getByRole('button', { name: 'Screen' }).click();
  await page.waitForFunction(() => (document.querySelector('sensitivity-panel')?.shadowRoot?.querySelectorAll('.effects tbody tr').length ?? 0) > 0, null, {
    timeout: 300_000,
  });
  await page.locator('section[aria-label="Against published figures"]').screenshot({ path: `${OUT}/target-cards.png` });
  await page.locator('section[aria-label="Sensitivity"]').screenshot({ path: `${OUT}/sensitivity.png` });
  await page.close();
}

/** The story, presenter mode with its QR code, and the printed prediction and answer sheets, at a projector's 1024 × 768 and at 1440 × 900, in English and Spanish. */
async function story(): Promise<void> {
  for (const [lang, w, h] of [
    ['en', 1024, 768],
    ['en', 1440, 900],
    ['es', 1024, 768],
    ['es', 1440, 900],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: w, height: h }, locale: lang === 'es' ? 'es-ES' : 'en-US' });
    const page = await context.newPage();
    const name = (what: string) => `${OUT}/${what}-${w}x${h}${lang === 'es' ? '-es' : ''}.png`;
    await page.goto(`${roomUrl}#story=task-force`);
    await page.locator('#chapter-title').waitFor();
    await page.locator('story-view input[type=radio]').first().check();
    await page.locator('#story-run').click();
    await page.locator('.story-sentences p').first().waitFor({ timeout: 300_000 });
    await page.waitForTimeout(800);
    await page.locator('#chapter-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: name('story') });
    if (w === 1440 && lang === 'en') {
      // The two towns playing beside the result, and why, in the run's own numbers.
      await page.locator('.story-why').scrollIntoViewIfNeeded();
      await page.waitForTimeout(3000);
      await page.screenshot({ path: name('story-why-towns'), fullPage: false });
    }
    await page.locator('#story-present').click();
    await page.locator('.story.presenting').waitFor();
    await page.locator('#chapter-title').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: name('presenter') });
    await page.locator('.student-link').scrollIntoViewIfNeeded();
    await page.screenshot({ path: name('presenter-qr') });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: name('handout-print'), fullPage: true });
    await page.evaluate(() => {
      document.documentElement.dataset.print = 'answer';
    });
    await page.screenshot({ path: name('answer-print'), fullPage: true });
    await context.close();
  }
}

async function realCounties(): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
  await page.goto(`${url}#counties`);
  await page.locator('svg.county-map path[data-fips="04013"]').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: `${OUT}/real-counties-map.png` });
  await page.getByLabel('Find a county').fill('Alamance, NC');
  await page.keyboard.press('Enter');
  await page.locator('#county-facts-title').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/real-counties-picked.png`, fullPage: true });
  await page.close();
}

/** Class mode: the projector with the room's predictions beside the model's answer, and a student's phone. */
async function classroom(): Promise<void> {
  const c = await startClassroom({ root: resolve('dist'), publicUrl: (port) => `http://classroom.test:${port}` });
  try {
    const trainer = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await trainer.goto(c.localTrainerUrl);
    await trainer.locator('class-panel .class-code').first().waitFor();
    await trainer.keyboard.press('PageDown');
    const phones: Page[] = [];
    for (let k = 0; k < 14; k++) {
      const p = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
      await p.goto(c.localTrainerUrl.replace(/#.*/, `j/${c.room.code}`));
      await p.locator('class-student label.option').first().waitFor();
      // A room that mostly expects a fall.
      await p.locator('class-student label.option').nth([0, 0, 1, 1, 1, 0, 2, 1, 0, 3, 1, 0, 2, 1][k]).click();
      phones.push(p);
    }
    await trainer.locator('.class-counts', { hasText: '14 answered' }).waitFor();
    await trainer.screenshot({ path: `${OUT}/class-voting-1920x1080.png` });
    await trainer.keyboard.press(' ');
    await trainer.locator('.class-distribution').waitFor({ timeout: 120_000 });
    await trainer.waitForTimeout(500);
    await trainer.screenshot({ path: `${OUT}/class-result-1920x1080.png` });
    await phones[0].locator('class-student .model').waitFor();
    await phones[0].screenshot({ path: `${OUT}/class-phone-390x844.png` });
    for (const p of phones) await p.context().close();
    await trainer.close();
  } finally {
    await c.close();
  }
}

/** How it works, in English and Spanish: the index and a mechanism with its parameters open. */
async function how(): Promise<void> {
  for (const locale of ['en', 'es']) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
    const page = await context.newPage();
    await page.goto(`${url}#how`);
    await page.locator('how-view').waitFor();
    await page.locator('#how-patrol summary').click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/how-it-works-1440x900${locale === 'es' ? '-es' : ''}.png` });
    await context.close();
  }
}

/** Every picture by name; `npm run screenshots -- real-counties` takes only the ones named. */
const SHOTS: Record<string, () => Promise<void>> = {
  story,
  evidence,
  compare: compareView,
  'task-force': taskForceMidRun,
  'two-counties': twoCounties,
  'bad-link': badLink,
  'real-counties': realCounties,
  classroom,
  how,
};
const named = process.argv.slice(2);
for (const n of named) if (!SHOTS[n]) throw new Error(`no screenshot named ${n}; the names: ${Object.keys(SHOTS).join(', ')}`);

try {
  for (const [n, shot] of Object.entries(SHOTS)) if (named.length === 0 || named.includes(n)) await shot();
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
}
