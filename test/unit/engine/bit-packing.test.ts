import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  jurKindJurisdiction,
  jurKindKind,
  jurKindOf,
  jurKindsCrossGroup,
  KINDS,
  kindIsLatino,
  kindIsMixed,
  kindIsNoncitizen,
  kindOf,
  kindStatus,
  STATUSES,
} from '../../../src/vocabulary/codes.ts';

/**
 * A resident's kind and jurKind pack several facts into one byte (issue 23). They are read only
 * through the accessors in src/vocabulary/codes.ts, so the packing can change in one place: no file
 * tests the bits itself (`kind[r] >= 8`, `& 3`, `>> 4`, `j * 16 + kind`).
 */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? (p.endsWith('generated') ? [] : files(p)) : p.endsWith('.ts') ? [p] : [];
  });
}
const RAW = [/\bkind\w*\s*\[[^\]]+\]\s*(>=|<=|<|>|&|>>|\^)/i, />>\s*[34]\b/, /&\s*(3|4|7|15)\b/, /\*\s*(16|KINDS)\s*\+/];

describe('bit packing behind accessors', () => {
  it('no file but the vocabulary tests a kind\u2019s or jurKind\u2019s bits itself', () => {
    const found: string[] = [];
    for (const p of [...files('src'), ...files('workers')]) {
      // The packing itself, and the bit-exact arithmetic of exp and log.
      if (p.endsWith(join('vocabulary', 'codes.ts')) || p.endsWith('portable-math.ts')) continue;
      const code = readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      code.split('\n').forEach((line, i) => {
        if (RAW.some((re) => re.test(line))) found.push(`${p}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('the accessors read back what kindOf and jurKindOf packed, for every combination', () => {
    for (let j = 0; j < 15; j++)
      for (const latino of [false, true])
        for (const mixed of [false, true])
          for (let status = 0; status < STATUSES.length; status++) {
            const kind = kindOf(latino, mixed, status);
            expect(kind).toBeLessThan(KINDS);
            expect([kindIsLatino(kind), kindIsMixed(kind), kindStatus(kind), kindIsNoncitizen(kind)]).toEqual([latino, mixed, status, status >= 2]);
            const jk = jurKindOf(j, kind);
            expect(jk).toBeLessThan(255);
            expect([jurKindJurisdiction(jk), jurKindKind(jk)]).toEqual([j, kind]);
            expect(jurKindsCrossGroup(jk, jurKindOf(0, kindOf(!latino, mixed, status)))).toBe(1);
            expect(jurKindsCrossGroup(jk, jurKindOf(3, kindOf(latino, !mixed, 0)))).toBe(0);
          }
  });
});
