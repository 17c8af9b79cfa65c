import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { translated } from '../../vocabulary/translated.ts';
import { humanise } from '../../scenario/editor-words.ts';
import { describeAllowed, type SchemaNode } from '../../scenario/index.ts';
import { pathText, type Path } from '../../scenario/paths.ts';
import { getLocale } from '../i18n/locale.ts';

/** A source as published (citations and their notes stay in their language); the word "assumption" in the page's. */
export function sourceText(source: unknown): string {
  const text = String(source ?? 'assumption');
  return text.startsWith('assumption') ? msg('assumption') + text.slice('assumption'.length) : text;
}

/** A schema key as a label in the app's language ("profilingMultiplier" → "Profiling multiplier"). */
export function fieldLabel(key: string): string {
  return translated(humanise(key));
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
  // A number that may be left empty (null), such as an agreement's end day.
  const options = node.anyOf as SchemaNode[] | undefined;
  const nullable = options?.some((o) => o.type === 'null') ?? false;
  const num = node.type === 'number' || node.type === 'integer' ? node : options?.find((o) => o.type === 'number' || o.type === 'integer');
  if (node.enum) {
    input = html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'} @change=${(e: Event) => onChange(path, (e.target as HTMLSelectElement).value)}>
      ${node.enum.map((v) => html`<option value=${String(v)} ?selected=${v === shown}>${fieldLabel(String(v))}</option>`)}
    </select>`;
  } else if (node.type === 'boolean') {
    input = html`<input id=${id} type="checkbox" aria-describedby=${describedBy} .checked=${shown === true} @change=${(e: Event) => onChange(path, (e.target as HTMLInputElement).checked)} />`;
  } else if (num) {
    input = html`<input
      id=${id}
      type="number"
      inputmode="decimal"
      min=${num.minimum ?? nothing}
      max=${num.maximum ?? nothing}
      step=${num.type === 'integer' ? '1' : 'any'}
      placeholder=${nullable ? msg('none') : nothing}
      aria-describedby=${describedBy}
      aria-invalid=${error ? 'true' : 'false'}
      .value=${shown === undefined || shown === null ? '' : String(shown)}
      @change=${(e: Event) => onChange(path, readNumber((e.target as HTMLInputElement).value, nullable))}
    />`;
  } else {
    input = html`<input id=${id} type="text" aria-describedby=${describedBy} .value=${String(shown ?? '')} @change=${(e: Event) => onChange(path, (e.target as HTMLInputElement).value)} />`;
  }
  return html`<div class="field ${error ? 'invalid' : ''}" data-path=${pathText(path)}>
    <label for=${id}>${fieldLabel(key)}</label>
    ${input}
    <div class="help" id=${helpId}>
      ${node.description ? translated(node.description) : nothing}
      <span class="meta">${describeAllowed(node, getLocale())}. <span class="source">${!node.source || node.source === 'assumption' ? msg('Source: assumption.') : msg(str`Source: ${sourceText(node.source)}.`)}</span></span>
    </div>
    ${pathText(path) === 'run.replicates' ? html`<p class="note">${msg('The lab plays the first replicate of this seed; the command line averages this many, and Compare sets its own number.')}</p>` : nothing}
    ${error ? html`<div class="error" id=${errId} role="alert">${error}</div>` : nothing}
  </div>`;
}

/**
 * A number typed in the box; text that is not a number is kept as text so the error can name it. An
 * empty box is the default, or null where the field allows none.
 */
function readNumber(raw: string, nullable: boolean): unknown {
  if (raw.trim() === '') return nullable ? null : undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}
