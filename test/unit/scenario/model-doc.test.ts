import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricTable } from '../../../src/engine/metrics/metric-table.ts';
import { parameterTable } from '../../../src/scenario/parameter-table.ts';
import { calibrationRecord } from '../../../src/evidence/calibration-record.ts';
import { calibrationReports } from '../../../src/cli/calibration-reports.ts';

describe('docs/MODEL.md', () => {
  const doc = readFileSync('docs/MODEL.md', 'utf8');

  it('covers every element of the ODD protocol', () => {
    for (const [i, h] of [
      'Purpose and patterns',
      'Entities, state variables and scales',
      'Process overview and scheduling',
      'Design concepts',
      'Initialisation',
      'Input data',
      'Submodels',
    ].entries())
      expect(doc).toContain(`## ${i + 1}. ${h}`);
  });

  it('has the parameter table of the current schema (run `npm run docs` after changing the schema)', () => {
    expect(doc).toContain(parameterTable());
  });

  it('has the metric table of the current definitions (run `npm run docs` after changing a metric)', () => {
    expect(doc).toContain(metricTable());
  });

  it('has the calibration record of the reports in docs/calibration (run `npm run docs` after adding one)', () => {
    expect(doc).toContain('## 9. How the model was calibrated and validated');
    const record = calibrationRecord(calibrationReports());
    expect(record.split('\n').length).toBeGreaterThan(6);
    expect(doc).toContain(record);
  });

  it('names every system the pipeline runs', () => {
    const systems = readdirSync('src/engine/systems').filter((f) => f.endsWith('.ts'));
    expect(systems.length).toBeGreaterThan(8);
    for (const f of systems) expect(doc, f).toContain(`systems/${f}`);
    expect(doc).toContain('behaviour.ts');
  });
});
