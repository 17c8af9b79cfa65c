import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressBounded, InflateLimitError } from '../../../src/ui/state/bounded-lz.ts';
import { decodeRun, encodeRun, MAX_INFLATED } from '../../../src/ui/state/share-link.ts';
import { FC_SEED } from '../../helpers/fc-seed.ts';

describe(`share links (fast-check seed ${FC_SEED})`, () => {
  it('round-trips any scenario object and seed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (scenario, seed) => {
        expect(decodeRun(encodeRun({ scenario, seed }))).toEqual({ scenario: JSON.parse(JSON.stringify(scenario)), seed });
      }),
    );
  });

  it('is not a run when the hash holds none', () => {
    expect(decodeRun('')).toBeNull();
    expect(decodeRun('#section-2')).toBeNull();
  });

  it('explains a damaged, truncated or foreign link instead of failing', () => {
    const good = encodeRun({ scenario: { name: 'x' }, seed: 3 });
    expect(decodeRun('#run=%%%garbage')).toMatchObject({ error: expect.stringMatching(/damaged/) });
    expect(decodeRun(good.slice(0, good.length - 6))).toMatchObject({ error: expect.any(String) });
    expect(decodeRun('#run=' + 'A'.repeat(300_000))).toMatchObject({ error: expect.stringMatching(/too long/) });
    fc.assert(
      fc.property(fc.string(), (junk) => {
        const r = decodeRun('#run=' + junk);
        expect(r === null || 'error' in r || ('scenario' in r && typeof r.seed === 'number')).toBe(true);
      }),
    );
  });

  it('refuses a link with a bad seed or no scenario', () => {
    const make = (o: unknown) => '#run=' + LZString.compressToEncodedURIComponent(JSON.stringify(o));
    expect(decodeRun(make({ v: 1, s: {}, seed: -1 }))).toMatchObject({ error: expect.stringMatching(/seed/) });
    expect(decodeRun(make({ v: 1, s: [], seed: 1 }))).toMatchObject({ error: expect.stringMatching(/no scenario/) });
    expect(decodeRun(make({ v: 9, s: {}, seed: 1 }))).toMatchObject({ error: expect.stringMatching(/different version/) });
  });
});

describe(`bounded decompression (fast-check seed ${FC_SEED})`, () => {
  it('decodes exactly what lz-string decodes, for real data and for garbage', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(decompressBounded(LZString.compressToEncodedURIComponent(s), 1e9)).toBe(s);
      }),
      { numRuns: 300 },
    );
    // On garbage it never throws, and any text it gives is what lz-string gives (lz-string also turns
    // some garbage into text with "undefined" in it, where this gives nothing).
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const text = decompressBounded(s, 1e9);
        if (text) expect(text).toBe(LZString.decompressFromEncodedURIComponent(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('stops at the limit instead of inflating a short link into gigabytes', () => {
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(5_000_000));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => decompressBounded(bomb, MAX_INFLATED)).toThrow(InflateLimitError);
    expect(decodeRun(`#run=${bomb}`)).toEqual({ error: expect.stringMatching(/far more than a Trustfall run/) });
  });
});
