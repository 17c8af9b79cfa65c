import { describe, expect, it } from 'vitest';
import { describeRun } from '../../../src/ui/summary/describe.ts';
import { runSummary, smallScenario } from '../../helpers/small.ts';

describe('run summary in plain words', () => {
  const summary = runSummary(smallScenario({ policing: { stopsPerOfficerDay: 2 } }, { residents: 8000 }, { model: 'taskForce', deputisedShare: 0.5 }));

  it('says the policy has not started while the run is before it', () => {
    expect(describeRun(summary, 120, 50)).toEqual(['The policy starts on day 120. Run past it to compare before and after.']);
  });

  it('states reporting by group with the numbers from the metrics', () => {
    const lines = describeRun(summary, 120, 365);
    const before = Math.round(summary.jurisdictions[0].groups.latinoNoncitizen.before.reportedShare! * 100);
    const after = Math.round(summary.jurisdictions[0].groups.latinoNoncitizen.after.reportedShare! * 100);
    const line = lines.find((l) => l.startsWith('Reporting of crime among Latino non-citizens'));
    expect(line).toBeDefined();
    expect(line).toContain(`${before}%`);
    expect(line).toContain(`${after}%`);
    expect(lines.some((l) => /stopped \d+(\.\d)? times as often/.test(l))).toBe(true);
    expect(lines.some((l) => /detainers a year/.test(l))).toBe(true);
    expect(lines[0]).toMatch(/one run of a random model/);
  });
});
