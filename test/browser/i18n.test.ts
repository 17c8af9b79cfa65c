import { configureLocalization } from '@lit/localize';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtInChapters, chapterInNode } from '../helpers/story.ts';
import { encodeComparison } from '../../src/ui/state/share-link.ts';
import { launch } from './browser.ts';
import { resolve } from 'node:path';
import { startClassroom } from '../../src/cli/classroom/server.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// The same catalogue in this process, so the story's Spanish sentences can be made here too. (lit-localize
// announces a change of language on `window`; Node has none, so an EventTarget stands in for it.)
(globalThis as { window?: unknown }).window ??= new EventTarget();
const CATALOGUE = '../../src/ui/i18n/generated/locales/es.js';
const { setLocale } = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['es'],
  loadLocale: () => import(CATALOGUE),
});

async function openIn(locale: string, hash = ''): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(inject('baseUrl') + hash);
  return { page, errors };
}

/**
 * English words that a Spanish page should not show: function words of English sentences. (Proper
 * names, a name the user gave a jurisdiction, and source titles, which stay in their language, are left out;
 * the presets' place names, such as "County", are translated.)
 */
const ENGLISH = /\b(the|and|of|with|to|is|are|was|were|this|that|run|runs|chapter|replicates?|predict|against|after|before)\b/i;

/** Each English word found, with the words around it (empty when there is none). */
function englishIn(text: string): string[] {
  const all = new RegExp(ENGLISH.source, 'gi');
  return [...text.matchAll(all)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40));
}

/** Text of the translated views as a reader sees it, less links' addresses, commands to type, and the sources' titles (citations stay as published). */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Node) => {
      for (const n of Array.from(root.childNodes)) {
        if (n instanceof HTMLElement) {
          if (n.matches('.link-text, code, .story-sources, .source, script, style, [hidden], .handout-only') || getComputedStyle(n).display === 'none')
            continue;
          if (n.shadowRoot) walk(n.shadowRoot);
          for (const a of ['aria-label', 'title', 'alt']) if (n.getAttribute(a)) parts.push(n.getAttribute(a)!);
          walk(n);
        } else if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
      }
    };
    // The whole lab (run, town, charts, summary, inspector, evidence, calibration, sensitivity) and its editor.
    for (const sel of ['.app-header', 'story-view', '.app-footer', 'main.main', 'scenario-panel', 'how-view']) {
      const el = document.querySelector(sel);
      if (!el?.checkVisibility()) continue;
      if (el.shadowRoot) walk(el.shadowRoot);
      walk(el);
    }
    return parts.join(' ').replace(/\s+/g, ' ');
  });
}

