import { build, preview, type PreviewServer } from 'vite';

/** Builds the app and serves the production build on a free loopback port, as `npm start` does. */
export async function serveBuild(): Promise<{ url: string; server: PreviewServer }> {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { url, server };
}
