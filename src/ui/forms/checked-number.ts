import type { z } from 'zod';
import { firstProblem } from '../../scenario/boundaries.ts';

/**
 * A number typed into a field, checked by a schema (the same one links and the command line use). A
 * value it refuses is not silently replaced: the field says why (the browser's validity bubble, kept
 * while the value stays) and the setting keeps its last good value until the field holds a good one.
 * `keeper` names what keeps it, e.g. "the comparison".
 */
export function checkedNumber(e: Event, schema: z.ZodType<number>, fallback: number, keeper: string): number {
  const input = e.target as HTMLInputElement;
  const r = schema.safeParse(input.value.trim() === '' ? NaN : Number(input.value));
  if (r.success) {
    input.setCustomValidity('');
    return r.data;
  }
  input.setCustomValidity(`Not allowed: ${input.value || '(empty)'}. ${firstProblem(r.error).replace(/^the whole: /, '')}; ${keeper} keeps ${fallback}.`);
  input.reportValidity();
  return fallback;
}
