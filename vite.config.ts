import { defineConfig } from 'vite';

/**
 * Until the browser app exists, `vite build` bundles the engine and scenario modules as an ES library
 * (dist/trustfall-engine.js), which is what the Web Worker will load.
 */
export default defineConfig({
  build: {
    target: 'es2022',
    lib: {
      entry: { 'trustfall-engine': 'src/engine/index.ts', 'trustfall-scenario': 'src/scenario/index.ts' },
      formats: ['es'],
    },
    sourcemap: true,
  },
  worker: { format: 'es' },
});
