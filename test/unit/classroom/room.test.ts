import { describe, expect, it } from 'vitest';
import type { PhoneChapter } from '../../../src/classroom/protocol.ts';
import { Room } from '../../../src/classroom/room.ts';

const units = { text: ' points', signed: true, digits: 1 };
const choice: PhoneChapter = {
  id: 'one',
  index: 0,
  count: 2,
  title: 'One',
  question: 'Which?',
  units,
  prediction: { kind: 'choice', options: ['a', 'b', 'c'] },
};
const slider: PhoneChapter = {
  id: 'two',
  index: 1,
  count: 2,
  title: 'Two',
  question: 'How much?',
  units,
  prediction: { kind: 'slider', min: -20, max: 5, step: 1, start: 0 },
};
const model = { mean: -9.6, lo: -12, hi: -7, option: null, difference: true, replicates: 4 };

function room() {
  let t = Date.UTC(2026, 11, 5, 9, 0, 0);
  // A clock a second on at each reading.
  const clock = () => {
    t += 1000;
    return new Date(t);
  };
  return new Room('ABCDEFGH', 'http://x/j/ABCDEFGH', clock);
}

describe('a class room', () => {
  it('takes answers to the current chapter while the vote is open, and a changed mind replaces the answer', () => {
    const r = room();
    r.join('student-aaaaaaaaaaaaa');
    expect(r.receive('student-aaaaaaaaaaaaa', { t: 'answer', chapter: 'one', answer: { option: 1 } }, false)).toEqual({ refused: 'no-chapter' });
    r.receive('trainer-xxxxxxxxxxxxx', { t: 'chapter', chapter: choice }, true);
    expect(r.receive('student-aaaaaaaaaaaaa', { t: 'answer', chapter: 'one', answer: { option: 1 } }, false)).toMatchObject({ sender: true, trainer: true });
    r.receive('student-aaaaaaaaaaaaa', { t: 'answer', chapter: 'one', answer: { option: 2 } }, false);
    expect(r.trainerState()).toMatchObject({ joined: 1, answered: 1, open: true, chapter: 'one', answers: [{ option: 2 }] });
    expect(r.studentState('student-aaaaaaaaaaaaa')).toMatchObject({ answer: { option: 2 }, open: true, result: null });
  });

  it('refuses an answer that does not fit the question: an option past the list, a value outside the slider', () => {
    const r = room();
    r.join('s');
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    expect(r.receive('s', { t: 'answer', chapter: 'one', answer: { option: 3 } }, false)).toEqual({ refused: 'malformed' });
    expect(r.receive('s', { t: 'answer', chapter: 'one', answer: { value: 1 } }, false)).toEqual({ refused: 'malformed' });
    r.receive('t', { t: 'chapter', chapter: slider }, true);
    expect(r.receive('s', { t: 'answer', chapter: 'two', answer: { value: 6 } }, false)).toEqual({ refused: 'malformed' });
    expect(r.receive('s', { t: 'answer', chapter: 'two', answer: { value: -20 } }, false)).toMatchObject({ sender: true });
    expect(r.receive('s', { t: 'answer', chapter: 'one', answer: { option: 0 } }, false)).toEqual({ refused: 'no-chapter' });
  });

  it('lets only the trainer move chapters, close the vote, post the answer and export', () => {
    const r = room();
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    expect(r.receive('s', { t: 'chapter', chapter: slider }, false)).toEqual({ refused: 'not-allowed' });
    expect(r.receive('s', { t: 'vote', open: false }, false)).toEqual({ refused: 'not-allowed' });
    expect(r.receive('s', { t: 'result', chapter: 'one', answer: model }, false)).toEqual({ refused: 'not-allowed' });
    expect(r.receive('s', { t: 'export' }, false)).toEqual({ refused: 'not-allowed' });
    expect(r.trainerState().chapter).toBe('one');
  });

  it('closes the vote when the model answers, shows students the answer, and keeps answers when the class comes back to a chapter', () => {
    const r = room();
    r.join('s');
    r.receive('t', { t: 'chapter', chapter: slider }, true);
    r.receive('s', { t: 'answer', chapter: 'two', answer: { value: -4 } }, false);
    r.receive('t', { t: 'result', chapter: 'two', answer: model }, true);
    expect(r.receive('s', { t: 'answer', chapter: 'two', answer: { value: -9 } }, false)).toEqual({ refused: 'vote-closed' });
    expect(r.studentState('s')).toMatchObject({ open: false, answer: { value: -4 }, result: model });
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    expect(r.studentState('s')).toMatchObject({ open: true, answer: null, result: null });
    r.receive('t', { t: 'chapter', chapter: slider }, true);
    expect(r.studentState('s')).toMatchObject({ open: false, answer: { value: -4 }, result: model });
    // Reopening the vote (the trainer's Reset) withdraws the answer shown until the chapter runs again.
    r.receive('t', { t: 'vote', open: true }, true);
    expect(r.studentState('s')).toMatchObject({ open: true, result: null });
  });

  it('counts a student with two tabs once, and forgets them only when both have closed', () => {
    const r = room();
    r.join('s');
    r.join('s');
    r.join('u');
    expect(r.trainerState().joined).toBe(2);
    r.leave('s');
    expect(r.trainerState().joined).toBe(2);
    r.leave('s');
    expect(r.trainerState().joined).toBe(1);
  });

  it('exports each chapter with its anonymous answers, the model answer and the times, in the order shown', () => {
    const r = room();
    r.join('s');
    r.join('u');
    r.receive('t', { t: 'chapter', chapter: slider }, true);
    r.receive('s', { t: 'answer', chapter: 'two', answer: { value: -4 } }, false);
    r.receive('u', { t: 'answer', chapter: 'two', answer: { value: 2 } }, false);
    r.receive('t', { t: 'result', chapter: 'two', answer: model }, true);
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    const out = r.receive('t', { t: 'export' }, true);
    if ('refused' in out) throw new Error('refused');
    const s = out.session;
    expect(s?.chapters.map((c) => c.id)).toEqual(['two', 'one']);
    expect(s?.chapters[0]).toMatchObject({ kind: 'slider', unit: ' points', answers: [{ value: -4 }, { value: 2 }], model });
    expect(s?.chapters[0].closed).not.toBeNull();
    expect(s?.chapters[0].ran).not.toBeNull();
    expect(JSON.stringify(s)).not.toMatch(/"s"|"u"/);
    expect(s?.chapters[1]).toMatchObject({ kind: 'choice', options: ['a', 'b', 'c'], answers: [], model: null, closed: null });
  });

  it('takes only students who joined, and no more students than its cap, so invented ids cannot stuff the vote without bound', () => {
    const r = new Room('ABCDEFGH', 'http://x/j/ABCDEFGH', () => new Date(0), 3);
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    expect(r.receive('stranger', { t: 'answer', chapter: 'one', answer: { option: 0 } }, false)).toEqual({ refused: 'not-joined' });
    for (const id of ['a', 'b', 'c']) expect(r.join(id)).toMatchObject({ trainer: true });
    expect(r.join('d')).toEqual({ refused: 'full' });
    // One who joined before comes back in, even when the room is full.
    r.leave('a');
    expect(r.join('a')).toMatchObject({ trainer: true });
    expect(r.trainerState().joined).toBe(3);
  });

  it('closes the vote of a chapter the class leaves, so the export says when it closed', () => {
    const r = room();
    r.join('s');
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    r.receive('s', { t: 'answer', chapter: 'one', answer: { option: 1 } }, false);
    r.receive('t', { t: 'chapter', chapter: slider }, true);
    const out = r.receive('t', { t: 'export' }, true);
    if ('refused' in out) throw new Error('refused');
    expect(out.session?.chapters[0]).toMatchObject({ id: 'one', answers: [{ option: 1 }] });
    expect(out.session?.chapters[0].closed).not.toBeNull();
    expect(out.session?.chapters[1].closed).toBeNull();
  });

  it('takes the current chapter again as new words for it (another language), leaving its vote as it was', () => {
    const r = room();
    r.join('s');
    r.receive('t', { t: 'chapter', chapter: choice }, true);
    r.receive('s', { t: 'answer', chapter: 'one', answer: { option: 1 } }, false);
    r.receive('t', { t: 'vote', open: false }, true);
    const spanish = { ...choice, question: '¿Cuál?', prediction: { kind: 'choice' as const, options: ['x', 'y', 'z'] } };
    expect(r.receive('t', { t: 'chapter', chapter: spanish }, true)).toMatchObject({ students: true, trainer: false });
    expect(r.studentState('s')).toMatchObject({ open: false, answer: { option: 1 }, chapter: { question: '¿Cuál?' } });
  });
});
