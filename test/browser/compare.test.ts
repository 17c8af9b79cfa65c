import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { encodeComparison } from '../../src/ui/state/share-link.ts';
import { launch, openPage } from './browser.ts';
import { compareSurvivesWorkerDeath, DEATH_COMPARISON } from './worker-death.ts';

const base = (name: string, model: string) => ({
  name,
  run: { years: 1, activationDay: 120, burnInWeeks: 26 },
  jurisdictions: [{ residents: 4000, gridWidth: 4, gridHeight: 4, policy: { model, deputisedShare: 0.3 } }],
  policing: { stopsPerOfficerDay: 0.5 },
});
const A = base('Small, no agreement', 'none');
const B = base('Small, Task Force', 'taskForce');
const LINK = encodeComparison({ slots: [{ scenario: A }, { scenario: B }], replicates: 3, seed: 5, survey: 0 });

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('compare view', () => {
  it('compares two presets: bands drawn, difference table filled with the CLI\u2019s numbers, link kept', async () => {
    const presetLink = encodeComparison({ slots: [{ preset: 'no-agreement' }, { preset: 'task-force' }], replicates: 2, seed: 5, survey: 0, years: 2 });
    const { page, errors } = await openPage(browser, presetLink);
    await page.waitForSelector('compare-view');
    expect(await page.locator('.slot-select').nth(1).inputValue()).toBe('task-force');
    expect(await page.locator('#cmp-years').inputValue()).toBe('2');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.waitForSelector('band-chart canvas', { timeout: 180_000 });
    expect(await page.locator('.compare-progress').textContent()).toMatch(/4 of 4 replicates done/);
    const bands = await page.evaluate(
      `(() => { const c = document.querySelector('band-chart'); return c.bands.map((b) => b.mid.filter((v) => v !== null).length); })()`,
    );
    expect((bands as number[]).every((n) => n > 40)).toBe(true);
    const row = page.locator('.diff-table[data-group=all] tr', { hasText: 'Crimes reported' });
    const cells = await row.locator('td').allTextContents();
    expect(cells).toHaveLength(3);
    expect(cells[2]).toMatch(/^[+-]\d+\.\d pt \([+-]\d+\.\d to [+-]\d+\.\d\)$/);
    const browserDiff = (await page.evaluate(
      `document.querySelector('compare-view').report.differences.find((d) => d.scenario === 1 && d.jurisdiction === 0 && d.group === 'all' && d.period === 'after' && d.metric === 'reportedShare').estimate.mean`,
    )) as number;
    const cli = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'compare',
        'scenarios/no-agreement.json',
        'scenarios/task-force.json',
        '--replicates',
        '2',
        '--years',
        '2',
        '--seed',
        '5',
        '--json',
        '--quiet',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const cliDiff = JSON.parse(cli.stdout).differences.find(
      (d: { scenario: number; jurisdiction: number; group: string; period: string; metric: string }) =>
        d.scenario === 1 && d.jurisdiction === 0 && d.group === 'all' && d.period === 'after' && d.metric === 'reportedShare',
    ).estimate.mean;
    expect(Number(browserDiff.toPrecision(6))).toBe(cliDiff);
    expect(new URL(page.url()).hash).toBe(presetLink);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('replaces a Worker that dies mid-comparison, says so, and completes with every replicate', async () => {
    const { page } = await openPage(browser, DEATH_COMPARISON);
    await compareSurvivesWorkerDeath(page);
    await page.close();
  });

  it('plays the two towns side by side in step', async () => {
    const { page } = await openPage(browser, LINK);
    await page.waitForSelector('compare-view');
    await page.locator('#cmp-replicates').fill('1');
    await page.locator('#cmp-replicates').press('Tab');
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.waitForSelector('band-chart canvas', { timeout: 120_000 });
    // The edited replicate count is what ran (an app re-render once overwrote it with the old set-up).
    expect(await page.locator('.compare-progress').textContent()).toMatch(/2 of 2 replicates done/);
    await page.getByRole('button', { name: 'Show the two towns' }).click();
    await page.waitForFunction(() => document.querySelectorAll('twin-towns town-view').length === 2);
    const play = page.getByRole('button', { name: 'Play both' });
    await play.waitFor();
    await expect.poll(() => play.isEnabled(), { timeout: 60_000 }).toBe(true);
    await play.click();
    const dayOf = async () => Number(/Day (\d+)/.exec((await page.locator('twin-towns [role=status]').textContent()) ?? '')?.[1] ?? 0);
    await expect.poll(dayOf, { timeout: 60_000 }).toBeGreaterThan(10);
    await page.getByRole('button', { name: 'Pause both' }).click();
    // Both towns stop on the same day (the status shows each town's day).
    await expect
      .poll(async () => {
        const m = /Day (\d+) \/ (\d+)/.exec((await page.locator('twin-towns [role=status]').textContent()) ?? '');
        return m !== null && m[1] === m[2];
      })
      .toBe(true);
    expect(await dayOf()).toBeGreaterThan(10);
    await page.close();
  });

  it('keeps a finished comparison across switching views and a reload, without running it again', async () => {
    const { page, errors } = await openPage(browser, LINK);
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await page.waitForSelector('.diff-table', { timeout: 180_000 });
    const tables = () => page.locator('compare-view .diff-table, compare-view .change-table').allTextContents();
    const before = await tables();
    expect(before.join('')).toMatch(/\d/);
    await page.getByRole('button', { name: 'Explore a run' }).click();
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    expect(await tables()).toEqual(before);
    await page.reload();
    await page.waitForSelector('.diff-table', { timeout: 60_000 });
    expect(await page.locator('.compare-progress').textContent()).toMatch(/6 of 6 replicates done \(kept in this browser from .+\)/);
    expect(await tables()).toEqual(before);
    // Reloaded on Explore, Compare opens with the kept comparison.
    await page.getByRole('button', { name: 'Explore a run' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.waitForSelector('.diff-table', { timeout: 60_000 });
    expect(await tables()).toEqual(before);
    // A different set-up is not shown the kept results.
    await page.locator('#cmp-seed').fill('6');
    await page.locator('#cmp-seed').press('Tab');
    await page.reload();
    await page.waitForSelector('compare-view');
    await page.getByRole('button', { name: 'Run comparison' }).waitFor();
    expect(await page.locator('.diff-table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the difference-in-differences table says what the exported JSON says, in each outcome\u2019s unit; the chart exports as a figure at twice the size', async () => {
    // A Task Force county beside an untreated one: a study's design, with a survey for the survey outcomes.
    const county = (name: string, model: string) => ({ name, residents: 3000, gridWidth: 3, gridHeight: 3, policy: { model, deputisedShare: 0.3 } });
    const pair = (name: string, model: string) => ({ ...base(name, model), jurisdictions: [county('Treated', model), county('Comparison', 'none')] });
    const link = encodeComparison({
      slots: [{ scenario: pair('Two counties, none', 'none') }, { scenario: pair('Two counties, Task Force', 'taskForce') }],
      replicates: 3,
      seed: 7,
      survey: 300,
    });
    const { page, errors } = await openPage(browser, link);
    await page.getByRole('button', { name: 'Run comparison' }).click();
    await expect.poll(() => page.locator('.did-table tbody tr').count(), { timeout: 180_000 }).toBeGreaterThan(2);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(exported.manifest).toMatchObject({ engineVersion: ENGINE_VERSION, seed: 7, replicates: 3 });
    expect(exported.manifest.scenarios.map((s: { scenarioHash: string }) => s.scenarioHash)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    const did = exported.report.did as { outcome: string; source: string; estimate: { mean: number; lo: number; hi: number }; detectedShare: number }[];
    const rows = await page
      .locator('.did-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
    expect(rows).toHaveLength(did.length);
    const numbers = (text: string) => [...text.matchAll(/[+\u2212-]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0].replace('\u2212', '-')));
    rows.forEach((cells, i) => {
      const d = did[i];
      expect(cells[2], d.outcome).toBe(d.source);
      // Shares in percentage points, rates per 1,000 as they are: never a rate ×100 with "pt".
      const share = d.outcome.startsWith('reportedShare');
      const scale = share ? 100 : 1;
      expect(cells[3].includes(' pt'), d.outcome).toBe(share);
      const [mean, lo, hi] = numbers(cells[3]);
      for (const [shown, value] of [
        [mean, d.estimate.mean],
        [lo, d.estimate.lo],
        [hi, d.estimate.hi],
      ])
        expect(Math.abs(shown - value * scale), `${d.outcome}: ${cells[3]}`).toBeLessThanOrEqual(0.051);
      expect(cells[4]).toBe(`${Math.round(d.detectedShare * 100)}% of replicates`);
    });
    // Outcomes are named by their measure and group, not by raw metric keys.
    expect(rows.map((r) => r[1]).join(' ')).not.toMatch(/recordedCrimesPer1000|reportedShare\./);
    // The chart's PNG is a figure: drawn at twice the screen's size, with room for title, legend and caption.
    const onScreen = await page
      .locator('band-chart canvas')
      .first()
      .evaluate((c) => (c as HTMLCanvasElement).getBoundingClientRect().width);
    const png = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Chart PNG' }).click();
    const bytes = readFileSync((await (await png).path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
    expect(width).toBeGreaterThanOrEqual(2 * Math.floor(onScreen));
    expect(height).toBeGreaterThan(2 * 260 + 100);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a damaged comparison kept in IndexedDB is dropped, and Compare opens as usual (issue 20, finding 13)', async () => {
    const setup = { slots: [{ preset: 'no-agreement' }, { preset: 'task-force' }], replicates: 2, seed: 5, survey: 0, years: 2 };
    const { page, errors } = await openPage(browser, encodeComparison(setup));
    await page.waitForSelector('compare-view');
    const store = (action: 'put' | 'get', value?: unknown) =>
      page.evaluate(
        ([action, value]) =>
          new Promise<unknown>((resolve, reject) => {
            const open = indexedDB.open('keyval-store');
            open.onupgradeneeded = () => open.result.createObjectStore('keyval');
            open.onsuccess = () => {
              const tx = open.result.transaction('keyval', action === 'put' ? 'readwrite' : 'readonly');
              const req =
                action === 'put' ? tx.objectStore('keyval').put(value, 'trustfall-last-comparison') : tx.objectStore('keyval').get('trustfall-last-comparison');
              tx.oncomplete = () => resolve(req.result);
              tx.onerror = () => reject(tx.error);
            };
          }),
        [action, value] as const,
      );
    // The same set-up as the link, so the old code restored it; a report and results no build writes.
    await store('put', {
      format: 'trustfall-saved-comparison',
      engineVersion: ENGINE_VERSION,
      savedAt: 'now',
      setup,
      compared: [{}, {}],
      report: { differences: 7 },
    });
    await page.reload();
    await page.waitForSelector('compare-view');
    await expect.poll(() => store('get')).toBeUndefined();
    expect(await page.getByRole('button', { name: 'Run comparison' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a damaged comparison link says so and opens the app as usual', async () => {
    const { page } = await openPage(browser, '#compare=%%%');
    await page.waitForSelector('.notice[role=alert]');
    expect(await page.locator('.notice[role=alert]').first().textContent()).toMatch(/This comparison link could not be opened/);
    await page.close();
  });
});
