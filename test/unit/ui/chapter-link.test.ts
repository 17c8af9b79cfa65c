import { describe, expect, it } from 'vitest';
import { decodeStoryLink } from '../../../src/ui/state/chapter-link.ts';

describe('story links typed or cut short', () => {
  it('a bad percent-encoding is a damaged link with a message, not an exception', () => {
    for (const hash of ['#story=%', '#story=%E0%A4%A', '#story=%ZZ&lock=1']) {
      const r = decodeStoryLink(hash);
      expect(r, hash).toMatchObject({ error: expect.stringMatching(/story link is damaged/) });
    }
  });

  it('a good one still opens its chapter, locked or not', () => {
    expect(decodeStoryLink('#story=warrant-service')).toEqual({ id: 'warrant-service', locked: false });
    expect(decodeStoryLink('#story=caf%C3%A9&lock=1')).toEqual({ id: 'café', locked: true });
  });
});
