import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { SPEEDS, type RunStatus } from '../controllers/engine-controller.ts';
import { emit, type RunCommand } from '../events.ts';

/** A speed's name in the app's language. */
export function speedLabel(days: number): string {
  if (days === 7) return msg('1 week a second');
  if (days === 30) return msg('1 month a second');
  if (days === 91) return msg('3 months a second');
  return msg('1 year a second');
}

/**
 * Play, pause, step a day or a week, run to the end, reset and speed; the simulated date, and a
 * timeline with the day the agreement starts marked on it, which scrubs: drag it (or use the arrow keys
 * on it) back to any day already simulated, and the town, charts and summary show that day.
 */
export class RunControls extends LitElement {
  static override properties = {
    status: { type: String },
    day: { type: Number },
    days: { type: Number },
    activationDay: { type: Number },
    speed: { type: Number },
    preparing: { type: Number },
    furthest: { type: Number },
    snapshots: { attribute: false },
  };

  declare status: RunStatus;
  declare day: number;
  declare days: number;
  declare activationDay: number;
  declare speed: number;
  declare preparing: number;
  declare furthest: number;
  /** What the Worker keeps to revisit days: snapshots, their memory and spacing. */
  declare snapshots: { count: number; bytes: number; every: number };

  constructor() {
    super();
    this.status = 'starting';
    this.day = 0;
    this.days = 0;
    this.activationDay = 0;
    this.speed = 1;
    this.preparing = 0;
    this.furthest = 0;
    this.snapshots = { count: 0, bytes: 0, every: 0 };
    updateWhenLocaleChanges(this);
  }

