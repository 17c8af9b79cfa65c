import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_LINK, SHORT_API, SHORT_PATH, ShortLinks } from '../../classroom/short-links.ts';

/**
 * Short links for trainers' chapters, served by `npm run start:network` (vite preview) and `npm run
 * classroom`: POST /api/short with a chapter's link (its #hash) as the body answers {"id", "path"};
 * GET /s/ID sends the browser to that link on this server. Anything else goes to `next`.
 */
export function shortLinkRoute(store = new ShortLinks()) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = pathOf(req);
    if (path === undefined) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request');
      return;
    }
    if (path === SHORT_API) {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST', 'Content-Type': 'text/plain' }).end('POST a link to shorten it');
        return;
      }
      void readBody(req, MAX_LINK * 2).then((body) => {
        if (body === undefined) return void res.writeHead(413, { 'Content-Type': 'text/plain', Connection: 'close' }).end('link too long');
        try {
          const id = store.add(body.trim(), req.socket.remoteAddress ?? '');
          res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ id, path: `${SHORT_PATH}${id}` }));
        } catch (e) {
          res.writeHead(400, { 'Content-Type': 'text/plain' }).end((e as Error).message);
        }
      });
      return;
    }
    const short = new RegExp(`^${SHORT_PATH}([A-Za-z0-9]{1,16})$`).exec(path);
    if (short && (req.method === 'GET' || req.method === 'HEAD')) {
      const link = store.get(short[1]);
      if (link) res.writeHead(302, { Location: `/${link}`, 'Cache-Control': 'no-store' }).end();
      else
        res
          .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Language': spanish(req) ? 'es' : 'en' })
          .end(
            spanish(req)
              ? 'Este servidor no conoce este enlace corto (los olvida al pararse). Pide a tu formador que vuelva a abrir el capítulo o que comparta su enlace completo.'
              : 'This short link is not known to this server (it forgets them when it stops). Ask your trainer to open the chapter again, or to share its full link.',
          );
      return;
    }
    next();
  };
}

/** The request's path, or undefined for a target that is not one (a request for "//" cannot be parsed as a URL). */
export function pathOf(req: IncomingMessage): string | undefined {
  try {
    return new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    return undefined;
  }
}

/** Whether the browser asks for Spanish first (the app's other language). */
function spanish(req: IncomingMessage): boolean {
  return /^\s*es\b/i.test(String(req.headers['accept-language'] ?? ''));
}

/** The request's body as text, or undefined when it is longer than `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Answered at once (413, closing the connection); the rest is not read.
        req.removeAllListeners('data');
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}
