import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.ts';
import { sim } from '../helpers/cli.ts';

/**
 * The commands the README and docs/ show (issue 23): every concrete `npm run -s sim -- …` line (in a
 * shell block, or inline) parses with today's options and names files that exist; the quick ones
 * (help, params, presets, resolve, run, fit, compare) run, and succeed. Lines that are templates (a
 * shell variable, `...`, a wildcard, a file the reader makes, such as my-targets.json) are listed,
 * and must stay few.
 */
function documented(): { file: string; command: string }[] {
  const files = [
    'README.md',
    ...readdirSync('docs')
      .filter((f) => f.endsWith('.md'))
      .map((f) => join('docs', f)),
  ];
  const out: { file: string; command: string }[] = [];
  for (const file of files) {
    // Shell line continuations joined; inline code spans split over two lines joined.
    const text = readFileSync(file, 'utf8')
      .replace(/\\\n\s*/g, ' ')
      .replace(/`npm run -s sim --\n/g, '`npm run -s sim -- ');
    for (const m of text.matchAll(/npm run -s sim -- ([^\n`#;>|]*)/g)) out.push({ file, command: m[1].trim() });
  }
  return out;
}
const isTemplate = (c: string) => /\$|\.\.\.|\*|my-|\bFILE\b|\bPATHS\b|<|\[/.test(c);
/** The command with --replicates 2 and --years 1.5, in place of any it gives. */
function shrink(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--replicates' || argv[i] === '--years') i++;
    else out.push(argv[i]);
  }
  return [...out, '--replicates', '2', '--years', '1.5'];
}
const QUICK = new Set(['--help', 'params', 'presets', 'resolve', 'run', 'fit', 'compare']);

describe('the documented commands', () => {
  const commands = documented();
  it('are found in the README and docs/', () => {
    expect(commands.length).toBeGreaterThan(25);
  });

  it('parse with today\u2019s options and name files that exist; the quick ones run and succeed', () => {
    const ran: string[] = [];
    for (const { file, command } of commands) {
      if (isTemplate(command)) continue;
      const argv = command.split(/\s+/).filter(Boolean);
      const parsed = parseCommandLine(argv);
      // Inputs must exist; outputs are written by the command (merge's inputs are shards it made).
      if (parsed.command !== 'merge') for (const f of parsed.positionals) expect(existsSync(f), `${file}: ${command}: ${f}`).toBe(true);
      for (const t of (parsed.flags.targets ?? '').split(',').filter((t) => t.endsWith('.json'))) expect(existsSync(t), `${file}: ${command}: ${t}`).toBe(true);
      if (!QUICK.has(argv[0])) continue;
      // Outputs go to a scratch folder, and runs are kept small (2 replicates of a year and a half, past every preset's activation): the
      // check is that the line works, not what it finds.
      const small = ['run', 'fit', 'compare'].includes(argv[0]) ? shrink(argv) : argv;
      const r = sim(...small.map((a) => (/\.(csv|json)$/.test(a) && !existsSync(a) ? join('/tmp', `trustfall-docs-${a}`) : a)), '--quiet');
      expect(r.code, `${file}: ${command}\n${r.err}`).toBe(0);
      ran.push(command);
    }
    expect(ran.length).toBeGreaterThan(10);
  }, 600_000);

  it('that are templates (to fill in) stay few', () => {
    const templates = commands.filter((c) => isTemplate(c.command));
    expect(templates.length).toBeLessThanOrEqual(15);
  });
});
