import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** A request the server answered: its path and status. */
export interface Served {
  path: string;
  status: number;
}

/**
 * A plain static server for a built app whose folder can be swapped while it runs: a new build
 * deployed under an open page, as a trainer's laptop or a school's server would see it. No fallback
 * page: a file the build does not have is a 404 (and is logged, so a test can see what was asked for).
 */
export async function serveFolder(root: string): Promise<{ url: string; port: number; deploy(folder: string): void; log: Served[]; close(): Promise<void> }> {
  let folder = root;
  const log: Served[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(folder, path === '/' ? 'index.html' : path));
    let ok = file.startsWith(folder);
    try {
      ok &&= statSync(file).isFile();
    } catch {
      ok = false;
    }
    log.push({ path, status: ok ? 200 : 404 });
    if (!ok) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      // As a plain static host serves it: the browser checks the service worker itself on each visit.
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    deploy: (next) => {
      folder = next;
    },
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
