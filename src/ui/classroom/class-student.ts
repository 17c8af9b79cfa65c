import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../i18n/labels.ts';
import { type ClassAnswer, ROOM_ALPHABET, ROOM_CODE_LENGTH, type ServerMessage, type StudentState } from '../../classroom/protocol.ts';
import { modelValueText, stepDigits } from '../../classroom/tally.ts';
import { getLocale } from '../i18n/locale.ts';
import { ClassSocket, type SocketStatus } from './class-socket.ts';

const CLIENT_KEY = 'trustfall-class-client';

/** This phone's id for class mode: random, kept in the browser so a student who comes back keeps their answers. Not a name. */
function clientId(): string {
  try {
    const kept = localStorage.getItem(CLIENT_KEY);
    if (kept && /^[A-Za-z0-9_-]{16,40}$/.test(kept)) return kept;
  } catch {
    // Storage blocked: an id for this visit.
  }
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  const id = Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_-'[b & 63]).join('');
  try {
    localStorage.setItem(CLIENT_KEY, id);
  } catch {
    // As above.
  }
  return id;
}

/** The class code in the page's address (#CODE), or '' for none or a malformed one. */
function hashCode(): string {
  try {
    return cleanCode(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return '';
  }
}

/** A room code as typed or scanned: upper-cased, spaces and dashes dropped. */
function cleanCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

const CODE_PATTERN = new RegExp(`^[${ROOM_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/**
 * A student's phone in class mode (class.html): the class's current question and nothing else (no lab,
 * no editor). The student picks an option or slides a guess; it is sent at once and can be changed until
 * the trainer closes the vote; once the chapter has run, the model's answer shows beside theirs.
 * The page follows the trainer from chapter to chapter, and after a reload, a locked phone or a lost
 * connection it rejoins where the class is, with the student's answers.
 */
export class ClassStudent extends LitElement {
  static override properties = {
    code: { state: true },
    state: { state: true },
    status: { state: true },
    problem: { state: true },
    pending: { state: true },
  };
  declare code: string;
  declare state: StudentState | undefined;
  declare status: SocketStatus;
  declare problem: string;
  /** An answer sent but not yet confirmed (or chosen while the connection was down, sent when it is back), for its chapter only. */
  declare pending: { chapter: string; answer: ClassAnswer } | undefined;
  private socket?: ClassSocket;
  private readonly client = clientId();

  constructor() {
    super();
    this.code = hashCode();
    this.status = 'connecting';
    this.problem = '';
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (CODE_PATTERN.test(this.code)) this.join();
    addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.socket?.stop();
    removeEventListener('hashchange', this.onHash);
  }

  /** A join link opened in a tab already on this page changes only the hash: join the class it names. */
  private onHash = () => {
    const code = hashCode();
    if (code === this.code && this.socket) return;
    if (!CODE_PATTERN.test(code)) return;
    this.code = code;
    this.join();
  };

  private join(): void {
    this.socket?.stop();
    this.problem = '';
    history.replaceState(null, '', `#${this.code}`);
    const socket = new ClassSocket(() => ({ t: 'hello', room: this.code, client: this.client }), this.onMessage);
    socket.addEventListener('status', () => {
      // A socket given up for another (a new code) says nothing more.
      if (this.socket !== socket) return;
      this.status = socket.status;
      const p = this.pending;
      if (socket.status === 'open' && p) socket.send({ t: 'answer', chapter: p.chapter, answer: p.answer });
    });
    this.socket = socket;
  }

  private onMessage = (m: ServerMessage) => {
    if (m.t === 'state') {
      this.state = m;
      const p = this.pending;
      // Confirmed, or overtaken: the class has moved on, or the vote closed before it arrived.
      if (p && (m.chapter?.id !== p.chapter || !m.open || JSON.stringify(m.answer) === JSON.stringify(p.answer))) this.pending = undefined;
    } else if (m.t === 'refused') {
      // A refused answer is not kept for a later try.
      if (m.why !== 'bad-room') this.pending = undefined;
      if (m.why === 'bad-room') {
        this.socket?.stop();
        this.socket = undefined;
        this.state = undefined;
        this.problem = msg('No class is running with that code here. Check the code on the projector.');
      } else if (m.why === 'vote-closed') this.problem = msg('The vote had closed: your last change was not counted.');
      else if (m.why === 'rate') this.problem = msg('Slow down a little: that change was not counted.');
    }
  };

  private send(a: ClassAnswer): void {
    const c = this.state?.chapter;
    if (!c) return;
    this.pending = { chapter: c.id, answer: a };
    this.problem = '';
    this.socket?.send({ t: 'answer', chapter: c.id, answer: a });
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 34rem;
      margin: 0 auto;
      padding: 1rem;
      font: 1.125rem/1.45 system-ui, sans-serif;
      color: #14213d;
    }
    h1 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
    h2 {
      font-size: 1.4rem;
      margin: 0.25rem 0 1rem;
    }
    .where,
    .hint {
      color: #4a5568;
      font-size: 1rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.75rem;
    }
    label.option {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      min-height: 3rem;
      padding: 0.5rem 0.75rem;
      margin: 0.5rem 0;
      border: 2px solid #cbd5e0;
      border-radius: 0.5rem;
      background: #fff;
    }
    label.option:has(input:checked) {
      border-color: #14213d;
      background: #eef2ff;
    }
    input[type='radio'] {
      width: 1.5rem;
      height: 1.5rem;
    }
    input[type='range'] {
      width: 100%;
      height: 2.5rem;
    }
    output {
      font-size: 1.6rem;
      font-weight: 700;
      display: block;
      text-align: center;
    }
    .status {
      margin-top: 1rem;
      padding: 0.75rem;
      border-radius: 0.5rem;
      background: #f0f4f8;
    }
    .status.sent {
      background: #e6f4ea;
    }
    .problem {
      background: #fdecea;
    }
    .model {
      background: #fff7e0;
    }
    form {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    input[type='text'] {
      font: inherit;
      letter-spacing: 0.15em;
      text-transform: uppercase;
      padding: 0.5rem;
      width: 10ch;
    }
    button {
      font: inherit;
      padding: 0.5rem 1rem;
      border-radius: 0.5rem;
      border: 0;
      background: #14213d;
      color: #fff;
    }
  `;

  protected override willUpdate(): void {
    document.title = msg('Trustfall class');
  }

  override render(): TemplateResult {
    return html`<main>
      <h1>${msg('Trustfall class')}</h1>
      ${this.socket ? this.question() : this.codeForm()}
      ${this.problem ? html`<p class="status problem" role="alert">${this.problem}</p>` : nothing}
      <p class="hint connection" role="status">${this.socket ? this.connection() : ''}</p>
    </main>`;
  }

  private connection(): string {
    if (this.status === 'open') return msg(str`Connected to class ${this.code}.`);
    return this.status === 'connecting' ? msg('Connecting…') : msg('Connection lost: reconnecting… (your answer is kept)');
  }

  private codeForm(): TemplateResult {
    return html`<form @submit=${this.onCode}>
      <label for="code">${msg('Class code (on the projector)')}</label>
      <input id="code" type="text" inputmode="text" autocomplete="off" autocapitalize="characters" maxlength="12" .value=${this.code} required />
      <button type="submit">${msg('Join')}</button>
    </form>`;
  }

  private onCode = (e: Event) => {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code');
    const code = cleanCode(input?.value ?? '');
    if (!CODE_PATTERN.test(code)) {
      this.problem = msg(str`A class code is ${ROOM_CODE_LENGTH} letters and digits.`);
      return;
    }
    this.code = code;
    this.join();
  };

  private question(): TemplateResult {
    const s = this.state;
    const c = s?.chapter;
    if (!s || !c) return html`<p class="status">${msg('You are in. The question will appear here when your trainer starts.')}</p>`;
    const mine = (this.pending?.chapter === c.id ? this.pending.answer : undefined) ?? s.answer;
    const p = c.prediction;
    const locale = getLocale();
    const shown = (a: ClassAnswer) =>
      'option' in a
        ? p.kind === 'choice'
          ? (p.options[a.option] ?? '')
          : ''
        : p.kind === 'slider'
          ? `${formatNumber(a.value, stepDigits(p.step), locale, c.units.signed)}${c.units.text}`
          : '';
    return html`<p class="where">${msg(str`Chapter ${c.index + 1} of ${c.count}`)}</p>
      <h2>${c.title}</h2>
      <fieldset ?disabled=${!s.open}>
        <legend>${c.question}</legend>
        ${
          p.kind === 'choice'
            ? p.options.map(
                (o, k) =>
                  html`<label class="option"><input type="radio" name="answer" .checked=${mine !== null && mine !== undefined && 'option' in mine && mine.option === k} @change=${() => this.send({ option: k })} />${o}</label>`,
              )
            : this.slider(p, mine && 'value' in mine ? mine.value : p.start, shown)
        }
      </fieldset>
      ${
        s.open
          ? mine
            ? html`<p class="status sent" role="status">${this.pending?.chapter === c.id ? msg(str`Sending your answer: ${shown(mine)}…`) : msg(str`Your answer is in: ${shown(mine)}. You can change it until the vote closes.`)}</p>`
            : html`<p class="status">${msg('Choose your answer: it is sent at once, and you can change it until the vote closes.')}</p>`
          : html`<p class="status" role="status">${mine ? msg(str`The vote is closed. Your answer: ${shown(mine)}.`) : msg('The vote is closed.')}</p>`
      }
      ${s.result ? html`<p class="status model" role="status">${this.modelText(s)}</p>` : nothing}`;
  }

  private slider(
    p: Extract<NonNullable<StudentState['chapter']>['prediction'], { kind: 'slider' }>,
    value: number,
    shown: (a: ClassAnswer) => string,
  ): TemplateResult {
    const text = shown({ value });
    return html`<label for="guess">${msg('Your guess')}</label>
      <output for="guess">${text}</output>
      <input id="guess" type="range" min=${p.min} max=${p.max} step=${p.step} .value=${String(value)} aria-valuetext=${text}
        @input=${(e: Event) => {
          const out = this.renderRoot.querySelector('output');
          if (out) out.textContent = shown({ value: Number((e.target as HTMLInputElement).value) });
        }}
        @change=${(e: Event) => this.send({ value: Number((e.target as HTMLInputElement).value) })} />`;
  }

  private modelText(s: StudentState): string {
    const r = s.result;
    const c = s.chapter;
    if (!r || !c) return '';
    const value = modelValueText(c, r, getLocale());
    const p = c.prediction;
    if (p.kind === 'choice') return msg(str`The model\u2019s answer: \u201c${r.option === null ? '?' : (p.options[r.option] ?? '?')}\u201d, ${value}.`);
    return msg(str`The model\u2019s answer: ${value}.`);
  }
}

customElements.define('class-student', ClassStudent);

declare global {
  interface HTMLElementTagNameMap {
    'class-student': ClassStudent;
  }
}
