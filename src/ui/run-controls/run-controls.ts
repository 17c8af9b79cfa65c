import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { SPEEDS, type RunStatus } from '../controllers/engine-controller.ts';
import { emit, type RunCommand } from '../events.ts';

/**
 * Play, pause, step a day or a week, run to the end, reset and speed; the simulated date, and a
 * timeline bar with the day the agreement starts marked on it.
 */
export class RunControls extends LitElement {
  static override properties = {
    status: { type: String },
    day: { type: Number },
    days: { type: Number },
    activationDay: { type: Number },
    speed: { type: Number },
    preparing: { type: Number },
  };

  declare status: RunStatus;
  declare day: number;
  declare days: number;
  declare activationDay: number;
  declare speed: number;
  declare preparing: number;

  constructor() {
    super();
    this.status = 'starting';
    this.day = 0;
    this.days = 0;
    this.activationDay = 0;
    this.speed = 1;
    this.preparing = 0;
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
      <div class="clock" aria-live="polite">${this.clock()}</div>
      <div class="bar" role="progressbar" aria-label="Days simulated" aria-valuemin="0" aria-valuemax=${this.days} aria-valuenow=${this.day}>
        <div class="fill" style="width:${(share * 100).toFixed(2)}%"></div>
        ${this.days > 0 ? html`<div class="activation" style="left:${(mark * 100).toFixed(2)}%" title="Agreement starts on day ${this.activationDay}"><span>policy starts</span></div>` : nothing}
      </div>
    `;
  }

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
    .clock {
      margin: 0.4rem 0 0.3rem;
      font-variant-numeric: tabular-nums;
    }
    .bar {
      position: relative;
      height: 0.7rem;
      background: #e7e2d6;
      border-radius: 4px;
      margin-bottom: 1.1rem;
    }
    .fill {
      height: 100%;
      background: #14213d;
      border-radius: 4px;
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
