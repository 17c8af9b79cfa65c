import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeRun } from '../../src/ui/state/share-link.ts';
import { engine, frames, idle, launch, openPage, settledShot, waitForStatus } from './browser.ts';
import { DEATH_RUN, exploreSurvivesWorkerDeath } from './worker-death.ts';

/** A small run so each test takes seconds: 8,000 residents, 1.5 years, policy from day 180. */
const SMALL = {
  name: 'Small Task Force',
  run: { years: 1.5, activationDay: 180, burnInWeeks: 52 },
  jurisdictions: [{ name: 'Small County', residents: 8000, gridWidth: 5, gridHeight: 4, policy: { model: 'taskForce', deputisedShare: 0.3 } }],
  policing: { stopsPerOfficerDay: 0.5 },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The labels of form controls that have none (inputs, selects), searched through shadow roots. */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      root.querySelectorAll('input:not([type=hidden]):not([hidden]), select, button').forEach((el) => {
        const e = el as HTMLInputElement;
        const named = (e.labels && e.labels.length > 0) || e.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent!.trim());
        if (!named) out.push(`${el.tagName.toLowerCase()}#${el.id}`);
      });
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && visit(el.shadowRoot));
    };
    visit(document);
    return out;
  });
}

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run to end' }).click();
  await waitForStatus(page, 'finished');
}