describe('Spanish and English', () => {
  it('a Spanish browser gets Spanish (lang="es"); the switch changes it and the choice is kept', async () => {
    const { page, errors } = await openIn('es-ES');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByRole('button', { name: 'Empieza aquí: la historia' }).waitFor();
    await page.getByLabel('Idioma').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Start here: the story' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Start here: the story' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('button', { name: 'Empieza aquí: la historia' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the story and the run\u2019s own views speak Spanish with no English left, and the story\u2019s sentences are the same chapter\u2019s made in Node, in Spanish', async () => {
    await setLocale('es');
    const c = builtInChapters()[3];
    const { page, errors } = await openIn('es-MX', `#story=${c.id}`);
    await expect.poll(() => page.locator('#chapter-title').textContent()).toBe(c.translations.es?.title);
    await page.locator('story-view input[type=radio]').nth(1).check();
    await page.locator('#story-run').click();
    await page.locator('.story-sentences p').first().waitFor({ timeout: 120_000 });
    expect(await page.locator('.story-sentences p').allTextContents()).toEqual(chapterInNode(c, { option: 1 }, 'es'));
    // The preset's place is named in Spanish too ("de Condado", not "de County").
    expect(await page.locator('.story-sentences').textContent()).toMatch(/Condado/);
    // The tab's title too.
    expect(await page.title()).toBe('Trustfall: la confianza de la comunidad bajo el 287(g)');
    expect(await visibleText(page)).not.toMatch(/\bCounty\b/);
    expect(englishIn(await visibleText(page))).toEqual([]);
    await page.getByRole('button', { name: 'Presentar (para formadores)' }).click();
    await page.locator('.story.presenting').waitFor();
    expect(englishIn(await visibleText(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Explorar una simulación' }).click();
    await page.locator('run-controls').getByRole('button', { name: 'Avanzar una semana' }).click();
    await expect.poll(() => visibleText(page)).toMatch(/Día 7 de/);
    await page.locator('resident-inspector input').fill('5');
    await page.locator('resident-inspector').getByRole('button', { name: 'Inspeccionar' }).click();
    await expect.poll(() => visibleText(page)).toMatch(/Residente 5/);
    // The scenario editor too: its labels, descriptions and ranges from the schema.
    expect(await visibleText(page)).toMatch(/Aplicar y reiniciar.*Multiplicador de perfilado.*un número de 1 a 20/);
    expect(await visibleText(page)).toMatch(
      /Frente a las cifras publicadas.*Calibrar este escenario.*Muestrear la distribución a posteriori.*Parámetros que variar/,
    );
    // The labels drawn into the town's canvas are the page's, in Spanish.
    await expect
      .poll(() => page.evaluate(() => (document.querySelector('town-view') as unknown as { surface: { labels(): Promise<string[]> } }).surface.labels()))
      .toEqual(['Condado: Modelo Task Force (grupo de trabajo)']);
    // A refused value is explained in Spanish too.
    const field = page.locator('scenario-panel').locator('[data-path="jurisdictions[0].policy.profilingMultiplier"]');
    await field.locator('input').fill('30');
    await field.locator('input').press('Tab');
    await expect.poll(() => field.locator('.error').textContent()).toMatch(/30 está fuera del intervalo; se permite un número de 1 a 20 \(razón\)/);
    expect(englishIn(await visibleText(page))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the comparison speaks Spanish: set-up, progress, chart and tables', async () => {
    const link = encodeComparison({ slots: [{ preset: 'no-agreement' }, { preset: 'task-force' }], replicates: 2, seed: 3, survey: 0, years: 1.5 });
    const { page, errors } = await openIn('es-ES', link);
    await page.getByRole('button', { name: 'Ejecutar la comparación' }).click();
    await page.waitForSelector('.diff-table', { timeout: 180_000 });
    await expect.poll(() => page.locator('.compare-progress').textContent()).toMatch(/4 de 4 réplicas terminadas/);
    // Numbers in the tables are written the Spanish way (decimal comma).
    expect(await page.locator('.diff-table[data-group=all] td').first().textContent()).toMatch(/^\d+,\d%/);
    // The text as shown: innerText leaves out what is hidden, as a reader would.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const text = await page.evaluate(() => (document.querySelector('compare-view') as HTMLElement).innerText);
    expect(englishIn(text)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the Real counties view and class mode (the projector’s panel and a phone) speak Spanish', async () => {
    const { page, errors } = await openIn('es-ES', '#counties');
    await page.locator('svg.county-map path[data-fips="04013"]').waitFor({ timeout: 60_000 });
    await page.locator('counties-view input').first().fill('Alamance, NC');
    await page.keyboard.press('Enter');
    await page.locator('#county-facts-title').waitFor();
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
    const counties = await page.evaluate(() => (document.querySelector('counties-view') as HTMLElement).innerText);
    expect(counties).toMatch(/Condados vecinos/);
    expect(englishIn(counties)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
    // Class mode: the trainer's projector and a student's phone, both in Spanish browsers.
    const c = await startClassroom({ root: resolve('dist') });
    try {
      const trainer = await openIn('es-ES');
      await trainer.page.goto(c.localTrainerUrl);
      await trainer.page.locator('class-panel .class-code').first().waitFor();
      const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'es-ES', isMobile: true })).newPage();
      await phone.goto(c.joinUrl);
      await phone.locator('class-student label.option, class-student input[type=range]').first().waitFor();
      await expect.poll(() => trainer.page.locator('.class-counts').textContent()).toMatch(/1 conectados/);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
      const panel = await trainer.page.evaluate(() => (document.querySelector('class-panel') as HTMLElement).innerText);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
      const phoneText = await phone.locator('class-student').evaluate((e) => (e.shadowRoot?.querySelector('main') as HTMLElement | null)?.innerText ?? '');
      expect(phoneText).toMatch(/Capítulo 1 de/);
      expect(englishIn(panel)).toEqual([]);
      expect(englishIn(phoneText)).toEqual([]);
      expect(await phone.title()).toBe('Clase de Trustfall');
      expect(trainer.errors).toEqual([]);
      await phone.context().close();
      await trainer.page.context().close();
    } finally {
      await c.close();
    }
  });

  it('the story\u2019s two towns in Spanish: one size whatever their captions, and both drawn (a resized one was left black)', async () => {
    const { page, errors } = await openIn('es-ES', '#story=jail-enforcement');
    await page.locator('.story-towns button').first().click();
    const canvases = page.locator('.story-towns town-view .canvas');
    await expect.poll(() => canvases.count()).toBe(2);
    await page.waitForTimeout(4000);
    await page.locator('.story-towns').scrollIntoViewIfNeeded();
    const heights = await canvases.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().height)));
    expect(heights[0]).toBe(heights[1]);
    // The share of nearly black pixels in each drawing (read back through an image: the canvases belong to Workers).
    for (const k of [0, 1]) {
      const shot = (await canvases.nth(k).screenshot()).toString('base64');
      const dark = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const g = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
        g.drawImage(img, 0, 0);
        const d = g.getImageData(0, 0, img.width, img.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 60) n++;
        return n / (d.length / 4);
      }, shot);
      expect(dark, `town ${k + 1}`).toBeLessThan(0.2);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('How it works speaks Spanish: the mechanisms, and their parameters from the schema (issue 21)', async () => {
    const { page, errors } = await openIn('es-ES', '#how');
    await page.locator('how-view').waitFor();
    for (const summary of await page.locator('how-view summary').all()) await summary.click();
    const text = await visibleText(page);
    expect(text).toMatch(/Cómo funciona el modelo.*Patrullas, paradas y preguntas sobre el estatus.*Multiplicador de perfilado/);
    // One number style: a range's decimals as the defaults' ("de 0,1 a 10", beside "2,4").
    expect(text).toMatch(/un número de 0,1 a 10 \(agentes por cada 1000 residentes\)/);
    // No English decimal point beside the Spanish commas ("10.000" is Spanish for ten thousand; "0.5.0" the engine's version).
    expect(text).not.toMatch(/(?<![\d.])\d+\.\d{1,2}(?![\d.])/);
    expect(englishIn(text)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the English word check would catch English: the same views in English fail it', async () => {
    const { page } = await openIn('en-US', '#story=task-force');
    await page.locator('#chapter-title').waitFor();
    expect(englishIn(await visibleText(page)).length).toBeGreaterThan(0);
    await page.context().close();
  });
});
