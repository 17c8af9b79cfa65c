import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, launch, waitForStatus } from './browser.ts';
import { serveFolder } from './static-server.ts';

/**
 * A new build deployed under an open app (issue 20, finding 13): the page goes on running the build
 * it was loaded with, whose files the old service worker still serves (it never asks the server for
 * a Worker script the new build deleted), says that a new version is ready, and switches to it when
 * asked.
 */
let browser: Browser;
let server: Awaited<ReturnType<typeof serveFolder>>;
/** Build B's engine Worker file (build A is the one the test run serves everywhere). */
let newWorker: string;
let oldWorker: string;
beforeAll(async () => {
  const a = mkdtempSync(join(tmpdir(), 'trustfall-build-a-'));
  cpSync(resolve('dist'), a, { recursive: true });
  // Build B: the same app with one line more in the engine Worker, so its files and hashes differ.
  const b = mkdtempSync(join(tmpdir(), 'trustfall-build-b-'));
  await build({
    logLevel: 'warn',
    build: { outDir: b, emptyOutDir: true },
    // (Worker bundles are built with the worker's plugins.)
    worker: {
      plugins: () => [
        {
          name: 'next-build',
          transform: (code, id) => (id.endsWith('workers/engine.worker.ts') ? { code: `${code}\nglobalThis.trustfallBuild = 'b';\n`, map: null } : undefined),
        },
      ],
    },
  });
  const workerOf = (dir: string) => readdirSync(join(dir, 'assets')).find((f) => /^engine\.worker-.*\.js$/.test(f))!;
  oldWorker = workerOf(a);
  newWorker = workerOf(b);
  expect(newWorker).not.toBe(oldWorker);
  server = await serveFolder(a);
  (globalThis as { nextBuild?: string }).nextBuild = b;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const engineScripts = (page: Page) =>
  page
    .workers()
    .map((w) => w.url().split('/').pop() ?? '')
    .filter((u) => u.startsWith('engine.worker-'));

describe('a new build under an open page', () => {
  it('keeps the page on its own build, announces the new one, and switches when asked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await waitForStatus(page, 'ready');
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 60_000 });
    expect(engineScripts(page)).toContain(oldWorker);
    await expect.poll(() => page.locator('.update-ready').count()).toBe(0);

    server.deploy((globalThis as { nextBuild?: string }).nextBuild!);
    const deployed = server.log.length;
    await page.reload();
    await waitForStatus(page, 'ready');
    // Still the old build, and it runs: its Worker came from the old service worker's cache.
    expect(engineScripts(page)).toContain(oldWorker);
    await page.locator('run-controls').getByRole('button', { name: 'Step a week' }).click();
    await expect.poll(() => engine<number>(page, 'day')).toBe(7);
    const notice = page.locator('.update-ready');
    await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(/A new version of Trustfall is ready/);
    // Nothing of the old build was asked of the server once it was gone.
    expect(server.log.slice(deployed).filter((r) => r.status !== 200)).toEqual([]);

    // A second tab of the same browser, open on the old build too, hears of the new one.
    const other = await context.newPage();
    const otherErrors: string[] = [];
    other.on('pageerror', (e) => otherErrors.push(e.message));
    await other.goto(server.url);
    await waitForStatus(other, 'ready');
    await expect.poll(() => other.locator('.update-ready').textContent(), { timeout: 60_000 }).toMatch(/A new version of Trustfall is ready/);
    await other.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));

    await notice.getByRole('button', { name: 'Reload to use it' }).click();
    await expect.poll(() => engineScripts(page), { timeout: 60_000 }).toContain(newWorker);
    await waitForStatus(page, 'ready');
    expect(await page.locator('.update-ready').count()).toBe(0);
    expect(server.log.slice(deployed).filter((r) => r.status !== 200)).toEqual([]);
    expect(errors).toEqual([]);
    // The other tab was not reloaded under its user (a comparison may be running there): it says so.
    await expect.poll(() => other.locator('.update-ready[role=alert]').textContent(), { timeout: 60_000 }).toMatch(/updated in another tab/);
    expect(await other.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(otherErrors).toEqual([]);
    await context.close();
  });
});
