import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassAnswer, PhoneChapter } from '../../../src/classroom/protocol.ts';
import { modelValueText, roomBars, roomMedian, roomSentence } from '../../../src/classroom/tally.ts';
import { FC_SEED } from '../../helpers/fc-seed.ts';

const choice: PhoneChapter['prediction'] = { kind: 'choice', options: ['falls a lot', 'falls a little', 'same', 'rises'] };
const slider: PhoneChapter['prediction'] = { kind: 'slider', min: -20, max: 5, step: 1, start: 0 };
const points = { text: ' points', signed: true, digits: 1 };
const chapter = (prediction: PhoneChapter['prediction'], units = points): PhoneChapter => ({
  id: 'c',
  index: 0,
  count: 1,
  title: 'C',
  question: 'Q?',
  units,
  prediction,
});
const model = (mean: number, option: number | null = null, difference = true) => ({ mean, lo: mean - 2, hi: mean + 2, option, difference, replicates: 4 });

describe('the room\u2019s predictions on the projector', () => {
  it('puts every answer in exactly one bar, the slider\u2019s ends included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 5 }), { maxLength: 80 }), (values) => {
        const bars = roomBars(
          slider,
          values.map((value) => ({ value })),
        );
        expect(bars.reduce((n, b) => n + b.count, 0)).toBe(values.length);
        expect(bars.length).toBeLessThanOrEqual(12);
        expect(bars[0].from).toBe(-20);
        expect(bars.at(-1)?.to).toBe(5);
        for (const v of values) {
          const k = bars.findIndex((b, i) => v >= b.from && (v < b.to || (i === bars.length - 1 && v === b.to)));
          expect(k).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: FC_SEED },
    );
    const bars = roomBars(slider, [{ value: -20 }, { value: 5 }, { value: -19 }, { value: 4.9 }]);
    // 25 steps in slices of 3 (9 bars, the last one shorter): −20 and −19 share the first, 4.9 and 5 the last.
    expect(bars.length).toBe(9);
    expect(bars[0].count).toBe(2);
    expect(bars.at(-1)?.count).toBe(2);
  });

  it('counts a choice\u2019s answers by option', () => {
    const answers: ClassAnswer[] = [{ option: 0 }, { option: 2 }, { option: 2 }, { option: 3 }];
    expect(roomBars(choice, answers).map((b) => [b.label, b.count])).toEqual([
      ['falls a lot', 1],
      ['falls a little', 0],
      ['same', 2],
      ['rises', 1],
    ]);
  });

  it('takes the median of the values', () => {
    expect(roomMedian([{ value: 3 }, { value: -1 }, { value: 10 }])).toBe(3);
    expect(roomMedian([{ value: 3 }, { value: -1 }])).toBe(1);
    expect(roomMedian([])).toBeNull();
  });

  it('says how many chose the model\u2019s answer, or predicted its direction and how far the median was, from the numbers', () => {
    const picks: ClassAnswer[] = [{ option: 1 }, { option: 1 }, { option: 0 }];
    expect(roomSentence(chapter(choice), picks, model(-3, 1))).toBe('2 of 3 in the room chose the model\u2019s answer, \u201cfalls a little\u201d.');
    const guesses: ClassAnswer[] = [{ value: -4 }, { value: 2 }, { value: -1 }];
    expect(roomSentence(chapter(slider), guesses, model(-9.6))).toBe(
      '2 of 3 in the room predicted the model\u2019s direction (a fall). The room\u2019s median was \u22121.0 points, 8.6 points above the model\u2019s \u22129.6 points.',
    );
    const level = chapter(slider, { text: '%', signed: false, digits: 1 });
    expect(roomSentence(level, [{ value: 40 }, { value: 50 }], model(41, null, false))).toBe(
      '1 of 2 in the room predicted within the model\u2019s 95% interval. The room\u2019s median was 45.0%, 4.0% above the model\u2019s 41.0%.',
    );
    expect(roomSentence(chapter(choice), [], model(0, 2))).toBe('No one in the room answered this question.');
    expect(modelValueText(chapter(slider), model(-9.6))).toBe('\u22129.6 points (95% interval \u221211.6 to \u22127.6 points)');
    expect(modelValueText(chapter(slider, { text: '%', signed: false, digits: 0 }), { ...model(41), lo: null })).toBe('41%');
  });
});
