import { describe, expect, it } from 'vitest';
import { createWorld, frame, windowLayout } from '../../../src/engine/index.ts';
import { smallScenario } from '../../helpers/small.ts';

// Made in each test, not in the describe body, so mutation testing can charge what it runs to a test.
const town = () => createWorld(smallScenario({}, { residents: 3000, gridWidth: 4, gridHeight: 3 }), 2, 0);

describe('a window of residents (what a county view draws zoomed in)', () => {
  it('lists exactly the residents of the neighbourhoods asked for, in id order, whatever order they were asked in', () => {
    const w = town();
    const win = windowLayout(w, [7, 2, 7, 5], 1e6, 3);
    if ('tooMany' in win) throw new Error('refused');
    const expected = [2, 5, 7].flatMap((c) => Array.from({ length: w.cells.count[c] }, (_, k) => w.cells.start[c] + k));
    expect(Array.from(win.ids)).toEqual(expected);
    expect(Array.from(win.cell)).toEqual(expected.map((r) => w.residents.cell[r]));
    expect(Array.from(win.kind)).toEqual(expected.map((r) => w.residents.kind[r]));
    expect(win.version).toBe(3);
  });

  it('refuses more residents than the limit, saying how many', () => {
    const w = town();
    const all = Array.from({ length: 12 }, (_, c) => c);
    expect(windowLayout(w, all, 100, 1)).toEqual({ tooMany: 3000 });
  });

  it('a town small enough to draw whole ignores a window: its frames carry everyone', () => {
    const w = town();
    const f = frame(w, 0, { version: 9, ids: new Int32Array([1, 2, 3]) });
    expect(f.value.length).toBe(w.residents.count);
    expect(f.window).toBe(0);
    expect(f.cells.length).toBe(12 * 5);
  });
});
