import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../vite.config.ts';

// Both pages repeat the policy `npm start` sends as a header (for a static host that sends none); the
// classroom server reads it back from the built index.html. A meta tag cannot carry frame-ancestors.
it('index.html and class.html state the same Content-Security-Policy as the server header', () => {
  for (const page of ['index.html', 'class.html']) {
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
    expect(`${meta}; frame-ancestors 'none'`, page).toBe(CONTENT_SECURITY_POLICY);
  }
});
