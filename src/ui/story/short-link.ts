import { SHORT_API } from '../../classroom/short-links.ts';

const asked = new Map<string, Promise<string | undefined>>();

/**
 * The short link (/s/ID) the server that served this page gives a long chapter link (its #hash), or
 * undefined where it gives none (a static host, or offline): asked once per link and page.
 */
export function shortLink(hash: string): Promise<string | undefined> {
  let p = asked.get(hash);
  if (!p) {
    p = fetch(SHORT_API, { method: 'POST', body: hash, headers: { 'Content-Type': 'text/plain' } })
      .then(async (r) => (r.ok ? `${location.origin}${((await r.json()) as { path: string }).path}` : undefined))
      .catch(() => undefined);
    asked.set(hash, p);
  }
  return p;
}
