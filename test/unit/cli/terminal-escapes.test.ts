import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../../src/cli/format/terminal.ts';
import { scratchFolder, sim } from '../../helpers/cli.ts';

/**
 * A shared scenario file must not be able to drive the reader's terminal: names holding escape
 * sequences (set the window title, clear the screen, CSI in its one-byte C1 form) are printed
 * visibly, on stdout and stderr, in text and in JSON, and JSON still parses back to the same names.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is what this test checks
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const { file } = scratchFolder('trustfall-terminal-');
const scenarioName = '\u001b]0;pwned\u0007Evil\u009b2J town';
const countyName = 'County\u001b[2J\r\u007f';
const scenario = file(
  'escapes.json',
  JSON.stringify({ name: scenarioName, run: { years: 0.5, activationDay: 60, burnInWeeks: 4 }, jurisdictions: [{ name: countyName, residents: 600 }] }),
);

describe('names with control characters on the terminal', () => {
  it('terminalSafe shows every control character except tab and newline, and nothing else changes', () => {
    expect(terminalSafe('a\u001b[2Jb\u009bc\td\ne\u007f')).toBe('a\\x1b[2Jb\\x9bc\td\ne\\x7f');
    expect(terminalSafe('Condado de Montaña, ñ é — “x”')).toBe('Condado de Montaña, ñ é — “x”');
  });

  it('run, compare and fit print no raw control character in text or JSON, and JSON keeps the names', () => {
    for (const args of [
      ['run', scenario],
      ['run', scenario, '--json'],
      ['compare', scenario, scenario, '--replicates', '1'],
      ['fit', scenario, '--targets', 'us-baselines', '--replicates', '1'],
    ]) {
      const r = sim(...args, '--quiet');
      expect(r.code, r.err).toBe(0);
      expect(r.out, args.join(' ')).not.toMatch(RAW_CONTROL);
      expect(r.err, args.join(' ')).not.toMatch(RAW_CONTROL);
    }
    const json = JSON.parse(sim('run', scenario, '--json', '--quiet').out);
    expect(json.scenario?.name ?? json.scenarioName ?? json.name).toBe(scenarioName);
    expect(json.jurisdictions[0].name).toBe(countyName);
    expect(sim('run', scenario, '--quiet').out).toContain('\\x1b]0;pwned\\x07Evil\\x9b2J town');
  });

  it('an error naming a key with an escape sequence prints it visibly', () => {
    // JSON.stringify, which quotes the key, escapes ESC and BEL but leaves the one-byte CSI raw.
    const bad = file('bad-key.json', JSON.stringify({ '\u009b2J\u001b]0;title\u0007': 1 }));
    const r = sim('run', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('\\x9b2J');
    expect(r.err).not.toMatch(RAW_CONTROL);
  });

  it('resolve prints JSON that is safe and parses back to the same scenario name', () => {
    const r = sim('resolve', scenario);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(r.out).name).toBe(scenarioName);
  });
});
