import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;

/**
 * Builds the app and serves the production build with `vite preview` on a free loopback port, as
 * `npm start` does, so the tests meet what users meet (and no dev-server re-optimisation reloads).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    throw new Error(`Browser tests need Chromium at ${chromium}: apt-get install chromium (or set CHROMIUM_PATH). .ci/run installs it.`);
  }
  await build({ logLevel: 'warn' });
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  project.provide('baseUrl', url);
  project.provide('chromiumPath', chromium);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}
