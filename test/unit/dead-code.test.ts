import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * A dead-code check (knip needs TypeScript's JS API, which TypeScript 7 does not have): every value a
 * module in src/ or workers/ exports must be used by some other file. Types and interfaces may stand
 * as documented shapes, and a Lit element class is used by its registration; anything else exported
 * but used nowhere else is either dead or should not be exported.
 */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'workers', 'test', '*.ts'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|mjs)$/.test(f));
const text = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));

/** Named codes that complete a numbered list (0–3) though the code names only some of them. */
const ALLOWED = new Set(['src/engine/codes.ts: CHARGE_NONE', 'src/engine/params.ts: MODEL_WARRANT']);

describe('dead code', () => {
  it('every exported value is used outside its own module', () => {
    const unused: string[] = [];
    for (const f of files.filter((x) => x.startsWith('src/') || x.startsWith('workers/'))) {
      const s = text.get(f)!;
      for (const m of s.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)/gm)) {
        const [, kind, name] = m;
        if (kind === 'class' && new RegExp(`customElements\\.define\\([^)]*\\b${name}\\b`).test(s)) continue;
        const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
        // A re-export from an index counts only if something imports the name from there.
        const users = files.filter(
          (g) => g !== f && word.test(text.get(g)!) && !(g.endsWith('/index.ts') && !files.some((h) => h !== g && h !== f && word.test(text.get(h)!))),
        );
        if (users.length === 0 && !ALLOWED.has(`${f}: ${name}`)) unused.push(`${f}: ${name}`);
      }
    }
    expect(unused).toEqual([]);
  });
});
