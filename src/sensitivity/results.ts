import type { CalibrationParam } from '../calibrate/calibrate.ts';
import { cell, quote } from '../report/csv-fields.ts';
import { type MorrisDesign, type MorrisEffect, morrisEffects } from './morris.ts';
import { type SobolDesign, type SobolIndex, sobolIndices } from './sobol.ts';

/** A parameter's result with the field it varies and the range it was varied over. */
type Named<T> = T & { path: string; range: [number, number] };

/**
 * What a sensitivity analysis found, per output: Morris effects (most important first) or Sobol indices
 * (largest total first). One shape for the command line's JSON, the app's tables and both exports.
 */
export type SensitivityResults = MorrisResults | SobolResults;
interface MorrisResults {
  method: 'morris';
  outputs: { output: string; effects: Named<MorrisEffect>[] }[];
}
interface SobolResults {
  method: 'sobol';
  outputs: { output: string; rows: number; indices: Named<SobolIndex>[] }[];
}

const named = <T extends { param: number }>(x: T, params: readonly CalibrationParam[]): Named<T> => ({
  ...x,
  path: params[x.param].path,
  range: [params[x.param].min, params[x.param].max],
});

/** Morris effects of every output, from each design point's value of that output. */
export function morrisResults(
  design: MorrisDesign,
  params: readonly CalibrationParam[],
  outputs: readonly string[],
  valuesOf: (output: string) => (number | null)[],
): MorrisResults {
  return {
    method: 'morris',
    outputs: outputs.map((output) => ({
      output,
      effects: morrisEffects(design, valuesOf(output), params.length)
        .map((e) => named(e, params))
        .sort((a, b) => b.muStar - a.muStar),
    })),
  };
}

/** Sobol indices of every output (bootstrap intervals drawn from `seed`). */
export function sobolResults(
  design: SobolDesign,
  params: readonly CalibrationParam[],
  outputs: readonly string[],
  valuesOf: (output: string) => (number | null)[],
  seed: number,
  bootstrap = 500,
): SobolResults {
  return {
    method: 'sobol',
    outputs: outputs.map((output) => {
      const { indices, rows } = sobolIndices(design, valuesOf(output), bootstrap, seed);
      return {
        output,
        rows,
        indices: indices.map((s) => named(s, params)).sort((a, b) => b.total.estimate - a.total.estimate),
      };
    }),
  };
}

/** The results as one CSV table, a row per output and parameter, after a provenance line. */
export function sensitivityCsv(r: SensitivityResults, provenance: string): string {
  const lines = [provenance];
  if (r.method === 'morris') {
    lines.push('output,parameter,min,max,mu_star,mu,sigma,effects');
    for (const o of r.outputs)
      for (const e of o.effects) lines.push([quote(o.output), quote(e.path), ...[e.range[0], e.range[1], e.muStar, e.mu, e.sigma, e.n].map(cell)].join(','));
  } else {
    lines.push('output,parameter,min,max,first,first_lo,first_hi,total,total_lo,total_hi,rows');
    for (const o of r.outputs)
      for (const s of o.indices)
        lines.push(
          [
            quote(o.output),
            quote(s.path),
            ...[s.range[0], s.range[1], s.first.estimate, s.first.lo, s.first.hi, s.total.estimate, s.total.lo, s.total.hi, o.rows].map(cell),
          ].join(','),
        );
  }
  return lines.join('\n') + '\n';
}
