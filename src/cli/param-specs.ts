import { existsSync } from 'node:fs';
import { z } from 'zod';
import type { ParamSpec } from '../calibrate/calibrate.ts';
import { formatPath } from '../scenario/errors.ts';
import { parsePath } from '../scenario/paths.ts';
import { DECIMAL, UsageError } from './args.ts';
import { readInputJson } from './files.ts';

/** A `--params` JSON file: a non-empty list of parameters, no key but these (a misspelt "maxx" is refused). */
const ParamFile = z
  .array(
    z.strictObject({
      path: z.string().min(1),
      min: z.number().optional(),
      max: z.number().optional(),
      switch: z.literal(true).optional(),
    }),
  )
  .min(1);

/**
 * Fields that a calibration, a sensitivity analysis or a sweep cannot vary: the command sets them
 * itself (the seed and the replicates come from --seed and --replicates), so a value there does nothing.
 */
const NO_OP = new Map([
  ['run.seed', 'the seed is set by --seed (and each replicate its own)'],
  ['run.replicates', 'the replicates are set by --replicates'],
]);

/**
 * `--params a.b,c.d:0.1:0.9` or a JSON file of `{ path, min?, max?, switch? }`: parsed strictly (decimal
 * numbers, at most min and max), each path written one way (`[00]` is `[0]`), each field once, none that
 * the command sets itself.
 */
export function readParamSpecs(spec: string | undefined): ParamSpec[] {
  if (!spec?.trim()) throw new UsageError('--params needs the scenario fields to vary, e.g. --params crime.offenderShare,fear.reportingEffect:0.2:1');
  const specs = spec.endsWith('.json') && existsSync(spec) ? fromFile(spec) : fromList(spec);
  const seen = new Map<string, number>();
  return specs.map((p, i) => {
    let path: string;
    try {
      path = formatPath(parsePath(p.path.trim()));
    } catch (e) {
      throw new UsageError(`--params: ${(e as Error).message}`);
    }
    if (NO_OP.has(path)) throw new UsageError(`--params: ${path} cannot be varied: ${NO_OP.get(path)}`);
    if (seen.has(path)) throw new UsageError(`--params: ${path} is named twice (entries ${seen.get(path)! + 1} and ${i + 1}); name each field once`);
    seen.set(path, i);
    return { ...p, path };
  });
}

function fromFile(file: string): ParamSpec[] {
  const r = ParamFile.safeParse(readInputJson(file, '--params file'));
  if (r.success) return r.data;
  const problems = r.error.issues.map((issue) => `  - ${issue.path.length ? formatPath(issue.path) : 'the file'}: ${issue.message}`);
  throw new UsageError(`--params ${file} is not a list of { "path", "min", "max" } (or "switch": true):\n${problems.join('\n')}`);
}

function fromList(spec: string): ParamSpec[] {
  return spec.split(',').map((item) => {
    const parts = item.trim().split(':');
    const bad = () => new UsageError(`--params: ${JSON.stringify(item)} is not path, path:min:max or path:switch (min and max decimal numbers)`);
    if (parts.length > 3 || !parts[0]) throw bad();
    const [path, min, max] = parts;
    if (min === 'switch' && max === undefined) return { path, switch: true };
    const num = (v: string | undefined) => {
      if (v === undefined || v === '') return undefined;
      if (!DECIMAL.test(v.trim()) || !Number.isFinite(Number(v))) throw bad();
      return Number(v);
    };
    return { path, min: num(min), max: num(max) };
  });
}
