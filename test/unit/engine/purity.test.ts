import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../../helpers/folder-order.ts';

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
      // Every kind of import (side-effect and dynamic too); the folder order test covers the rest.
      for (const i of importsOf(text)) expect(i, p).not.toMatch(/^node:|\/ui\/|\/render\/|workers\/|\/cli\//);
    }
  });
  it('uses no ambient randomness, time, console or DOM', () => {
    for (const { p, text } of sources) {
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, p).not.toMatch(/Math\.random|Date\.|new Date|performance\.|console\.|document\.|window\.|globalThis/);
    }
  });
  it('calls no transcendental function of Math, whose last bit differs between JavaScript engines (portable-math.ts has them)', () => {
    for (const { p, text } of sources) {
      if (p.endsWith('portable-math.ts')) continue;
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, p).not.toMatch(/Math\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\b|\*\*/);
    }
  });
});

// One reporting equation: its coefficients are read from the scenario in one place (params.ts) and
// combined in one place (behaviour.ts), so no second copy of the formula can drift from the first.
describe('one reporting equation', () => {
  const sources = files('src').map((p) => ({ p, code: readFileSync(p, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '') }));
  it('the behavioural coefficients are read from the scenario only where they are unpacked', () => {
    for (const { p, code } of sources) {
      // story/mechanisms.ts names parameters by their schema paths (as text, for How it works), reading none.
      if (p.endsWith('engine/params.ts') || p.includes('/scenario/') || p.includes('/ui/') || p.endsWith('story/mechanisms.ts')) continue;
      expect(code, p).not.toMatch(
        /\w\.(trust|fear|entanglement)\.(reportingEffect|cooperationEffect)\b|\.(cooperationRatio|statusReportingShift|latinoReportingShift)\b/,
      );
      // Nor taken apart by destructuring (const { reportingEffect } = s.fear).
      expect(code, p).not.toMatch(
        /\{[^{}]*\b(reportingEffect|cooperationEffect|cooperationRatio|statusReportingShift|latinoReportingShift)\b[^{}]*\}\s*=[^=>]/,
      );
    }
  });
  it('the log-odds are assembled only by behaviour.ts: every other file calls it', () => {
    for (const { p, code } of sources) {
      if (p.endsWith('engine/behaviour.ts')) continue;
      expect(code, p).not.toMatch(/\b(reporting|cooperation|coefficients)\.(trustEffect|fearEffect|beliefEffect|shiftByKind|base)\b/);
      expect(code, p).not.toMatch(/\{[^{}]*\b(trustEffect|fearEffect|beliefEffect|shiftByKind)\b[^{}]*\}\s*=[^=>]/);
    }
  });
});
