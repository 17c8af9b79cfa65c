import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { shortLinkRoute } from './src/cli/classroom/short-link-route.ts';

/**
 * What the page may load and run: only its own scripts and workers (no inline script, no eval), its
 * own styles plus Lit's inline ones, its own images and blob: downloads. Sent as a header by
 * `npm start` (so it also covers the Workers) and repeated in index.html for any static host.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The browser app: index.html → src/ui/main.ts (and class mode's phone page, class.html →
 * src/ui/classroom/student-main.ts); the engine runs in workers/engine.worker.ts (an ES
 * module Worker). PixiJS and uPlot are loaded on demand, so the first paint waits for neither.
 */
export default defineConfig({
  plugins: [
    // Short links for trainers' own chapters (/s/ID, asked for at /api/short), so a phone can scan their
    // QR code: served by npm start, npm run start:network and the dev server, each keeping its own.
    {
      name: 'trustfall-short-links',
      configureServer: (server) => void server.middlewares.use(shortLinkRoute()),
      configurePreviewServer: (server) => void server.middlewares.use(shortLinkRoute()),
    },
    // Offline once loaded (workshops on poor Wi-Fi): a service worker precaches the built app, its
    // Workers and the presets (bundled in the app's code); a web manifest makes it installable. The
    // app registers it (src/ui/app/updates.ts). A new build waits until the page says "a new version
    // is ready" and the user reloads: until then the old worker keeps serving the old page's files,
    // so an open page never asks for a Worker script the new build deleted.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Trustfall: community trust under 287(g)',
        short_name: 'Trustfall',
        description: 'An agent-based simulation of community trust under 287(g) immigration enforcement.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#f7f4ec',
        theme_color: '#14213d',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // JSON: the county data and outlines of the Real counties view (about 1.6 MB, 0.4 MB compressed).
        globPatterns: ['**/*.{js,css,html,svg,webmanifest,json}'],
        // The render Worker's chunk (PixiJS) is about half a megabyte.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The classroom server's short join link (/j/CODE) and a chapter's short link (/s/ID) are the server's redirects, not the app.
        navigateFallbackDenylist: [/^\/j\//, /^\/s\//, /^\/class\.html/],
        // The first visit is controlled at once (offline from then on); an update waits to be accepted.
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Two pages: the app, and the phone page of class mode (a student's view alone, light to load).
    rolldownOptions: { input: { index: 'index.html', class: 'class.html' } },
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  worker: { format: 'es' },
  optimizeDeps: {
    include: [
      'comlink',
      'seedrandom',
      'zod',
      'lit',
      'lz-string',
      'uplot',
      'pixi.js',
      '@noble/hashes/sha2.js',
      '@noble/hashes/utils.js',
      'd3-geo',
      'topojson-client',
    ],
  },
  preview: { host: '127.0.0.1', port: 4173, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  server: { host: '127.0.0.1', port: 5173 },
});
