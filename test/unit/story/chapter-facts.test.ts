import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../src/engine/index.ts';
import { inLanguage } from '../../../src/story/chapter.ts';
import { chapterScenarios } from '../../../src/story/chapter-tasks.ts';
import { kindIsLatino } from '../../../src/vocabulary/codes.ts';
import { builtInChapters, readPreset } from '../../helpers/story.ts';

/**
 * What a chapter says about its own town is what its scenario holds (issue 21: chapter 1 said "about
 * three in ten residents are Latino" of a town where 23% are), in every language it is written in.
 */
const chapters = builtInChapters();
const chapter = (id: string) => chapters.find((c) => c.id === id)!;
const text = (id: string, locale: string) => inLanguage(chapter(id), locale).text.join(' ');

describe('the facts a chapter states about its town', () => {
  it('chapter 1: the county\u2019s size and its Latino share, as the run draws them', () => {
    const c = chapter('baseline');
    const s = chapterScenarios(c, readPreset).main;
    const residents = s.jurisdictions.reduce((a, j) => a + j.residents, 0);
    const w = createWorld(s, c.seed, 0);
    let latino = 0;
    for (let r = 0; r < w.residents.count; r++) if (kindIsLatino(w.residents.kind[r])) latino++;
    const share = latino / w.residents.count;
    expect(text('baseline', 'en')).toContain(`a county of ${residents.toLocaleString('en-US')} people`);
    expect(text('baseline', 'es')).toContain(`un condado de ${residents.toLocaleString('es-ES').replace(/\s/g, '.')} personas`);
    // Stated as a fraction in words: it must be within 3 points of the town's share.
    const stated = { en: /About one in four residents/, es: /Cerca de uno de cada cuatro residentes/ };
    expect(text('baseline', 'en')).toMatch(stated.en);
    expect(text('baseline', 'es')).toMatch(stated.es);
    expect(Math.abs(share - 1 / 4)).toBeLessThan(0.03);
  });

  it('chapter 5: the share of social ties that cross the border', () => {
    const s = chapterScenarios(chapter('neighbour'), readPreset).main;
    const pct = Math.round(s.community.crossBorderTieShare * 100);
    expect(text('neighbour', 'en')).toContain(`${pct}% of social ties cross the border`);
    expect(text('neighbour', 'es')).toContain(`el ${pct} % de los lazos sociales cruzan el límite`);
  });
});
