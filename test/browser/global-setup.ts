import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import type { PreviewServer } from 'vite';
import { serveBuild } from './serve.ts';

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
  const served = await serveBuild();
  server = served.server;
  const url = served.url;
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
