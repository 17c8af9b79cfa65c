import type { ReplicateTask } from '../engine/index.ts';
import { twinScenario } from '../evidence/twin.ts';
import type { PresetId } from '../scenario/presets.ts';
import { resolveScenario, type Scenario } from '../scenario/index.ts';
import type { Chapter, ScenarioRef } from './chapter.ts';
import { msg, str } from '@lit/localize';
import { presetTitle } from '../i18n/labels.ts';

/** Reads a preset's scenario as written in its file (the app bundles them; Node reads scenarios/). */
export type PresetReader = (id: PresetId) => Record<string, unknown>;

/** A chapter's scenario as written (for the lab's editor), and what its result is measured against. */
export interface ChapterScenarios {
  /** The scenario as written, and its preset id when it is one (the lab's editor shows either). */
  raw: Record<string, unknown>;
  preset?: PresetId;
  main: Scenario;
  against?: Scenario;
  /** What the comparison is: the no-agreement twin, a preset (by id), or a scenario written out. */
  againstIs: 'twin' | 'nothing' | { preset: PresetId } | 'scenario';
}

function written(ref: ScenarioRef, read: PresetReader): Record<string, unknown> {
  return 'preset' in ref ? read(ref.preset as PresetId) : structuredClone(ref.scenario);
}

/** Resolves a chapter's scenarios (throws ScenarioError, with field-named problems, for a bad one). */
export function chapterScenarios(c: Chapter, read: PresetReader): ChapterScenarios {
  const raw = written(c.scenario, read);
  const main = resolveScenario(raw, `chapter ${c.id}: scenario`);
  const preset = 'preset' in c.scenario ? (c.scenario.preset as PresetId) : undefined;
  if (c.against === 'nothing') return { raw, preset, main, againstIs: 'nothing' };
  if (c.against === 'twin') return { raw, preset, main, against: twinScenario(main), againstIs: 'twin' };
  const against = resolveScenario(written(c.against, read), `chapter ${c.id}: against`);
  return { raw, preset, main, against, againstIs: 'preset' in c.against ? { preset: c.against.preset as PresetId } : 'scenario' };
}

/** A chapter's scenario by name, in the app's language where it is a preset. */
export function scenarioName(s: ChapterScenarios): string {
  return s.preset ? presetTitle(s.preset) : s.main.name;
}

/** How the comparison is named in sentences ("the same town with no agreement"), in the app's language. */
export function againstName(s: ChapterScenarios): string {
  const a = s.againstIs;
  if (a === 'nothing') return '';
  if (a === 'twin') return msg('the same town with no agreement');
  const name = a === 'scenario' ? (s.against?.name ?? '') : presetTitle(a.preset);
  return msg(str`the scenario \u201c${name}\u201d`);
}

/**
 * The replicates a chapter runs: its scenario's, then the comparison's with the same seed and replicate
 * numbers (twin worlds), each keeping its weekly series for the chapter's chart.
 */
export function chapterTasks(c: Chapter, s: ChapterScenarios): ReplicateTask[] {
  const one = (scenario: Scenario) => Array.from({ length: c.replicates }, (_, replicate) => ({ scenario, seed: c.seed, replicate, weekly: true }));
  return [...one(s.main), ...(s.against ? one(s.against) : [])];
}
