import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.ts';
import { checkResume } from '../../src/cli/commands/resume-check.ts';
import { checkOutputs, writeOutput } from '../../src/cli/files.ts';
import { terminalSafe } from '../../src/cli/format/terminal.ts';
import { toJson } from '../../src/report/json.ts';
import { quote } from '../../src/report/csv-fields.ts';
import { FC_SEED } from '../helpers/fc-seed.ts';
import { fuzzCounts } from '../helpers/fuzz-counts.ts';

/**
 * Fuzzing what the commands write and where (issue 20): output paths of every kind in a temporary
 * folder (new, regular, symbolic links to files and folders, folders, a pipe, a device, a missing
 * folder, trailing slashes, an input reached by another spelling, a hard link to an input), names with
 * control characters on the terminal, in JSON and in CSV, and `--resume` with settings that differ.
 * The counts are printed (with the other fuzz files, over 20,000 a run).
 */
const count = fuzzCounts('outputs, names and resumes');

const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe(`fuzzing outputs, names and resumes (fast-check seed ${FC_SEED})`, () => {
  it('output paths: refused before any work, or a regular file or new path that is no input; a write then changes only that path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustfall-fuzz-outputs-'));
    const at = (name: string) => join(dir, name);
    mkdirSync(at('folder'));
    writeFileSync(at('input.json'), '{"an":"input"}');
    writeFileSync(at('target.txt'), 'a link target');
    writeFileSync(at('regular.txt'), 'a regular file');
    symlinkSync(at('target.txt'), at('link-to-file'));
    symlinkSync(at('folder'), at('link-to-folder'));
    symlinkSync(dir, at('link-to-here'));
    linkSync(at('input.json'), at('hard-link-to-input'));
    expect(spawnSync('mkfifo', [at('pipe')]).status).toBe(0);
    const fixed = { input: hash(at('input.json')), target: hash(at('target.txt')) };
    const name = fc.constantFrom(
      'new.json',
      'regular.txt',
      'input.json',
      'hard-link-to-input',
      'link-to-file',
      'link-to-folder',
      'link-to-here/input.json',
      'link-to-here/new-through-link.json',
      'folder',
      'folder/inside.json',
      'pipe',
      'missing-folder/out.json',
      '/dev/null',
      '/dev/zero',
      '',
      ' ',
    );
    const spelling = fc.constantFrom('', './', 'folder/../', './/', 'link-to-here/');
    const tail = fc.constantFrom('', '', '', '/', '//');
    let written = 0;
    fc.assert(
      fc.property(spelling, name, tail, fc.boolean(), (prefix, n, t, twice) => {
        const path = n.startsWith('/') ? n + t : n.trim() === '' ? n : at(prefix + n + t);
        const outputs: Record<string, string> = twice ? { '--out': path, '--csv': path } : { '--out': path };
        try {
          checkOutputs(outputs, [at('input.json')]);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message).toMatch(/^--(out|csv)/);
          return count('output path', false);
        }
        // Accepted: one output, a regular file or a new name in an existing folder, not the input by any spelling.
        expect(twice).toBe(false);
        expect(t).toBe('');
        const kind = existsSync(path) ? lstatSync(path) : undefined;
        if (kind) expect(kind.isFile()).toBe(true);
        writeOutput(path, `written ${++written}`);
        expect(readFileSync(path, 'utf8')).toBe(`written ${written}`);
        count('output path', true);
      }),
      { seed: FC_SEED, numRuns: 3000 },
    );
    // Whatever was accepted and written, the inputs, the links and what they point to are as they were.
    expect(hash(at('input.json'))).toBe(fixed.input);
    expect(hash(at('target.txt'))).toBe(fixed.target);
    expect(readlinkSync(at('link-to-file'))).toBe(at('target.txt'));
    expect(lstatSync(at('pipe')).isFIFO()).toBe(true);
    expect(written).toBeGreaterThan(0);
  });

  // Text with every kind of character a shared scenario file could hold in a name.
  const nasty = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 24 }),
    fc
      .array(fc.constantFrom('\u001b[2J', '\u001b]0;title\u0007', '\r', '\n', '\t', '\u009b31m', '\u007f', '#', '=', '"', ',', '+1', '-', '@', 'ñ', 'County'), {
        maxLength: 6,
      })
      .map((parts) => parts.join('')),
  );

  it('names on the terminal: no control character survives but the line breaks and tabs of the layout', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const shown = terminalSafe(text);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
        expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(shown.replace(/\\x[0-9a-f]{2}/g, '').length).toBeLessThanOrEqual(text.length);
        // JSON output escapes them too, and reads back to the very text.
        const json = toJson({ name: text });
        // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters is the point
        expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect((JSON.parse(json) as { name: string }).name).toBe(text);
        count('name on a terminal', true);
      }),
      { seed: FC_SEED, numRuns: 2500 },
    );
  });

  it('names in a CSV: read back whole by a real CSV parser with comment="#", and never as a formula', () => {
    fc.assert(
      fc.property(nasty, (text) => {
        const line = `#provenance\nname,value\n${quote(text)},1\n`;
        const rows = parse(line, { comment: '#', relax_column_count: false }) as string[][];
        expect(rows).toHaveLength(2);
        const field = rows[1][0];
        const formula = /^[=+\-@\t\r]/.test(text);
        expect(field).toBe(formula ? `'${text}` : text);
        expect(rows[1][1]).toBe('1');
        count('name in a CSV', true);
      }),
      { seed: FC_SEED, numRuns: 2500 },
    );
  });

  it('--resume with settings that differ: refused naming every difference, accepted only when none differs', () => {
    const param = (path: string, min: number, max: number) => ({ path, min, max, integer: false });
    const saved = {
      params: [param('crime.offenderShare', 0.01, 0.05)],
      targetSets: ['us-baselines'],
      seed: 11,
      replicates: 2,
      particles: 16,
      scenarioHash: 'a'.repeat(64),
    };
    const change = fc.record({
      params: fc.option(
        fc.constantFrom([param('crime.offenderShare', 0.01, 0.06)], [param('fear.reportingEffect', 0, 1)], []).map((p) => [...p]),
        { nil: undefined },
      ),
      targetSets: fc.option(
        fc.constantFrom(['reporting-drop-measured'], [], ['us-baselines', 'x']).map((t) => [...t]),
        { nil: undefined },
      ),
      scenarioHash: fc.option(fc.constantFrom('b'.repeat(64)), { nil: undefined }),
      seed: fc.option(fc.oneof(fc.constant(11), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
      replicates: fc.option(fc.oneof(fc.constant(2), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
      particles: fc.option(fc.oneof(fc.constant(16), fc.integer({ min: 8, max: 40 })), { nil: undefined }),
    });
    fc.assert(
      fc.property(change, (c) => {
        const now = {
          params: c.params ?? saved.params,
          targetSets: c.targetSets ?? saved.targetSets,
          scenarioHash: c.scenarioHash ?? saved.scenarioHash,
          seed: c.seed,
          replicates: c.replicates,
          particles: c.particles,
        };
        const differs = {
          parameters: JSON.stringify(now.params) !== JSON.stringify(saved.params),
          targets: now.targetSets.join() !== saved.targetSets.join(),
          scenario: now.scenarioHash !== saved.scenarioHash,
          '--seed': now.seed !== undefined && now.seed !== saved.seed,
          '--replicates': now.replicates !== undefined && now.replicates !== saved.replicates,
          '--particles': now.particles !== undefined && now.particles !== saved.particles,
        };
        try {
          checkResume('state.json', saved, now);
          expect(Object.values(differs).some(Boolean)).toBe(false);
          count('--resume settings', true);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          for (const [what, d] of Object.entries(differs)) expect((e as Error).message.includes(`- ${what}`), what).toBe(d);
          count('--resume settings', false);
        }
      }),
      { seed: FC_SEED, numRuns: 2000 },
    );
  });
});
