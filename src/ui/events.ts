import type { Path } from '../scenario/paths.ts';

/** Custom events the components send up, typed once here. */
export interface ScenarioEditDetail {
  path: Path;
  /** The new value; undefined returns the field to its default. */
  value: unknown;
}

declare global {
  interface HTMLElementEventMap {
    'scenario-edit': CustomEvent<ScenarioEditDetail>;
    'seed-change': CustomEvent<number>;
    'preset-select': CustomEvent<string>;
    'scenario-apply': CustomEvent<void>;
    'jurisdiction-add': CustomEvent<void>;
    'jurisdiction-remove': CustomEvent<number>;
    'resident-pick': CustomEvent<number>;
    'run-command': CustomEvent<RunCommand>;
    'speed-change': CustomEvent<number>;
    /** Take the run to this day (the timeline scrubber). */
    'run-seek': CustomEvent<number>;
    'scenario-replace': CustomEvent<Record<string, unknown>>;
    'comparison-change': CustomEvent<import('./state/share-link.ts').SharedComparison>;
  }
}

export type RunCommand = 'play' | 'pause' | 'step-day' | 'step-week' | 'run-to-end' | 'reset';

/** Dispatches a composed, bubbling custom event from `el`. */
export function emit<K extends keyof HTMLElementEventMap>(
  el: HTMLElement,
  type: K,
  detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