  /** Moves keyboard focus to the first enabled control (Play or Pause). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }

  override render(): TemplateResult {
    const ready = this.status === 'ready';
    const playing = this.status === 'playing';
    const canStep = ready;
    const cmd = (c: RunCommand) => () => emit(this, 'run-command', c);
    const share = this.days > 0 ? Math.min(1, this.day / this.days) : 0;
    const mark = this.days > 0 ? this.activationDay / this.days : 0;
    const scrubbable = (ready || playing || this.status === 'finished') && this.furthest > 0;
    return html`
      <div class="buttons" role="toolbar" aria-label=${msg('Run controls')}>
        <!-- One element for both states, so keyboard focus stays on it when it toggles. -->
        <button class="primary" ?disabled=${!ready && !playing} @click=${cmd(playing ? 'pause' : 'play')} title=${msg('Play or pause (Space)')} aria-pressed=${playing ? 'true' : 'false'}>
          ${playing ? msg('Pause') : msg('Play')}
        </button>
        <button ?disabled=${!canStep} @click=${cmd('step-day')}>${msg('Step a day')}</button>
        <button ?disabled=${!canStep} @click=${cmd('step-week')}>${msg('Step a week')}</button>
        <button ?disabled=${!(ready || playing)} @click=${cmd('run-to-end')}>${msg('Run to end')}</button>
        <button ?disabled=${this.status === 'starting' || this.status === 'preparing' || this.status === 'invalid'} @click=${cmd('reset')}>${msg('Reset')}</button>
        <label for="speed">${msg('Speed')}</label>
        <select id="speed" @change=${(e: Event) => emit(this, 'speed-change', Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((s) => html`<option value=${s.days} ?selected=${s.days === this.speed}>${speedLabel(s.days)}</option>`)}
        </select>
      </div>
      <div class="clock">${this.clock()}</div>
      <div class="visually-hidden" aria-live="polite">${this.announcement()}</div>
      <div class="timeline">
        <div class="bar" aria-hidden="true">
          <div class="simulated" style="width:${((this.days > 0 ? Math.min(1, this.furthest / this.days) : 0) * 100).toFixed(2)}%"></div>
          <div class="fill" style="width:${(share * 100).toFixed(2)}%"></div>
          ${this.days > 0 ? html`<div class="activation" style="left:${(mark * 100).toFixed(2)}%" title=${msg(str`Agreement starts on day ${this.activationDay}`)}><span>${msg('policy starts')}</span></div>` : nothing}
        </div>
        <input
          id="scrubber"
          type="range"
          min="0"
          max=${this.days}
          step="1"
          .value=${String(this.day)}
          ?disabled=${!scrubbable}
          aria-label=${msg('Day of the run: drag back to see any day already simulated')}
          aria-valuetext=${msg(str`Day ${this.day} of ${this.days}; simulated to day ${this.furthest}`)}
          @input=${this.onScrub}
        />
      </div>
      <button class="back" ?disabled=${!scrubbable || this.furthest < this.activationDay || this.day === this.activationDay} @click=${() => emit(this, 'run-seek', this.activationDay)}>
        ${msg('Back to the day the policy started')}
      </button>
      ${this.snapshots.count > 0 ? html`<span class="memory">${this.memory()}</span>` : nothing}
    `;
  }

  /** Only days already simulated can be scrubbed to: the thumb stops at the furthest. */
  private onScrub = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const day = Math.min(Number(input.value), this.furthest);
    if (Number(input.value) !== day) input.value = String(day);
    emit(this, 'run-seek', day);
  };

  /**
   * What a screen reader hears: the status when it changes, and the date at most once a simulated month
   * while a run plays (the visible clock changes every frame, far too often to be read out).
   */
  private announcement(): string {
    const month = Math.floor(this.day / 30);
    if (this.status !== this.heard.status || month !== this.heard.month || this.status !== 'playing') {
      this.heard = { status: this.status, month, text: this.status === 'playing' ? this.dayOf(month * 30 || this.day) : this.clock() };
    }
    return this.heard.text;
  }
  private heard = { status: '', month: -1, text: '' };

  private dayOf(day: number): string {
    const days = this.days;
    return msg(str`Day ${day} of ${days}`);
  }

  private memory(): string {
    const { count, every } = this.snapshots;
    const mb = (this.snapshots.bytes / 1e6).toFixed(0);
    return msg(str`Timeline: ${count} snapshots, one every ${every} days, ${mb} MB`);
  }

  private clock(): string {
    const percent = (this.preparing * 100).toFixed(0);
    if (this.status === 'preparing') return msg(str`Preparing the town (burn-in ${percent}%)…`);
    if (this.status === 'starting') return msg('Starting the engine…');
    if (this.status === 'invalid') return msg('The scenario has values to fix before it can run.');
    if (this.status === 'error') return msg('The engine stopped.');
    const year = Math.floor(this.day / 365) + 1;
    const week = Math.floor((this.day % 365) / 7) + 1;
    const start = this.activationDay;
    const when = this.day < start ? msg(str`policy starts on day ${start}`) : msg(str`policy in force since day ${start}`);
    const finished = this.status === 'finished' ? msg(' · run finished') : '';
    return msg(str`${this.dayOf(this.day)} · year ${year}, week ${week} · ${when}${finished}`);
  }

  static override styles = css`
    :host {
      display: block;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    button,
    select {
      font: inherit;
      padding: 0.35rem 0.7rem;
      border-radius: 4px;
      border: 1px solid #14213d;
      background: #fff;
      color: #14213d;
      cursor: pointer;
    }
    button.primary {
      background: #14213d;
      color: #fff;
      min-width: 5.5rem;
    }
    button[disabled] {
      opacity: 0.45;
      cursor: default;
    }
    label {
      margin-left: 0.6rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .clock {
      margin: 0.4rem 0 0.3rem;
      font-variant-numeric: tabular-nums;
    }
    .timeline {
      position: relative;
      margin-bottom: 1.1rem;
    }
    .bar {
      position: relative;
      height: 0.7rem;
      background: #e7e2d6;
      border-radius: 4px;
    }
    .simulated,
    .fill {
      position: absolute;
      left: 0;
      top: 0;
      height: 100%;
      border-radius: 4px;
    }
    .simulated {
      background: #a9b4c9;
    }
    .fill {
      background: #14213d;
    }
    #scrubber {
      position: absolute;
      inset: -0.4rem 0;
      width: 100%;
      height: 1.5rem;
      margin: 0;
      background: transparent;
      appearance: none;
      cursor: pointer;
    }
    #scrubber::-webkit-slider-runnable-track {
      background: transparent;
      height: 1.5rem;
    }
    #scrubber::-webkit-slider-thumb {
      appearance: none;
      width: 1.1rem;
      height: 1.1rem;
      margin-top: 0.2rem;
      border-radius: 50%;
      background: #14213d;
      border: 2px solid #fff;
      box-shadow: 0 0 0 1px #14213d;
    }
    #scrubber::-moz-range-thumb {
      width: 1rem;
      height: 1rem;
      border-radius: 50%;
      background: #14213d;
      border: 2px solid #fff;
    }
    #scrubber[disabled] {
      cursor: default;
    }
    #scrubber[disabled]::-webkit-slider-thumb {
      visibility: hidden;
    }
    #scrubber:focus-visible {
      outline: 3px solid #f4a261;
      outline-offset: 2px;
    }
    .back {
      margin-bottom: 0.4rem;
    }
    .memory {
      margin-left: 0.6rem;
      font-size: 0.85rem;
      color: #555;
    }
    .activation {
      position: absolute;
      top: -0.25rem;
      bottom: -0.25rem;
      width: 3px;
      background: #c62828;
    }
    .activation span {
      position: absolute;
      top: 1.1rem;
      left: -2.5rem;
      width: 5rem;
      text-align: center;
      font-size: 0.75rem;
      color: #c62828;
    }
    :focus-visible {
      outline: 3px solid #f4a261;
      outline-offset: 2px;
    }
  `;
}

customElements.define('run-controls', RunControls);

declare global {
  interface HTMLElementTagNameMap {
    'run-controls': RunControls;
  }
}
