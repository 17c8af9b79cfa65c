import { defineConfig } from 'vite';

/**
 * The browser app: index.html → src/ui/main.ts; the engine runs in workers/engine.worker.ts (an ES
 * module Worker). PixiJS and uPlot are loaded on demand, so the first paint waits for neither.
 */
export default defineConfig({
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 900,
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['comlink', 'seedrandom', 'zod', 'lit', 'lz-string', 'uplot', 'pixi.js', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'] },
  preview: { host: '127.0.0.1', port: 4173 },
  server: { host: '127.0.0.1', port: 5173 },
});
