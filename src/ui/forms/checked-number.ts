import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { z } from 'zod';
import { firstProblem } from '../../scenario/boundaries.ts';

/**
 * A number typed into a field, checked by a schema (the same one links and the command line use). A
 * value it refuses is not silently replaced: the field says why (the browser's validity bubble, kept
 * while the value stays) and the setting keeps its last good value until the field holds a good one.
 * `keeper` names what keeps it, e.g. "the comparison".
 */
function checkedNumber(e: Event, schema: z.ZodType<number>, fallback: number, keeper: string): number {
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

/**
 * A labelled number field whose input is checked by `schema` (see checkedNumber); its min and max are
 * the schema's own bounds unless given (a union schema has none to read), so the page and the check
 * cannot disagree.
 */
export function numberField(o: {
  id: string;
  label: string;
  schema: z.ZodType<number>;
  value: number;
  keeper: string;
  set: (value: number) => void;
  disabled?: boolean;
  step?: number;
  min?: number;
  max?: number;
}): TemplateResult {
  const bounds = o.schema as { minValue?: number | null; maxValue?: number | null };
  const min = o.min ?? bounds.minValue ?? undefined;
  const max = o.max ?? bounds.maxValue ?? undefined;
  return html`<label>${o.label} <input id=${o.id} type="number" min=${ifDefined(min)} max=${ifDefined(max)} step=${ifDefined(o.step)} .value=${String(o.value)} ?disabled=${o.disabled ?? false} @change=${(e: Event) => o.set(checkedNumber(e, o.schema, o.value, o.keeper))} /></label>`;
}
