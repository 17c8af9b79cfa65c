import { describe, expect, it } from 'vitest';
import { estimate, runTask } from '../../../src/engine/index.ts';
import { parseChapter, type Chapter } from '../../../src/story/chapter.ts';
import { chapterScenarios, chapterTasks } from '../../../src/story/chapter-tasks.ts';
import { chapterSentences, measureResult, optionOf, predictionSentence } from '../../../src/story/result.ts';
import { chapterFiles, readPreset } from '../../helpers/story.ts';

/** A small chapter of our own: a town of 3,000 for two years, so it runs in a moment. */
function smallChapter(over: Record<string, unknown> = {}): Chapter {
  const raw = {
    format: 'trustfall-chapter',
    id: 'small',
    title: 'Small',
    text: ['A small town.'],
    scenario: {
      scenario: {
        name: 'Small Task Force town',
        run: { years: 2, activationDay: 365 },
        jurisdictions: [{ name: 'Smallville', residents: 3000, policy: { model: 'taskForce' } }],
      },
    },
    seed: 7,
    replicates: 3,
    question: 'What happens to trust?',
    measure: { metric: 'meanTrust', group: 'latinoNoncitizen' },
    prediction: {
      kind: 'choice',
      options: [
        { label: 'falls', from: null, to: -1 },
        { label: 'same', from: -1, to: 1 },
        { label: 'rises', from: 1, to: null },
      ],
    },
    ...over,
  };
  const r = parseChapter(raw);
  if ('problems' in r) throw new Error(r.problems.join('; '));
  return r.chapter;
}

