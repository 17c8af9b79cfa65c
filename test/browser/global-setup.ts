import type { TestProject } from 'vitest/node';
import type { PreviewServer } from 'vite';
import { findChromium, type ChromiumLaunch } from './find-chromium.ts';
import { serveBuild } from './serve.ts';

let server: PreviewServer | undefined;

/**
 * Builds the app and serves the production build with `vite preview` on a free loopback port, as
 * `npm start` does, so the tests meet what users meet (and no dev-server re-optimisation reloads).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = await findChromium();
  console.log(`Browser tests in Chromium from ${chromium.source}`);
  const served = await serveBuild();
  server = served.server;
  const url = served.url;
  project.provide('baseUrl', url);
  project.provide('chromium', chromium);
  return async () => {
    await server?.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: ChromiumLaunch;
  }
}
