import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../../src/engine/index.ts';
import { listParameters } from '../../../src/scenario/json-schema.ts';
import { resolveScenario } from '../../../src/scenario/index.ts';
import { parsePath } from '../../../src/scenario/paths.ts';

/** The Nelder–Mead reports of docs/calibration/ made with this engine: the points the defaults ship. */
function shippedFits(): { name: string; parameters: { path: string; value: number }[] }[] {
  return readdirSync('docs/calibration')
    .filter((f) => f.endsWith('.report.json'))
    .map((f) => ({ name: f.replace(/\.report\.json$/, ''), report: JSON.parse(readFileSync(`docs/calibration/${f}`, 'utf8')) }))
    .filter(({ report }) => report.engineVersion === ENGINE_VERSION && typeof report.evaluations === 'number')
    .map(({ name, report }) => ({ name, parameters: report.parameters }));
}

function defaultAt(path: string): unknown {
  let v: unknown = resolveScenario({});
  for (const key of parsePath(path)) v = (v as Record<string | number, unknown>)[key];
  return v;
}

describe('the shipped defaults are the saved calibration', () => {
  const fits = shippedFits();
  const sources = new Map(listParameters().map((p) => [p.path, String(p.node.source ?? '')]));

  it('every parameter a calibration of this engine fitted defaults to exactly the value it found, and says so in its source', () => {
    expect(fits.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const fit of fits) {
      for (const p of fit.parameters) {
        expect(seen.has(p.path), `${p.path} is fitted by two reports`).toBe(false);
        seen.add(p.path);
        expect(defaultAt(p.path), `${p.path} (docs/calibration/${fit.name}.report.json)`).toBe(p.value);
        expect(sources.get(p.path), p.path).toContain(`calibrated: docs/calibration/${fit.name}.report.json`);
      }
    }
  });

  it('no parameter claims a calibration that no report of this engine made', () => {
    const fitted = new Set(fits.flatMap((f) => f.parameters.map((p) => p.path)));
    for (const [path, source] of sources) {
      if (source.includes('calibrated: docs/calibration/')) expect(fitted.has(path), `${path}: ${source}`).toBe(true);
    }
  });
});
