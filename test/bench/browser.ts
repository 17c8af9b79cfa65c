/**
 * `npm run bench:browser`: the app's speed in headless Chromium, from the production build:
 * frames per second of the town view for the default preset (50,000 residents), 10,000, 100,000, and a
 * county of 1,000,000 and 4,400,000 (drawn as a heat map of neighbourhoods), the longest main-thread task
 * while a run plays, the time from opening the page to the first simulated day shown, and the gzip
 * size of what the page loads. Headless Chromium renders WebGL in software here (no GPU), so the frame
 * rates are for comparing versions, not what a user with a graphics card sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { encodeRun } from '../../src/ui/state/share-link.ts';
import { findChromium, launchChromium } from '../browser/find-chromium.ts';
import { serveBuild } from '../browser/serve.ts';

interface Result {
  residents: number;
  firstDayMs: number;
  fpsMedian: number;
  longestTaskMs: number;
  longTasks: number;
  daysPlayed: number;
  layer: string;
}

function scenario(residents: number) {
  const side = Math.max(4, Math.round(Math.sqrt(residents / 800)));
  return {
    name: `bench ${residents}`,
    // A county's burn-in is kept short: the bench measures drawing, not preparing.
    run: { years: 2, activationDay: 120, burnInWeeks: residents > 250_000 ? 4 : 26 },
    jurisdictions: [{ residents, gridWidth: side, gridHeight: side, policy: { model: 'taskForce' } }],
  };
}

async function measure(browser: Browser, url: string, residents: number | null): Promise<Result> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.addInitScript(`(() => {
    window.longTasks = []; window.measuring = false;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (window.measuring) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });
  })()`);
  await page.goto(residents === null ? url : url + encodeRun({ scenario: scenario(residents), seed: 1 }));
  await page.waitForFunction(
    () =>
      (document.querySelector('trustfall-app') as unknown as { engine?: { status: string } })?.engine?.status === 'ready' &&
      !!(document.querySelector('town-view') as unknown as { view?: unknown } | null)?.view,
    null,
    { timeout: 180_000 },
  );
  const firstDayMs = (await page.evaluate('performance.now()')) as number;
  await page.waitForTimeout(1000);
  await page.evaluate(`window.measuring = true; document.querySelector('trustfall-app').engine.speed = 30`);
  await page.getByRole('button', { name: 'Play' }).click();
  const fps: number[] = [];
  for (let s = 0; s < 10; s++) {
    await page.waitForTimeout(1000);
    fps.push((await page.evaluate(`document.querySelector('town-view').view.fps()`)) as number);
  }
  await page.getByRole('button', { name: 'Pause' }).click();
  const tasks = (await page.evaluate('window.longTasks')) as number[];
  const daysPlayed = (await page.evaluate(`document.querySelector('trustfall-app').engine.day`)) as number;
  const total = (await page.evaluate(`document.querySelector('trustfall-app').engine.layout.residents`)) as number;
  const shown = (await page.evaluate(`document.querySelector('town-view').view.showing()`)) as { layer: string; particles: number };
  await page.close();
  fps.sort((a, b) => a - b);
  return {
    residents: total,
    firstDayMs,
    fpsMedian: fps[Math.floor(fps.length / 2)],
    longestTaskMs: Math.max(0, ...tasks),
    longTasks: tasks.length,
    daysPlayed,
    layer: `${shown.layer}, ${shown.particles} particles`,
  };
}

function bundleSizes(): { file: string; bytes: number; gzip: number }[] {
  return readdirSync('dist/assets')
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => {
      const b = readFileSync(`dist/assets/${f}`);
      return { file: f, bytes: b.length, gzip: gzipSync(b).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

const { url, server } = await serveBuild();
const browser = await launchChromium(await findChromium());
try {
  console.log('Trustfall browser bench: headless Chromium, software WebGL (no GPU); compare versions, not machines.');
  const index = readFileSync('dist/index.html', 'utf8');
  const initial = [...index.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
  const sizes = bundleSizes();
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const initialGz = sizes.filter((s) => initial.includes(s.file)).reduce((a, s) => a + s.gzip, 0);
  console.log(`bundle: first paint loads ${initial.join(', ')} = ${kb(initialGz)} gzip; everything = ${kb(sizes.reduce((a, s) => a + s.gzip, 0))} gzip`);
  for (const s of sizes.slice(0, 6)) console.log(`  ${s.file.padEnd(40)} ${kb(s.gzip).padStart(7)} gzip (${kb(s.bytes)})`);
  for (const n of [null, 10_000, 100_000, 1_000_000, 4_400_000]) {
    const r = await measure(browser, url, n);
    console.log(
      `${n === null ? 'default preset' : `${n} residents`}`.padEnd(18) +
        `${r.residents} residents: first day shown ${(r.firstDayMs / 1000).toFixed(2)} s after opening; town view ${r.fpsMedian.toFixed(1)} fps (median over 10 s of play); ` +
        `${r.longTasks} long tasks, longest ${r.longestTaskMs.toFixed(0)} ms; ${r.daysPlayed} days played; drew ${r.layer}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
