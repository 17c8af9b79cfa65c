import { html, nothing, type TemplateResult } from 'lit';
import { describeAllowed, type SchemaNode } from '../../scenario/index.ts';
import { pathText, type Path } from '../state/paths.ts';

/** "profilingMultiplier" → "Profiling multiplier". */
export function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * One parameter's control, generated from its schema node: the input, its unit and range, the
 * plain-language help and the source, and the error when the value is refused.
 */
export function field(node: SchemaNode, path: Path, value: unknown, error: string | undefined, onChange: (path: Path, value: unknown) => void): TemplateResult {
  const id = `f-${pathText(path).replace(/[^a-zA-Z0-9]+/g, '-')}`;
  const key = String(path[path.length - 1]);
  const shown = value === undefined ? node.default : value;
  const helpId = `${id}-help`;
  const errId = `${id}-err`;
  const describedBy = error ? `${helpId} ${errId}` : helpId;
  let input: TemplateResult;
  if (node.enum) {
    input = html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'} @change=${(e: Event) => onChange(path, (e.target as HTMLSelectElement).value)}>
      ${node.enum.map((v) => html`<option value=${String(v)} ?selected=${v === shown}>${humanise(String(v))}</option>`)}
    </select>`;
  } else if (node.type === 'boolean') {
    input = html`<input id=${id} type="checkbox" aria-describedby=${describedBy} .checked=${shown === true} @change=${(e: Event) => onChange(path, (e.target as HTMLInputElement).checked)} />`;
  } else if (node.type === 'number' || node.type === 'integer') {
    input = html`<input
      id=${id}
      type="number"
      inputmode="decimal"
      min=${node.minimum ?? nothing}
      max=${node.maximum ?? nothing}
      step=${node.type === 'integer' ? '1' : 'any'}
      aria-describedby=${describedBy}
      aria-invalid=${error ? 'true' : 'false'}
      .value=${shown === undefined || shown === null ? '' : String(shown)}
      @change=${(e: Event) => onChange(path, readNumber((e.target as HTMLInputElement).value))}
    />`;
  } else {
    input = html`<input id=${id} type="text" aria-describedby=${describedBy} .value=${String(shown ?? '')} @change=${(e: Event) => onChange(path, (e.target as HTMLInputElement).value)} />`;
  }
  return html`<div class="field ${error ? 'invalid' : ''}" data-path=${pathText(path)}>
    <label for=${id}>${humanise(key)}</label>
    ${input}
    <div class="help" id=${helpId}>
      ${node.description}
      <span class="meta">${describeAllowed(node)}. Source: ${node.source ?? 'assumption'}.</span>
    </div>
    ${error ? html`<div class="error" id=${errId} role="alert">${error}</div>` : nothing}
  </div>`;
}

/** A number typed in the box; text that is not a number is kept as text so the error can name it. */
function readNumber(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}
