import { defineConfig } from 'vite';

/**
 * The command line as plain JavaScript for Node (`npm run build` emits it to dist-cli/): the CLI and
 * its worker thread as two ES modules, with the runtime dependencies left to node_modules, so
 * `node dist-cli/main.mjs` runs without tsx. `npm run sim` keeps running the TypeScript through tsx
 * for development.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: { main: 'src/cli/main.ts', 'replicate-worker': 'src/cli/pool/replicate-worker.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