describe('the app', () => {
  it('opens on the default scenario with no console errors and every control labelled', async () => {
    const { page, errors } = await openPage(browser);
    await waitForStatus(page, 'ready');
    expect(await page.locator('.controls h2').textContent()).toBe('Task Force model');
    expect(await page.locator('run-controls').evaluate((el) => el.shadowRoot!.textContent)).toContain('Day 0 of 1095');
    expect(await unlabelled(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('play advances the date, and the charts and the town view change', async () => {
    const { page, errors } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 3 }));
    await waitForStatus(page, 'ready');
    const townBefore = await settledShot(page, 'town-view .canvas');
    const chartsBefore = await settledShot(page, '.charts-grid');
    await page.evaluate(() => ((document.querySelector('trustfall-app') as unknown as { engine: { speed: number } }).engine.speed = 91));
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForFunction(() => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day > 120, null, {
      timeout: 60_000,
    });
    await page.getByRole('button', { name: 'Pause' }).click();
    await idle(page);
    expect(await engine<number>(page, 'weekly.weeks')).toBeGreaterThan(10);
    await expect.poll(() => page.locator('run-controls').evaluate((el) => el.shadowRoot!.textContent)).toMatch(/Day (1[2-9]\d|[2-9]\d\d) of 548/);
    await expect.poll(async () => (await page.locator('town-view .canvas').screenshot()).equals(townBefore)).toBe(false);
    await expect.poll(async () => (await page.locator('.charts-grid').screenshot()).equals(chartsBefore)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('zoomed in close, each household has its plot beside the streets, and an inspected resident shows their ties; fitted, the plots are not drawn (issue 21)', async () => {
    const { page, errors } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 3 }));
    await waitForStatus(page, 'ready');
    const showing = () =>
      page.evaluate(() =>
        (document.querySelector('town-view') as unknown as { view?: { showing(): Promise<{ homes: boolean; layer: string; ties: number }> } }).view?.showing(),
      );
    await expect.poll(showing).toMatchObject({ layer: 'residents', homes: false });
    const canvas = page.locator('town-view .canvas');
    await canvas.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    await expect.poll(async () => (await showing())?.homes).toBe(true);
    expect((await showing())?.layer).toBe('residents');
    // An inspected resident is ringed with a line to each person they are tied to: the ties through which word spreads.
    await page.locator('resident-inspector input').fill('120');
    await page.locator('resident-inspector').getByRole('button', { name: 'Inspect' }).click();
    const ties = () => page.evaluate(() => (document.querySelector('trustfall-app') as unknown as { inspected?: { ties: number[] } }).inspected?.ties.length);
    await expect.poll(ties).toBeGreaterThan(0);
    await expect.poll(async () => (await showing())?.ties).toBe(await ties());
    // Zoomed in elsewhere, the view has moved to show the resident picked by number.
    const [px, py] = await page.evaluate(async () =>
      Array.from(await (document.querySelector('town-view') as unknown as { view: { pointsOf(ids: number[]): Promise<Float32Array> } }).view.pointsOf([120])),
    );
    const box = (await canvas.boundingBox())!;
    expect(px).toBeGreaterThanOrEqual(0);
    expect(px).toBeLessThanOrEqual(box.width);
    expect(py).toBeGreaterThanOrEqual(0);
    expect(py).toBeLessThanOrEqual(box.height);
    expect(await page.locator('resident-inspector').evaluate((el) => el.shadowRoot!.textContent)).toContain(`${await ties()} people outside the household`);
    await canvas.focus();
    await page.keyboard.press('0');
    await expect.poll(async () => (await showing())?.homes).toBe(false);
    // Fitted, the whole town shows and the inspected resident's ties still do.
    expect((await showing())?.ties).toBe(await ties());
    if (process.env.TOWN_SHOT) await page.locator('section.town').screenshot({ path: process.env.TOWN_SHOT });
    expect(errors).toEqual([]);
    await page.close();
  });

  // How long the page's tasks take is a speed figure: `npm run bench:browser` measures it (longest
  // main-thread task while playing). A test on a busy 2-core machine cannot assert a time, so this one
  // checks that the page answers while a run plays, and logs the long tasks it saw.
  it('stays responsive while it runs: Pause answers at once and the run stops (long tasks logged)', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[]; measuring: boolean };
      w.longTasks = [];
      w.measuring = false;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (w.measuring) w.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const { inject } = await import('vitest');
    await page.goto(inject('baseUrl'));
    await waitForStatus(page, 'ready');
    await page.evaluate(() => {
      (window as unknown as { measuring: boolean }).measuring = true;
    });
    await page.getByRole('button', { name: 'Play' }).click();
    // Play for about five simulated months (the default speed is a month a second).
    await page.waitForFunction(() => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day >= 150, null, {
      timeout: 120_000,
    });
    await page.getByRole('button', { name: 'Pause' }).click({ timeout: 2000 });
    const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
    console.log(`long tasks during five simulated months of the default scenario: ${tasks.length} (longest ${Math.max(0, ...tasks).toFixed(0)} ms)`);
    expect(await engine<string>(page, 'status')).toBe('ready');
    // Paused means paused: once a request already on its way has landed, the day does not move on.
    await idle(page);
    const day = await engine<number>(page, 'day');
    expect(day).toBeGreaterThan(60);
    await frames(page, 60);
    expect(await engine<number>(page, 'day')).toBe(day);
    await page.close();
  });

  it('rebuilds the run in a fresh engine Worker when its Worker dies, to the same day and numbers, and says so', async () => {
    const { page, errors } = await openPage(browser, DEATH_RUN);
    await exploreSurvivesWorkerDeath(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a seed typed while a preset is being prepared stays "not applied": the panel never claims a run it is not showing', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 1 }));
    await waitForStatus(page, 'ready');
    await page.locator('#preset').selectOption('jail-enforcement');
    await waitForStatus(page, 'preparing');
    await page.locator('#seed').fill('7');
    await page.locator('#seed').press('Tab');
    await waitForStatus(page, 'ready');
    expect(await engine<number>(page, 'manifest.seed')).toBe(1);
    await expect.poll(() => page.locator('.apply-row .state').textContent()).toBe('Changes not applied yet');
    await page.getByRole('button', { name: 'Apply and restart' }).click();
    await expect.poll(() => engine<number>(page, 'manifest.seed'), { timeout: 60_000 }).toBe(7);
    await expect.poll(() => page.locator('.apply-row .state').textContent()).toBe('Running these settings');
    await page.close();
  });

  it('a changed parameter changes the results', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 5 }));
    await waitForStatus(page, 'ready');
    await runToEnd(page);
    const before = await engine<number>(page, 'summary.jurisdictions.0.groups.all.after.stopDisparity');
    const field = page.locator('scenario-panel').locator('[data-path="jurisdictions[0].policy.profilingMultiplier"] input');
    await field.fill('1');
    await field.press('Tab');
    await page.locator('scenario-panel').getByRole('button', { name: 'Apply and restart' }).click();
    await waitForStatus(page, 'ready');
    await runToEnd(page);
    const after = await engine<number>(page, 'summary.jurisdictions.0.groups.all.after.stopDisparity');
    expect(before).toBeGreaterThan(2.5);
    expect(after).toBeLessThan(1.4);
    // The lab plays one replicate, and the Replicates field says so rather than being ignored in silence.
    expect(await page.locator('scenario-panel').locator('[data-path="run.replicates"] .note').textContent()).toMatch(/plays the first replicate/);
    await page.close();
  });

  it('refuses an out-of-range value at the field, with the reason, and keeps it after a reload', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 5 }));
    await waitForStatus(page, 'ready');
    const field = page.locator('scenario-panel').locator('[data-path="jurisdictions[0].policy.profilingMultiplier"]');
    await field.locator('input').fill('30');
    await field.locator('input').press('Tab');
    await expect.poll(() => field.locator('.error').textContent()).toContain('30 is out of range; allowed a number from 1 to 20');
    expect(await page.locator('scenario-panel').getByRole('button', { name: 'Apply and restart' }).isDisabled()).toBe(true);
    await page.goto(page.url().split('#')[0]);
    await waitForStatus(page, 'invalid', 'ready');
    expect(await page.locator('scenario-panel').locator('[data-path="jurisdictions[0].policy.profilingMultiplier"] input').inputValue()).toBe('30');
    await page.close();
  });
});

