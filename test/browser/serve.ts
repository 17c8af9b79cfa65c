import { build, preview, type PreviewServer } from 'vite';

/**
 * Builds the app and serves the production build on a free loopback port, as `npm start` does; it also
 * answers to classroom.test, the name a test's Chromium gives this machine to stand for a LAN address.
 */
export async function serveBuild(): Promise<{ url: string; server: PreviewServer }> {
  await build({ logLevel: 'warn' });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false, allowedHosts: ['classroom.test'] }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return { url, server };
}