describe('story chapters', () => {
  it('every built-in chapter file passes the schema, with unique ids, and its scenarios resolve', () => {
    const files = chapterFiles();
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.length).toBeLessThanOrEqual(7);
    const ids = new Set<string>();
    for (const { file, parsed } of files) {
      expect(parsed, file).not.toHaveProperty('problems');
      if ('problems' in parsed) continue;
      ids.add(parsed.chapter.id);
      const s = chapterScenarios(parsed.chapter, readPreset);
      expect(s.main.name.length).toBeGreaterThan(0);
      // A chapter measured against something has it; a level has nothing.
      expect(s.against === undefined).toBe(parsed.chapter.against === 'nothing');
    }
    expect(ids.size).toBe(files.length);
  });

  it('takes only http and https source links: a javascript: or data: URL is refused, naming the field', () => {
    expect(smallChapter({ sources: [{ label: 'A study', url: 'https://www.nber.org/papers/w32109' }] }).sources[0].url).toBe(
      'https://www.nber.org/papers/w32109',
    );
    for (const url of ['javascript:alert(document.domain)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x']) {
      expect(() => smallChapter({ sources: [{ label: 'A study', url }] }), url).toThrow(
        /sources\.0\.url: must be a web address starting with http:\/\/ or https:\/\//,
      );
    }
  });

  it('refuses choices that leave a gap or overlap, and names the field', () => {
    const raw = structuredClone(chapterFiles()[2].raw) as { prediction: { options: { from: number | null; to: number | null }[] } };
    raw.prediction.options[1].from = -9;
    const r = parseChapter(raw, 'x');
    expect(r).toHaveProperty('problems');
    if ('problems' in r) expect(r.problems.join('\n')).toMatch(/^x\.prediction\.options\.1\.from: must equal the previous option/m);
    const open = structuredClone(chapterFiles()[2].raw) as { prediction: { options: { to: number | null }[] } };
    open.prediction.options[3].to = 50;
    expect(parseChapter(open)).toHaveProperty('problems');
    expect(parseChapter({ ...(chapterFiles()[0].raw as object), extra: 1 })).toHaveProperty('problems');
  });

  it('the result sentence states the paired difference computed from the replicates, and judges the prediction by it', () => {
    const c = smallChapter();
    const s = chapterScenarios(c, readPreset);
    const results = chapterTasks(c, s).map(runTask);
    const main = results.slice(0, 3);
    const against = results.slice(3);
    expect(main.map((r) => r.replicate)).toEqual([0, 1, 2]);
    expect(against.map((r) => r.replicate)).toEqual([0, 1, 2]);
    // The difference, computed here independently, replicate by replicate.
    const value = (r: (typeof results)[number]) => r.summary.jurisdictions[0].groups.latinoNoncitizen.after.meanTrust as number;
    const d = estimate(main.map((r, k) => value(r) - value(against[k])));
    const r = measureResult(c.measure, { main, against });
    expect(r.difference?.mean).toBeCloseTo(d.mean as number, 12);
    expect(r.jurisdictionName).toBe('Smallville');
    const sentences = chapterSentences(c, { main, against }, { option: 0 }, s, 'en', true);
    const points = ((d.mean as number) * 100).toFixed(1).replace('-', '\u2212');
    expect(sentences[0]).toContain(`a difference of ${(d.mean as number) > 0 ? '+' : ''}${points} points`);
    expect(sentences[0]).toContain('Over 3 paired replicates');
    // In plain words (what students read first): the same numbers, without the replicates and the interval.
    const plain = chapterSentences(c, { main, against }, { option: 0 }, s);
    expect(plain[0]).toMatch(/^Mean trust in police among Latino non-citizens in Smallville came to /);
    expect(plain[0]).toContain(`a difference of ${(d.mean as number) > 0 ? '+' : ''}${points} points.`);
    expect(plain.join(' ')).not.toMatch(/replicate|interval/);
    const right = optionOf(c.prediction as Extract<Chapter['prediction'], { kind: 'choice' }>, (d.mean as number) * 100);
    const label = ['falls', 'same', 'rises'][right];
    expect(sentences[1]).toMatch(
      right === 0 ? /^You predicted \u201cfalls\u201d, and the model agrees/ : new RegExp(`the model\u2019s answer is \u201c${label}\u201d`),
    );
    const wrong = predictionSentence(c, r, { option: right === 0 ? 2 : 0 });
    expect(wrong).toMatch(new RegExp(`^You predicted \u201c${right === 0 ? 'rises' : 'falls'}\u201d; the model\u2019s answer is \u201c${label}\u201d`));
  });

  it('a slider prediction is told its distance from the model, or that it lies inside the interval', () => {
    const c = smallChapter({
      against: 'nothing',
      measure: { metric: 'meanTrust', group: 'all' },
      prediction: { kind: 'slider', min: 0, max: 100, step: 1, start: 50 },
    });
    const s = chapterScenarios(c, readPreset);
    const main = chapterTasks(c, s).map(runTask);
    expect(main).toHaveLength(3);
    const r = measureResult(c.measure, { main, against: [] });
    const mean = (r.value.mean as number) * 100;
    expect(predictionSentence(c, r, { value: mean }, 'en', true)).toBe(`You predicted ${mean.toFixed(1)} out of 100: inside the model\u2019s 95% interval.`);
    expect(predictionSentence(c, r, { value: mean })).toBe(
      `You predicted ${mean.toFixed(1)} out of 100: close to the model\u2019s ${mean.toFixed(1)} out of 100.`,
    );
    const far = predictionSentence(c, r, { value: 90 });
    expect(far).toBe(`You predicted 90.0 out of 100: the model\u2019s ${mean.toFixed(1)} out of 100 is ${(90 - mean).toFixed(1)} points lower.`);
    expect(chapterSentences(c, { main, against: [] }, { value: 90 }, s, 'en', true)[0]).toMatch(
      /^Over 3 replicates, mean trust in police among all residents in Smallville came to \d+\.\d out of 100 \(95% interval/,
    );
  });

  it('options tile the line: each value has exactly one option', () => {
    const p = {
      kind: 'choice' as const,
      options: [
        { label: 'a', from: null, to: -1 },
        { label: 'b', from: -1, to: 1 },
        { label: 'c', from: 1, to: null },
      ],
    };
    expect([-50, -1.0001, -1, 0, 0.999, 1, 40].map((x) => optionOf(p, x))).toEqual([0, 0, 1, 1, 1, 2, 2]);
  });
});
