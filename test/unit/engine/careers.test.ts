import { describe, expect, it } from 'vitest';
import { createWorld, EV, runToEnd, type World } from '../../../src/engine/index.ts';
import { careers } from '../../../src/engine/systems/careers.ts';
import { smallScenario } from '../../helpers/small.ts';

/** Every filled slot's resident says it holds that slot, and every resident who says so holds it. */
function slotsAgree(w: World): void {
  const o = w.offenders;
  const res = w.residents;
  for (let i = 0; i < o.count; i++) if (o.resident[i] >= 0) expect(res.offenderSlot[o.resident[i]]).toBe(i);
  for (let r = 0; r < res.count; r++) if (res.offenderSlot[r] >= 0) expect(o.resident[res.offenderSlot[r]]).toBe(r);
}

describe('criminal careers (gaps found by mutation testing)', () => {
  it('a desisting offender\u2019s slot passes to a new recruit, resident 0\u2019s included, and slots and residents agree after', () => {
    const w = createWorld(smallScenario());
    const o = w.offenders;
    // Resident 0 takes slot 0 (whoever held it lets it go), and everyone desists today.
    w.residents.offenderSlot[o.resident[0]] = -1;
    if (w.residents.offenderSlot[0] >= 0) o.resident[w.residents.offenderSlot[0]] = -1;
    o.resident[0] = 0;
    w.residents.offenderSlot[0] = 0;
    w.params.desistPerDay = 1;
    careers(w);
    expect(o.resident[0]).not.toBe(0);
    expect(w.residents.offenderSlot[0]).toBe(-1);
    slotsAgree(w);
  });

  it('a slot emptied by a removal stays empty until its due day, and is filled on it (day 0 too)', () => {
    const w = createWorld(smallScenario());
    const o = w.offenders;
    w.params.desistPerDay = 0;
    const empty = (i: number, until: number) => {
      w.residents.offenderSlot[o.resident[i]] = -1;
      o.resident[i] = -1;
      o.vacantUntil[i] = until;
    };
    w.day = 0;
    empty(0, 5);
    empty(1, 0);
    careers(w);
    expect(o.resident[0]).toBe(-1);
    expect(o.resident[1]).toBeGreaterThanOrEqual(0);
    w.day = 5;
    careers(w);
    expect(o.resident[0]).toBeGreaterThanOrEqual(0);
    slotsAgree(w);
  });

  it('ICE\u2019s at-large arrests are logged with no one else involved (the event\u2019s other is -1)', () => {
    const w = createWorld(smallScenario({ enforcement: { federalArrestsPerYear: 0.2 } }, { latinoShare: 0.5, latinoUndocumentedShare: 0.5 }));
    runToEnd(w);
    const log = w.events;
    let seen = 0;
    for (let k = Math.max(0, log.written - log.capacity); k < log.written; k++) {
      const i = k % log.capacity;
      if (log.kind[i] !== EV.federalArrest) continue;
      seen++;
      expect(log.other[i]).toBe(-1);
    }
    expect(seen).toBeGreaterThan(0);
  });
});
