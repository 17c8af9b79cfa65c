import type { RunSummary } from '../../engine/index.ts';
import { resolveScenario, ScenarioError, type Scenario } from '../../scenario/index.ts';
import type { Manifest } from '../../../workers/contract.ts';

/** What "Export JSON" writes: enough to reload and reproduce the run. */
export interface RunExport {
  format: 'trustfall-run';
  version: 1;
  manifest: Manifest;
  scenario: Scenario;
  summary?: RunSummary;
}

export function runExport(scenario: Scenario, manifest: Manifest, summary?: RunSummary): RunExport {
  // The scenario carries the seed that ran (the page's seed field, which the manifest records), so the
  // command line given the exported scenario reruns this very run.
  return { format: 'trustfall-run', version: 1, manifest, scenario: { ...scenario, run: { ...scenario.run, seed: manifest.seed } }, summary };
}

/**
 * Reads a file the user opened: a scenario file, or a run exported from here (its scenario and seed).
 * Refuses anything else with the same field-named messages as the command line.
 */
export function readOpenedFile(text: string, name: string): { scenario: Record<string, unknown>; seed: number } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError([`not valid JSON: ${(e as Error).message}`], name);
  }
  let scenario = raw;
  let seed: number | undefined;
  if (raw && typeof raw === 'object' && (raw as RunExport).format === 'trustfall-run') {
    scenario = (raw as RunExport).scenario;
    seed = (raw as RunExport).manifest?.seed;
  }
  const resolved = resolveScenario(scenario, name);
  return { scenario: scenario as Record<string, unknown>, seed: typeof seed === 'number' ? seed : resolved.run.seed };
}

/**
 * The file a file input was just given, and the input cleared so that picking the same file again
 * opens it again; undefined when the picker was closed without one.
 */
export function pickedFile(e: Event): File | undefined {
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  return file;
}

/** Offers text as a file download. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(filename, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadUrl(filename: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** A file name from the scenario name: lower case, dashes, no odd characters. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'trustfall'
  );
}
