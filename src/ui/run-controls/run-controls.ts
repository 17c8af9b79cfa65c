import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { SPEEDS, type RunStatus } from '../controllers/engine-controller.ts';
import { emit, type RunCommand } from '../events.ts';

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
      <div class="buttons" role="toolbar" aria-label="Run controls">
        <!-- One element for both states, so keyboard focus stays on it when it toggles. -->
        <button class="primary" ?disabled=${!ready && !playing} @click=${cmd(playing ? 'pause' : 'play')} title="Play or pause (Space)" aria-pressed=${playing ? 'true' : 'false'}>
          ${playing ? 'Pause' : 'Play'}
        </button>
        <button ?disabled=${!canStep} @click=${cmd('step-day')}>Step a day</button>
        <button ?disabled=${!canStep} @click=${cmd('step-week')}>Step a week</button>
        <button ?disabled=${!(ready || playing)} @click=${cmd('run-to-end')}>Run to end</button>
        <button ?disabled=${this.status === 'starting' || this.status === 'preparing' || this.status === 'invalid'} @click=${cmd('reset')}>Reset</button>
        <label for="speed">Speed</label>
        <select id="speed" @change=${(e: Event) => emit(this, 'speed-change', Number((e.target as HTMLSelectElement).value))}>
          ${SPEEDS.map((s) => html`<option value=${s.days} ?selected=${s.days === this.speed}>${s.label}</option>`)}
        </select>
      </div>
      <div class="clock">${this.clock()}</div>
      <div class="visually-hidden" aria-live="polite">${this.announcement()}</div>
      <div class="timeline">
        <div class="bar" aria-hidden="true">
          <div class="simulated" style="width:${((this.days > 0 ? Math.min(1, this.furthest / this.days) : 0) * 100).toFixed(2)}%"></div>
          <div class="fill" style="width:${(share * 100).toFixed(2)}%"></div>
          ${this.days > 0 ? html`<div class="activation" style="left:${(mark * 100).toFixed(2)}%" title="Agreement starts on day ${this.activationDay}"><span>policy starts</span></div>` : nothing}
        </div>
        <input
          id="scrubber"
          type="range"
          min="0"
          max=${this.days}
          step="1"
          .value=${String(this.day)}
          ?disabled=${!scrubbable}
          aria-label="Day of the run: drag back to see any day already simulated"
          aria-valuetext=${`Day ${this.day} of ${this.days}; simulated to day ${this.furthest}`}
          @input=${this.onScrub}
        />
      </div>
      <button class="back" ?disabled=${!scrubbable || this.furthest < this.activationDay || this.day === this.activationDay} @click=${() => emit(this, 'run-seek', this.activationDay)}>
        Back to the day the policy started
      </button>
      ${this.snapshots.count > 0 ? html`<span class="memory">Timeline: ${this.snapshots.count} snapshots, one every ${this.snapshots.every} days, ${(this.snapshots.bytes / 1e6).toFixed(0)} MB</span>` : nothing}
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
      this.heard = { status: this.status, month, text: this.status === 'playing' ? `Day ${month * 30 || this.day} of ${this.days}` : this.clock() };
    }
    return this.heard.text;
  }
  private heard = { status: '', month: -1, text: '' };

  private clock(): string {
    if (this.status === 'preparing') return `Preparing the town (burn-in ${(this.preparing * 100).toFixed(0)}%)…`;
    if (this.status === 'starting') return 'Starting the engine…';
    if (this.status === 'invalid') return 'The scenario has values to fix before it can run.';
    if (this.status === 'error') return 'The engine stopped.';
    const year = Math.floor(this.day / 365) + 1;
    const week = Math.floor((this.day % 365) / 7) + 1;
    const when = this.day < this.activationDay ? `policy starts on day ${this.activationDay}` : `policy in force since day ${this.activationDay}`;
    return `Day ${this.day} of ${this.days} · year ${year}, week ${week} · ${when}${this.status === 'finished' ? ' · run finished' : ''}`;
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
