import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser } from 'playwright-core';

/** Flags for every launch: headless, and none of Chromium's calls home (this machine's network is closed). */
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Each browser's own newContext, whose pages are first visits (see launchChromium). */
const plainContext = new WeakMap<Browser, Browser['newContext']>();

/**
 * Starts the Chromium `findChromium` chose. Its pages are a returning reader's who last used the lab
 * (a first visit starts with the story: tests, benches and screenshots of the lab open it by its bare
 * address); `firstVisitContext` gives a context without that.
 */
export async function launchChromium(c: ChromiumLaunch): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: c.executablePath, args: c.args, env: c.env });
  const plain = browser.newContext.bind(browser);
  plainContext.set(browser, plain);
  browser.newContext = async (options) => {
    const context = await plain(options);
    await context.addInitScript(() => {
      try {
        if (localStorage.getItem('trustfall-view') === null) localStorage.setItem('trustfall-view', 'explore');
      } catch {
        // Storage blocked: the page starts as a first visit.
      }
    });
    return context;
  };
  return browser;
}

/** A context whose pages are a first visit to the app (nothing kept in the browser). */
export function firstVisitContext(browser: Browser, options?: Parameters<Browser['newContext']>[0]): ReturnType<Browser['newContext']> {
  const plain = plainContext.get(browser);
  if (!plain) throw new Error('firstVisitContext needs a browser from launchChromium');
  return plain(options);
}

/** How to start Chromium: plain data, so a global set-up can hand it to the test files. */
export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Environment for the browser process (the packaged build's libraries and fonts), or none. */
  env?: Record<string, string>;
  /** Where it came from, for the test log. */
  source: string;
}

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * Chromium for the browser tests, benches and screenshots: `CHROMIUM_PATH` when set, else a system
 * Chromium (Debian's), else the headless build inside the `@sparticuz/chromium` package, unpacked to the
 * temporary folder on first use (a few seconds) with the libraries and fonts it ships, so that
 * `npm ci && npm test` needs nothing else on the machine.
 */
export async function findChromium(): Promise<ChromiumLaunch> {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH is ${given}, and there is no file there.`);
    return { executablePath: given, args: ARGS, source: `CHROMIUM_PATH (${given})` };
  }
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return { executablePath: system, args: ARGS, source: `system (${system})` };
  return packaged();
}

async function packaged(): Promise<ChromiumLaunch> {
  const { default: chromium, inflate } = await import('@sparticuz/chromium');
  const executablePath = await chromium.executablePath();
  // The package unpacks its own NSS libraries only on Amazon Linux; a bare Debian has none, so unpack
  // them always and put them first on the browser's library path.
  const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
  const libDir = join(tmpdir(), 'al2023', 'lib');
  if (!existsSync(join(libDir, 'libnss3.so'))) await inflate(join(bin, 'al2023.tar.br'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.LD_LIBRARY_PATH = [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
  env.FONTCONFIG_PATH = process.env.FONTCONFIG_PATH ?? join(tmpdir(), 'fonts');
  // Without a language it takes one from the C locale, 'en-US@posix', which Intl refuses (uPlot's
  // number formats among them).
  env.LANG = 'en_US.UTF-8';
  return { executablePath, args: [...ARGS, '--lang=en-US'], env, source: `@sparticuz/chromium (${executablePath})` };
}