describe('sharing and files', () => {
  it('a shared link reopens the exact run, with the same numbers as the command line', async () => {
    const link = encodeRun({ scenario: SMALL, seed: 7 });
    const { page } = await openPage(browser, link);
    await waitForStatus(page, 'ready');
    expect(new URL(page.url()).hash).toBe(link);
    await runToEnd(page);
    const browserAll = await engine<Record<string, number | null>>(page, 'summary.jurisdictions.0.groups.all.after');
    const dir = mkdtempSync(join(tmpdir(), 'trustfall-link-'));
    const file = join(dir, 'small.json');
    writeFileSync(file, JSON.stringify(SMALL));
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', file, '--seed', '7', '--json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const cliAll = JSON.parse(cli.stdout).jurisdictions[0].groups.all.after;
    for (const key of ['crimes', 'reportedShare', 'meanTrust', 'stopDisparity', 'detainers', 'removals', 'violentVictimisationPer1000']) {
      const b = browserAll[key];
      expect(b === null ? null : Number(b.toPrecision(6)), key).toBe(cliAll[key].mean);
    }
    await page.close();
  });

  it('a story link with a stray % opens the app with a note instead of hanging on "Loading" (issue 20, finding 13)', async () => {
    for (const hash of ['#story=%', '#story=%E0%A4%A', '#story=%ZZ&lock=1']) {
      const { page, errors } = await openPage(browser, hash);
      await waitForStatus(page, 'ready');
      expect(await page.locator('.notice[role=alert]').textContent(), hash).toMatch(/This chapter link could not be opened: the story link is damaged/);
      expect(errors, hash).toEqual([]);
      await page.close();
    }
  });

  it('a run or chapter link pasted into an open tab opens it (issue 21)', async () => {
    const { page, errors } = await openPage(browser);
    await waitForStatus(page, 'ready');
    // Pasting a link changes only the hash: as if the user had, not as the app does (it only replaces).
    await page.evaluate((hash) => (location.hash = hash), encodeRun({ scenario: SMALL, seed: 77 }));
    await expect.poll(() => engine<number>(page, 'manifest.seed').catch(() => 0), { timeout: 60_000 }).toBe(77);
    await waitForStatus(page, 'ready');
    expect(await engine<string>(page, 'scenario.name')).toBe(SMALL.name);
    await page.evaluate(() => (location.hash = '#story=baseline'));
    await expect
      .poll(
        () =>
          page
            .locator('story-view #chapter-title')
            .isVisible()
            .catch(() => false),
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a tampered link opens the default scenario with a visible note, and runs no script', async () => {
    const { page, errors } = await openPage(browser, '#run=N4IgLgpgtgzg%%%tampered');
    await waitForStatus(page, 'ready');
    expect(await page.locator('.notice[role=alert]').textContent()).toMatch(/This link could not be opened: the link is damaged/);
    expect(await page.locator('.controls h2').textContent()).toBe('Task Force model');
    const evil = encodeRun({ scenario: { ...SMALL, name: '<img src=x onerror="window.pwned=1">' }, seed: 1 });
    // A fresh load of the evil link (pasted into this tab instead, it would reload the page the same way).
    await page.goto('about:blank');
    await page.goto(inject('baseUrl') + evil);
    await waitForStatus(page, 'ready');
    expect(await page.locator('.controls h2').textContent()).toBe('<img src=x onerror="window.pwned=1">');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is served with a Content-Security-Policy that blocks inline script and eval, and still runs', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(inject('baseUrl') + encodeRun({ scenario: SMALL, seed: 1 }));
    const policy = response?.headers()['content-security-policy'] ?? '';
    const scriptSrc = policy
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(policy).not.toMatch(/unsafe-eval/);
    await waitForStatus(page, 'ready');
    // Markup that slipped into the page could not run a script of its own, nor eval one.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = 1';
      document.body.append(s);
      const w = window as unknown as { inlineRan?: number };
      return w.inlineRan ?? null;
    });
    expect(ran).toBeNull();
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    // The app itself needs neither: the engine and the town view (PixiJS in a Worker) work under it.
    await runToEnd(page);
    expect(violations.every((v) => /inline script/i.test(v))).toBe(true);
    await page.close();
  });

  it('an invalid scenario file is refused with field-named reasons, and the current run is kept', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 2 }));
    await waitForStatus(page, 'ready');
    await page.locator('input[type=file]').setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ run: { years: 99 }, jurisdictions: [{ policy: { model: 'tf' } }] })),
    });
    const note = page.locator('.notice[role=alert]');
    await expect.poll(() => note.textContent()).toContain('run.years: 99 is out of range; allowed a number from 0.1 to 50 (years)');
    expect(await note.textContent()).toContain('jurisdictions[0].policy.model: "tf" is not allowed');
    expect(await page.locator('.controls h2').textContent()).toBe('Small Task Force');
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "run": ') });
    await expect.poll(() => note.textContent()).toMatch(/not valid JSON/);
    await page.close();
  });

  it('an exported run can be opened again and reproduces the same run', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 11 }));
    await waitForStatus(page, 'ready');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const path = await (await download).path();
    const exported = JSON.parse(readFileSync(path, 'utf8'));
    expect(exported.manifest).toMatchObject({ engineVersion: expect.any(String), scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/), seed: 11 });
    // The town's PNG is the town as drawn, with room above and below for its title and caption.
    const town = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Town PNG' }).click();
    const png = readFileSync((await (await town).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const drawn = await page.evaluate(async () => {
      const view = (document.querySelector('town-view') as unknown as { view: { snapshot(): Promise<Blob> } }).view;
      return (await createImageBitmap(await view.snapshot())).height;
    });
    expect(png.readUInt32BE(20)).toBeGreaterThan(drawn + 60);
    const { page: other } = await openPage(browser);
    await waitForStatus(other, 'ready');
    await other.locator('input[type=file]').setInputFiles(path);
    await other.waitForFunction(
      () => (document.querySelector('trustfall-app') as unknown as { engine: { manifest?: { seed: number } } }).engine.manifest?.seed === 11,
    );
    expect(await engine<string>(other, 'manifest.scenarioHash')).toBe(exported.manifest.scenarioHash);
    await page.close();
    await other.close();
  });
});

describe('keyboard', () => {
  it('runs a scenario with the keyboard alone', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 4 }));
    await waitForStatus(page, 'ready');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to run controls');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'playing');
    await page.waitForFunction(() => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day > 0, null, {
      timeout: 60_000,
    });
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'ready');
    const day = await engine<number>(page, 'day');
    expect(day).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Step a day
    await page.waitForFunction((d) => (document.querySelector('trustfall-app') as unknown as { engine: { day: number } }).engine.day === d + 1, day);
    await page.close();
  });
});
