import { describe, expect, it } from 'vitest';
import { estimate } from '../../../src/engine/index.ts';
import { whyAccount, whyComparison, whyFigures } from '../../../src/story/why.ts';
import { builtInChapters, chapterRunInNode } from '../../helpers/story.ts';

const chapters = builtInChapters();
const byId = (id: string) => {
  const c = chapters.find((x) => x.id === id);
  if (!c) throw new Error(`no chapter ${id}`);
  return c;
};

describe('why a chapter came out as it did', () => {
  it('reads its numbers from the run\u2019s own counts, beside the no-agreement twin\u2019s', () => {
    const c = { ...byId('task-force'), replicates: 2 };
    const { run, s } = chapterRunInNode(c);
    const f = whyFigures(c, run);
    const afterMean = (results: typeof run.main, group: 'all' | 'latinoCitizen', metric: 'detainers' | 'meanTrust') =>
      estimate(results.map((r) => r.summary.jurisdictions[0].groups[group].after[metric])).mean;
    // The chapter asks about Latino citizens: the account follows them; detainers and removals count everyone.
    expect(f.group).toBe('latinoCitizen');
    expect(f.detainers).toEqual({ value: afterMean(run.main, 'all', 'detainers'), against: afterMean(run.against, 'all', 'detainers') });
    expect(f.trust.value).toBeCloseTo(100 * (afterMean(run.main, 'latinoCitizen', 'meanTrust') as number), 12);
    // A Task Force lodges detainers its twin does not.
    expect(f.detainers.value as number).toBeGreaterThan(f.detainers.against as number);
    const text = whyAccount(c, run);
    expect(text).toHaveLength(4);
    expect(text[0]).toContain(`ICE lodged ${Math.round(f.detainers.value as number)} detainers`);
    expect(text[0]).toContain(`(${Math.round(f.detainers.against as number)})`);
    expect(whyComparison(run, s)).toBe('Means over the 2 replicates after the policy started; in brackets, the same town with no agreement.');
    expect(text[2]).toContain(`their trust in the police averaged ${(f.trust.value as number).toFixed(1)} out of 100`);
  }, 120_000);

  it('speaks of the town alone when the chapter compares with nothing, and follows Latino residents when it asks about everyone', () => {
    const c = { ...byId('baseline'), replicates: 1 };
    const { run, s } = chapterRunInNode(c);
    const f = whyFigures(c, run);
    expect(f.group).toBe('latino');
    expect(f.detainers.against).toBeNull();
    const text = whyAccount(c, run);
    expect(text.join(' ')).not.toMatch(/\(/);
    expect(whyComparison(run, s)).toBe('Figures of the one replicate after the policy started.');
    expect(text[1]).toContain('among Latino residents');
  }, 120_000);
});
