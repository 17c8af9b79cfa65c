import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { humanise } from '../../src/scenario/editor-words.ts';
import { BUILT_IN_TARGETS } from '../../src/evidence/registry.ts';
import { encodeRun } from '../../src/ui/state/share-link.ts';
import { launch, openPage, waitForStatus } from './browser.ts';

const SMALL = {
  name: 'Small county, no agreement',
  run: { years: 1, activationDay: 300, burnInWeeks: 52 },
  jurisdictions: [{ residents: 6000, gridWidth: 4, gridHeight: 4, policy: { model: 'none' } }],
};

const SMALL_TASK_FORCE = {
  ...SMALL,
  name: 'Small, Task Force',
  run: { years: 1, activationDay: 150, burnInWeeks: 26 },
  jurisdictions: [{ residents: 4000, gridWidth: 4, gridHeight: 4, policy: { model: 'taskForce' } }],
};

/** A value inside a JSON object by a dotted path. */
const getPath = (o: unknown, path: string): unknown => path.split('.').reduce((x, k) => (x as Record<string, unknown>)?.[k], o);

/** The text of the file a click on `button` downloads. */
async function downloaded(page: Page, button: Locator): Promise<string> {
  const download = page.waitForEvent('download');
  await button.click();
  return readFileSync((await (await download).path())!, 'utf8');
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('evidence in the browser', () => {
  it('shows target cards that fill in as the run goes, each with its verdict and source, and measures policy effects against the twin', async () => {
    const { page, errors } = await openPage(browser);
    await waitForStatus(page, 'ready');
    const cards = page.locator('target-cards .card');
    const n = BUILT_IN_TARGETS['us-baselines'].targets.length;
    expect(await cards.count()).toBe(n);
    expect(await cards.first().locator('.verdict').textContent()).toMatch(/run further to measure/);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await waitForStatus(page, 'finished');
    await expect.poll(() => page.locator('target-cards [role=status]').textContent()).toMatch(new RegExp(`^\\d+ of ${n} met in this run$`));
    const verdicts = await cards.locator('.verdict').allTextContents();
    expect(verdicts.every((v) => /within the band|outside the band/.test(v))).toBe(true);
    expect(verdicts.filter((v) => /within the band/.test(v)).length).toBeGreaterThanOrEqual(n - 2);
    expect(await page.locator('target-cards [data-target=violent-victimisation] a').getAttribute('href')).toMatch(/^https:\/\/bjs\.ojp\.gov\//);
    // Stated intentions are survey answers (since engine 0.5), which the lab's one run does not carry: the
    // cards measure them with the simulated survey over replicates, then give the verdict.
    await page.locator('target-cards #set').selectOption('reporting-drop-stated');
    const stated = page.locator('target-cards .card').first();
    expect(await stated.locator('.verdict').textContent()).toMatch(/simulated survey/);
    await expect.poll(() => stated.locator('.verdict').textContent(), { timeout: 240_000 }).toMatch(/within the band|outside the band/);
    expect(await stated.locator('.numbers').textContent()).toMatch(/\d+ replicates/);
    // The measured drop is read against the no-agreement twin over replicates: one run cannot show it.
    await page.locator('scenario-panel').locator('#preset').selectOption('jail-enforcement');
    await waitForStatus(page, 'ready');
    await page.locator('target-cards #set').selectOption('reporting-drop-measured');
    expect(await page.locator('target-cards .card').first().locator('.verdict').textContent()).toMatch(/no-agreement twin/);
    // The card measures the effect itself: replicates of the scenario and of its twin in Workers, then the
    // verdict, the mean with its interval, and how many paired replicates it took.
    const card = page.locator('target-cards .card').first();
    await expect.poll(() => card.locator('.verdict').textContent(), { timeout: 240_000 }).toMatch(/within the band|outside the band/);
    expect(await card.locator('.estimand').textContent()).toMatch(/paired against the no-agreement twin/);
    expect(await card.locator('.numbers').textContent()).toMatch(/4 paired replicates\s+[−-]?\d+\.\d%\s+\([−-]?\d+\.\d% to [−-]?\d+\.\d%\)/);
    expect(errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('runs a short calibration in workers, cancels it, and offers the best values to the editor', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: { ...SMALL, crime: { types: { burglaryTheft: { clearanceBase: 0.35 } } } }, seed: 1 }));
    await waitForStatus(page, 'ready');
    const panel = page.locator('calibrate-panel');
    await panel.locator('#cal-budget').fill('60');
    await panel.locator('#cal-budget').press('Tab');
    await panel.getByRole('button', { name: 'Calibrate' }).click();
    await expect.poll(() => panel.locator('[role=status]').textContent(), { timeout: 120_000 }).toMatch(/iteration ([3-9]|\d\d)/);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => panel.locator('.outcome').textContent(), { timeout: 120_000 }).toMatch(/Cancelled; best point so far/);
    expect(await panel.locator('[role=status]').textContent()).toMatch(/Calibration stopped/);
    const offered = (await panel.locator('.outcome li', { hasText: 'crime.types.burglaryTheft.clearanceBase' }).textContent())!.split('= ')[1].trim();
    // The result exports with what made it: the search's every evaluation, the fit, the calibrated scenario.
    const json = JSON.parse(await downloaded(page, panel.locator('#cal-json')));
    expect(json.manifest).toMatchObject({
      engineVersion: ENGINE_VERSION,
      scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      method: 'nelder-mead',
      replicates: 2,
    });
    expect(json.manifest.evaluations).toBe(json.state.history.length);
    expect(String(getPath(json.scenario, 'crime.types.burglaryTheft.clearanceBase'))).toBe(offered);
    const csv = (await downloaded(page, panel.locator('#cal-csv'))).trim().split('\n');
    expect(csv[0]).toMatch(/^# Trustfall calibration \(Nelder-Mead evaluations\): engine /);
    expect(csv[1]).toMatch(/^evaluation,loss,crime\.types\./);
    expect(csv).toHaveLength(2 + json.state.history.length);
    await panel.getByRole('button', { name: 'Use these values in the editor' }).click();
    const field = page.locator('scenario-panel').locator('[data-path="crime.types.burglaryTheft.clearanceBase"] input');
    expect(await field.inputValue()).toBe(offered);
    expect(await page.locator('scenario-panel').getByRole('button', { name: 'Apply and restart' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('samples a posterior in workers: its intervals, histograms and pair plot, the predictive of each target, and exports with the manifest', async () => {
    const { page, errors } = await openPage(browser, encodeRun({ scenario: SMALL, seed: 2 }));
    await waitForStatus(page, 'ready');
    const panel = page.locator('posterior-panel');
    await panel.locator('#abc-particles').fill('8');
    await panel.locator('#abc-particles').press('Tab');
    await panel.locator('#abc-generations').fill('1');
    await panel.locator('#abc-generations').press('Tab');
    await panel.getByRole('button', { name: 'Sample the posterior' }).click();
    await expect.poll(() => panel.locator('[role=status]').textContent(), { timeout: 180_000 }).toMatch(/^Done: 1 generations after the prior's, \d+ runs\.$/);
    // Three parameters are chosen by default: a histogram for each, and the particles of each pair.
    expect(await panel.locator('.marginals tbody tr').count()).toBe(3);
    expect(await panel.locator('.pair-plot .diagonal').count()).toBe(3);
    expect(await panel.locator('.pair-plot .pair').count()).toBe(3);
    expect(await panel.locator('.pair-plot .diagonal rect.bar').count()).toBe(3 * 12);
    expect(await panel.locator('.pair-plot .pair circle.dot').count()).toBe(3 * 8);
    expect(await panel.locator('.predictive tbody tr').count()).toBe(BUILT_IN_TARGETS['us-baselines'].targets.length);
    const json = JSON.parse(await downloaded(page, panel.locator('#abc-json')));
    expect(json.manifest).toMatchObject({
      engineVersion: ENGINE_VERSION,
      scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      seed: 2,
      method: 'abc-smc',
      particles: 8,
      generations: 1,
    });
    expect(json.particles).toHaveLength(8);
    expect(json.particles.reduce((a: number, p: { weight: number }) => a + p.weight, 0)).toBeCloseTo(1, 9);
    const median = await panel.locator('.marginals tbody tr').first().locator('td').nth(1).textContent();
    expect(median).toBe(String(Number(json.parameters[0].posterior.median.toPrecision(3))));
    const csv = (await downloaded(page, panel.locator('#abc-csv'))).trim().split('\n');
    expect(csv[0]).toMatch(new RegExp(`^# Trustfall ABC posterior particles: engine ${ENGINE_VERSION}; scenario ${json.manifest.scenarioHash}; seed 2;`));
    expect(csv[1]).toBe(`weight,distance,${json.parameters.map((p: { path: string }) => p.path).join(',')}`);
    expect(csv).toHaveLength(2 + 8);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('screens parameters with Morris elementary effects and shows a table and a chart', async () => {
    const { page } = await openPage(browser, encodeRun({ scenario: SMALL_TASK_FORCE, seed: 1 }));
    await waitForStatus(page, 'ready');
    const panel = page.locator('sensitivity-panel');
    await panel.locator('#sens-trajectories').fill('2');
    await panel.locator('#sens-trajectories').press('Tab');
    await panel.getByRole('button', { name: 'Screen' }).click();
    await expect.poll(() => panel.locator('.effects tbody tr').count(), { timeout: 120_000 }).toBe(4);
    expect(await panel.locator('[role=status]').textContent()).toBe('10 of 10 runs');
    expect(await panel.locator('svg.bars rect').count()).toBe(4);
    const cells = await panel.locator('.effects tbody tr').first().locator('td').allTextContents();
    expect(cells.every((c) => Number.isFinite(Number(c)))).toBe(true);
    // μ* is in the output's unit, and the note says which (issue 21).
    expect(await panel.locator('.note').first().textContent()).toMatch(/μ\* and μ are in the output’s unit: relative change after activation/);
    await panel.locator('#sens-output').selectOption('3');
    expect(await panel.locator('.effects tbody tr').count()).toBe(4);
    expect(await panel.locator('.note').first().textContent()).toMatch(/μ\* and μ are in the output’s unit: share/);
    await page.close();
  });

  it('computes Sobol indices of four parameters and a switch in workers, and the table is what the exported JSON and CSV say', async () => {
    const { page, errors } = await openPage(browser, encodeRun({ scenario: SMALL_TASK_FORCE, seed: 3 }));
    await waitForStatus(page, 'ready');
    const panel = page.locator('sensitivity-panel');
    await panel.locator('#sens-method').selectOption('sobol');
    await panel.locator('#sens-samples').fill('4');
    await panel.locator('#sens-samples').press('Tab');
    await panel.getByLabel('Social influence on trust (off / on)').check();
    await panel.getByRole('button', { name: 'Compute indices' }).click();
    // N (k + 2) = 4 × 7 design points, one replicate each.
    await expect.poll(() => panel.locator('.sobol tbody tr').count(), { timeout: 180_000 }).toBe(5);
    expect(await panel.locator('[role=status]').textContent()).toBe('28 of 28 runs');
    expect(await panel.locator('svg.bars rect').count()).toBe(5);
    await panel.locator('#sens-output').selectOption('1');
    const shown = await panel
      .locator('.sobol tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!.trim(), ...[...r.querySelectorAll('td')].map((d) => d.textContent!.trim())]));
    const json = JSON.parse(await downloaded(page, panel.locator('#sens-json')));
    expect(json.manifest).toMatchObject({
      engineVersion: ENGINE_VERSION,
      scenarioHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      seed: 3,
      method: 'sobol',
      design: { samples: 4 },
      runs: 28,
    });
    // The switch is a factor with two levels: off (0) and on as in the scenario (null).
    expect(json.manifest.parameters.at(-1)).toMatchObject({ path: 'trust.influencePerWeek', levels: [0, null] });
    expect(json.results.outputs).toHaveLength(5);
    const fmt = (x: { estimate: number; lo: number; hi: number }) => `${x.estimate.toFixed(2)} (${x.lo.toFixed(2)} \u2013 ${x.hi.toFixed(2)})`;
    const second = json.results.outputs[1];
    // A parameter is named by its last two schema keys in words ("Fear: Reporting effect"), a switch by its words.
    const label = (path: string) => path.split('.').slice(-2).map(humanise).join(': ');
    const name = (path: string) => (path === 'trust.influencePerWeek' ? 'Social influence on trust (off / on)' : label(path));
    expect(shown).toEqual(second.indices.map((s: { path: string; first: never; total: never }) => [name(s.path), fmt(s.first), fmt(s.total)]));
    const csv = (await downloaded(page, panel.locator('#sens-csv'))).trim().split('\n');
    expect(csv[0]).toBe(`# Trustfall Sobol indices: engine ${ENGINE_VERSION}; scenario ${json.manifest.scenarioHash}; seed 3; design rows 4; runs 28`);
    expect(csv[1]).toBe('output,parameter,min,max,first,first_lo,first_hi,total,total_lo,total_hi,rows');
    expect(csv).toHaveLength(2 + 5 * 5);
    const row = csv.find((l) => l.startsWith(`${second.output},${second.indices[0].path},`))!.split(',');
    expect(Number(row[7])).toBeCloseTo(second.indices[0].total.estimate, 5);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
