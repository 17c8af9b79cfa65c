import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchChromium } from './find-chromium.ts';

/** The Chromium the global set-up found (see find-chromium.ts). */
export function launch(): Promise<Browser> {
  return launchChromium(inject('chromium'));
}

/** A page with its console errors and uncaught exceptions collected (GL driver chatter ignored). */
export async function openPage(browser: Browser, path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(inject('baseUrl') + path);
  return { page, errors };
}

/** Waits until the engine reports one of the given states. */
export async function waitForStatus(page: Page, ...states: string[]): Promise<void> {
  await page.waitForFunction(
    (s) => s.includes((document.querySelector('trustfall-app') as unknown as { engine: { status: string } })?.engine?.status),
    states,
    { timeout: 60_000 },
  );
}

/**
 * Reads a value from the app's engine controller by its property path ('day', 'weekly.weeks',
 * 'summary.jurisdictions.0.groups.all.after'): walked in the page, not compiled there, since the
 * page's Content-Security-Policy forbids eval.
 */
export function engine<T>(page: Page, path: string): Promise<T> {
  return page.evaluate((p) => {
    let v: unknown = (document.querySelector('trustfall-app') as unknown as { engine: unknown }).engine;
    for (const k of p.split('.')) v = (v as Record<string, unknown>)[k];
    return v;
  }, path) as Promise<T>;
}

/** Waits for n animation frames: a bounded wait that is not a clock (and passes as fast as the page draws). */
export async function frames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let k = 0;
        const tick = () => (++k >= count ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );
}

/** A screenshot of the element once it has stopped changing (two in a row alike, a few frames apart). */
export async function settledShot(page: Page, selector: string): Promise<Buffer> {
  let last = await page.locator(selector).screenshot();
  for (let i = 0; i < 40; i++) {
    await frames(page, 6);
    const next = await page.locator(selector).screenshot();
    if (next.equals(last)) return next;
    last = next;
  }
  return last;
}

/** Waits until the engine controller has no request to the Worker in flight. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.querySelector('trustfall-app') as unknown as { engine: { busy: boolean } }).engine.busy === false, null, {
    timeout: 60_000,
  });
}

/** Accessibility violations axe-core finds of moderate impact or worse (issue 21: none on any view). */
export async function axeViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
