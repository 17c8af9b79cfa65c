import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// The engine runs the same in Node and in a Worker only if it reaches for nothing outside itself.
describe('engine purity', () => {
  const sources = files('src/engine').map((p) => ({ p, text: readFileSync(p, 'utf8') }));
  it('imports nothing from the UI, the renderer, workers or Node', () => {
    for (const { p, text } of sources) {
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const i of imports) expect(i, p).not.toMatch(/^node:|\/ui\/|\/render\/|workers\/|\/cli\//);
    }
  });
  it('uses no ambient randomness, time, console or DOM', () => {
    for (const { p, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, p).not.toMatch(/Math\.random|Date\.|new Date|performance\.|console\.|document\.|window\.|globalThis/);
    }
  });
});
