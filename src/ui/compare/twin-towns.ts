import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { speedLabel } from '../run-controls/run-controls.ts';
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { Scenario } from '../../scenario/index.ts';
import { EngineController, SPEEDS } from '../controllers/engine-controller.ts';
import '../town-view/town-view.ts';

/**
 * Two scenarios' towns side by side, advancing in step: the same seed, so the same town at the start
 * and the same offenders, with only the policy different. Each has its own engine and render Workers.
 */
export class TwinTowns extends LitElement {
  static override properties = {
    scenarios: { attribute: false },
    names: { attribute: false },
    seed: { type: Number },
    playing: { state: true },
    speed: { state: true },
  };
  declare scenarios: [Scenario, Scenario] | undefined;
  /** What to call the two towns (the scenarios' own names if not given). */
  declare names: [string, string] | undefined;
  declare seed: number;
  declare playing: boolean;
  declare speed: number;

  private engines?: [EngineController, EngineController];
  private raf = 0;

  constructor() {
    super();
    this.seed = 1;
    this.playing = false;
    this.speed = SPEEDS[1].days;
    updateWhenLocaleChanges(this);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Builds both runs (again) from day 0 and plays them: what the story does when a chapter runs. */
  async watch(): Promise<void> {
    await this.load();
    this.play();
  }

  /** Builds both runs (again) from day 0. */
  async load(): Promise<void> {
    if (!this.scenarios) return;
    this.pause();
    this.engines ??= [new EngineController(this), new EngineController(this)];
    await Promise.all(this.engines.map((e, i) => e.load(this.scenarios![i], this.seed)));
    this.requestUpdate();
  }

  override render(): TemplateResult {
    if (!this.scenarios) return html``;
    const [a, b] = this.engines ?? [];
    const ready = !!a && !!b && a.status !== 'preparing' && b.status !== 'preparing';
    return html`<div class="compare-row">
        <button class="secondary" @click=${() => this.load()}>${this.engines ? msg('Restart both') : msg('Show the two towns')}</button>
        ${
          this.engines
            ? html`<button class="primary" ?disabled=${!ready} @click=${() => (this.playing ? this.pause() : this.play())}>${this.playing ? msg('Pause both') : msg('Play both')}</button>
              <button class="secondary" ?disabled=${!ready || this.playing} @click=${() => this.step(7)}>${msg('Step a week')}</button>
              <label>${msg('Speed')} <select @change=${(e: Event) => (this.speed = Number((e.target as HTMLSelectElement).value))}>${SPEEDS.map((s) => html`<option value=${s.days} ?selected=${s.days === this.speed}>${speedLabel(s.days)}</option>`)}</select></label>
              <span role="status">${msg(str`Day ${a?.day ?? 0} / ${b?.day ?? 0} of ${a?.days ?? 0}; policy from day ${a?.activationDay ?? 0}`)}</span>`
            : nothing
        }
      </div>
      ${
        this.engines
          ? html`<div class="twin-grid">
            ${this.engines.map((e, i) => html`<figure class="twin"><figcaption>[${i + 1}] ${this.names?.[i] ?? this.scenarios![i].name}</figcaption><town-view .engine=${e}></town-view></figure>`)}
          </div>`
          : nothing
      }`;
  }

  private async step(days: number): Promise<void> {
    if (!this.engines) return;
    await Promise.all(this.engines.map((e) => e.stepDays(days)));
    this.requestUpdate();
  }

  private play(): void {
    if (!this.engines) return;
    this.playing = true;
    let last = performance.now();
    let owed = 0;
    const loop = async (now: number) => {
      if (!this.playing) return;
      owed = Math.min(30, owed + ((now - last) / 1000) * this.speed);
      last = now;
      const days = Math.floor(owed);
      if (days > 0) {
        owed -= days;
        await this.step(days);
      }
      if (this.engines!.every((e) => e.day >= e.days)) this.playing = false;
      if (this.playing) this.raf = requestAnimationFrame(loop);
    };
    this.raf = requestAnimationFrame(loop);
  }

  private pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.raf);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }
}

customElements.define('twin-towns', TwinTowns);

declare global {
  interface HTMLElementTagNameMap {
    'twin-towns': TwinTowns;
  }
}
