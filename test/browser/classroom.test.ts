import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSessionJson } from '../../src/classroom/session.ts';
import { type Classroom, startClassroom } from '../../src/cli/classroom/server.ts';
import { builtInChapters } from '../helpers/story.ts';
import { axeViolations, launch } from './browser.ts';

/**
 * Class mode end to end: the classroom server serving the build the global set-up made, one trainer's
 * projector page and 30 students' phones (each its own browser context, as 30 phones are).
 */
const STUDENTS = 30;
let browser: Browser;
let c: Classroom;
const errors: string[] = [];
const watch = (page: Page, who: string) => {
  page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${who}: ${m.text()}`);
  });
};

beforeAll(async () => {
  browser = await launch();
  c = await startClassroom({ root: resolve('dist') });
});
afterAll(async () => {
  await browser?.close();
  await c?.close();
});

const chapters = builtInChapters();
const phoneText = (p: Page) => p.locator('class-student').evaluate((e) => e.shadowRoot?.textContent ?? '');
const checkedOption = (p: Page) =>
  p.locator('class-student').evaluate((e) => [...(e.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])].findIndex((i) => i.checked));

describe('class mode', () => {
  it('joins 30 phones, takes their answers, runs the chapter, and shows the room\u2019s predictions as they were sent beside the model\u2019s answer', async () => {
    const trainer = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })).newPage();
    watch(trainer, 'trainer');
    await trainer.goto(c.localTrainerUrl);
    // The trainer's link opens the story in presenter mode with the class panel, and drops the key from the address bar.
    await trainer.locator('.story.presenting.class-mode class-panel .class-code').first().waitFor();
    expect(trainer.url()).not.toContain('class-trainer');
    expect(await trainer.locator('class-panel img.qr').getAttribute('alt')).toBe('QR code to join the class');
    expect(await trainer.locator('class-panel').textContent()).toContain(c.joinUrl);

    // The class moves to a multiple-choice chapter before the phones join: they land on it.
    await trainer.keyboard.press('PageDown');
    const chapter = chapters[1];
    expect(chapter.prediction.kind).toBe('choice');
    await expect.poll(() => trainer.locator('#chapter-title').textContent()).toBe(chapter.title);

    const phones: Page[] = [];
    for (let batch = 0; batch < STUDENTS; batch += 6)
      phones.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(6, STUDENTS - batch) }, async (_, j) => {
            const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
            const p = await ctx.newPage();
            watch(p, `phone ${batch + j}`);
            await p.goto(c.joinUrl);
            return p;
          }),
        )),
      );
    await expect.poll(() => trainer.locator('.class-counts').textContent()).toContain(`${STUDENTS} joined`);
    for (const p of phones) await expect.poll(() => phoneText(p)).toContain(chapter.question);
    // The phone page is the question alone: no lab, no editor.
    expect(await phones[0].locator('scenario-panel, run-controls, trustfall-app').count()).toBe(0);

    const options = chapter.prediction.kind === 'choice' ? chapter.prediction.options.length : 0;
    const sent = phones.map((_, k) => (k * 7) % options);
    await Promise.all(phones.map((p, k) => p.locator('class-student label.option').nth(sent[k]).click()));
    for (const p of phones.slice(0, 3)) await expect.poll(() => phoneText(p)).toContain('Your answer is in');
    // A student changes their mind; another reloads the page mid-vote and finds their answer.
    await phones[1]
      .locator('class-student label.option')
      .nth(options - 1)
      .click();
    sent[1] = options - 1;
    await phones[2].reload();
    await expect.poll(() => checkedOption(phones[2])).toBe(sent[2]);
    await expect.poll(() => trainer.locator('.class-counts').textContent()).toContain(`${STUDENTS} answered`);
    await expect
      .poll(() => c.room.trainerState().answers.filter((a) => 'option' in a && a.option === options - 1).length)
      .toBe(sent.filter((s) => s === options - 1).length);

    // A student's page cannot run the class: the server refuses a chapter change from it.
    const refusal = await phones[3].evaluate(
      (room) =>
        new Promise<string>((done) => {
          const ws = new WebSocket(`ws://${location.host}/class`);
          ws.onopen = () => {
            ws.send(JSON.stringify({ t: 'hello', room, client: 'sneaky-student-0001' }));
            ws.send(JSON.stringify({ t: 'vote', open: false }));
          };
          ws.onmessage = (e) => {
            const m = JSON.parse(String(e.data));
            if (m.t !== 'refused') return;
            ws.close();
            done(m.why);
          };
        }),
      c.room.code,
    );
    expect(refusal).toBe('not-allowed');
    expect(c.room.trainerState()).toMatchObject({ chapter: chapter.id, open: true });

    // A phone's question as axe-core sees it: nothing moderate or worse.
    expect(await axeViolations(phones[4])).toEqual([]);

    // The trainer closes the vote; then the laptop's connection drops. Back, its page puts the class where it
    // was: the same chapter, the vote still closed (a chapter sent alone would have reopened it).
    await trainer.locator('#class-vote').click();
    await expect.poll(() => c.room.trainerState().open).toBe(false);
    const connections = c.stats.connections;
    const messages = c.stats.messages;
    await trainer.evaluate(() =>
      (document.querySelector('trustfall-app') as unknown as { classLink: { socket: { ws: WebSocket } } }).classLink.socket.ws.close(),
    );
    await expect.poll(() => c.stats.connections).toBe(connections + 1);
    // Its hello, the chapter and the vote's state, read by the server.
    await expect.poll(() => c.stats.messages).toBeGreaterThanOrEqual(messages + 3);
    await expect.poll(() => trainer.locator('class-panel .notice').count()).toBe(0);
    expect(c.room.trainerState()).toMatchObject({ chapter: chapter.id, open: false, answered: STUDENTS });

    // Space runs the chapter: the vote closes and, once the model has answered, the room's predictions show beside it.
    await trainer.keyboard.press(' ');
    await trainer.locator('.class-distribution').waitFor({ timeout: 90_000 });
    const counts = await trainer.locator('.class-bars tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
    expect(counts).toEqual(Array.from({ length: options }, (_, k) => sent.filter((s) => s === k).length));
    expect(await trainer.locator('.class-bars .model-mark').filter({ hasText: 'model' }).count()).toBe(1);
    expect(await trainer.locator('.class-sentence').textContent()).toMatch(new RegExp(`^\\d+ of ${STUDENTS} in the room chose the model\u2019s answer`));
    expect(await trainer.locator('.class-counts').textContent()).toContain('vote closed');
    // The projector with the room's predictions beside the model's answer, as axe-core sees it.
    expect(await axeViolations(trainer)).toEqual([]);
    // Phones show the vote closed and the model's answer; a late change is not taken.
    await expect.poll(() => phoneText(phones[0])).toContain('The model\u2019s answer:');
    expect(await phones[0].locator('class-student').evaluate((e) => e.shadowRoot?.querySelector('fieldset')?.disabled)).toBe(true);

    // The session exports with every answer, the model's answer and the manifest.
    const download = trainer.waitForEvent('download');
    await trainer.getByRole('button', { name: 'Export class session (JSON)' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const session = readSessionJson(await readFile(file, 'utf8'));
    const exported = session.chapters.find((x) => x.id === chapter.id);
    expect(exported?.answers.map((a) => ('option' in a ? a.option : -1)).sort()).toEqual([...sent].sort());
    expect(exported?.model?.replicates).toBe(chapter.replicates);
    expect(session.manifest).toMatchObject({ app: 'Trustfall', room: c.room.code });

    // The trainer moves on; every phone follows.
    await trainer.keyboard.press('PageDown');
    for (const p of phones) await expect.poll(() => phoneText(p)).toContain(chapters[2].question);
    // A reload in front of the room keeps class mode (the key is kept in the tab), on the same chapter.
    await trainer.reload();
    await trainer.locator('.story.class-mode class-panel .class-code').first().waitFor();
    await expect.poll(() => trainer.locator('.class-counts').textContent()).toContain(`${STUDENTS} joined`);
    expect(c.room.trainerState().chapter).toBe(chapters[2].id);
    expect(errors).toEqual([]);
  });

  it('a trainer’s link the server does not know (a server restarted since) says so, instead of waiting for ever', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    watch(page, 'stale trainer');
    await page.goto(`${c.url}#class-trainer=${c.room.code}.${'0'.repeat(32)}`);
    await expect.poll(() => page.locator('class-panel .notice').textContent()).toMatch(/does not know this class/);
    expect(c.room.trainerState().chapter).toBe(chapters[2].id);
    await page.context().close();
  });
});
