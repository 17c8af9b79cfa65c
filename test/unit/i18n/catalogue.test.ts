import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricDef, type MetricKey } from '../../../src/engine/index.ts';
import { metricLabel, presetDescription, presetTitle } from '../../../src/i18n/labels.ts';
import { builtInChapters, readPreset } from '../../helpers/story.ts';
import { editorWords } from '../../../src/scenario/editor-words.ts';
import { dataWordsModule } from '../../../src/i18n/data-words.ts';
import { PRESETS } from '../../../src/scenario/presets.ts';

/**
 * The Spanish catalogue is complete and current: lit-localize extracts every msg() of the source again
 * (into a copy of the catalogue, so the repository is untouched) and every message must have a Spanish
 * target; building from the catalogue must give the committed runtime module. A string added to the UI
 * without a translation, or a translation not rebuilt (npm run i18n), fails here.
 */
const dir = mkdtempSync(join(tmpdir(), 'trustfall-i18n-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extractAndBuild(): { xliff: string; built: string } {
  cpSync('src/ui/i18n/xliff', join(dir, 'xliff'), { recursive: true });
  const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
  config.interchange.xliffDir = join(dir, 'xliff');
  config.output.outputDir = join(dir, 'out');
  config.output.localeCodesModule = join(dir, 'out', 'locale-codes.ts');
  config.inputFiles = config.inputFiles.map((g: string) => resolve(g));
  delete config.$schema;
  const path = join(dir, 'lit-localize.json');
  writeFileSync(path, JSON.stringify(config));
  const bin = resolve('node_modules/.bin/lit-localize');
  execFileSync(bin, ['extract', '--config', path], { stdio: 'pipe' });
  execFileSync(bin, ['build', '--config', path], { stdio: 'pipe' });
  return { xliff: readFileSync(join(dir, 'xliff', 'es.xlf'), 'utf8'), built: readFileSync(join(dir, 'out', 'es.js'), 'utf8') };
}

describe('the Spanish catalogue', () => {
  it('translates every message of the source, and the committed runtime module is built from it', { timeout: 120_000 }, () => {
    const { xliff, built } = extractAndBuild();
    const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
    expect(units.length).toBeGreaterThan(100);
    const untranslated = units
      .filter(([, , body]) => !/<target>[\s\S]*\S[\s\S]*<\/target>/.test(body))
      .map(([, id, body]) => `${id}: ${body.match(/<source>([\s\S]*?)<\/source>/)?.[1]}`);
    expect(untranslated).toEqual([]);
    expect(built).toBe(readFileSync('src/ui/i18n/generated/locales/es.js', 'utf8'));
  });

  it('the editor\u2019s words from the scenario schema are all in the module the catalogue is extracted from', () => {
    // npm run i18n writes the module; a schema change not followed by it would leave new words untranslated.
    expect(editorWords().length).toBeGreaterThan(300);
    expect(readFileSync('src/ui/i18n/generated/editor-words.ts', 'utf8')).toBe(dataWordsModule());
  });

  it('every built-in story chapter has its Spanish words', () => {
    for (const c of builtInChapters()) expect(c.translations.es?.title, c.id).toBeTruthy();
  });

  it('presets are named and described in English exactly as their files and the preset list say', () => {
    for (const { id, title } of PRESETS) {
      const file = readPreset(id);
      expect(presetTitle(id), id).toBe(title);
      expect(presetDescription(id), id).toBe(file.description);
    }
  });

  it('the translated metric labels say in English exactly what the metric table says', () => {
    const keys: MetricKey[] = [
      'meanTrust',
      'meanFear',
      'meanBelief',
      'reportedShare',
      'violentReportedShare',
      'cooperationRate',
      'violentVictimisationPer1000',
      'clearanceRate',
      'stopsPer1000',
      'detainers',
      'removals',
      'expectedReporting',
    ];
    for (const k of keys) expect(metricLabel(k), k).toBe(metricDef(k).label);
  });
});
