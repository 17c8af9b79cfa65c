import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommandLine, UsageError } from '../../../src/cli/args.ts';
import { COMMAND_FILES, FLAGS, optionsHelp } from '../../../src/cli/flags.ts';

/**
 * Options come from one table (issue 23): which commands read each, how its value is read and its
 * range (the value's own schema), and its help line. Adding an option is one entry.
 */
const SAMPLE: Record<string, string> = {
  shard: '1/2',
  method: 'abc',
  survey: '0',
  workers: '1',
  samples: '8',
  particles: '8',
  trajectories: '2',
  levels: '2',
  scale: '1:100',
  'as-of': '2025-01-01',
  states: 'AZ,NC',
};
const fileArgs = (command: keyof typeof COMMAND_FILES) => Array.from({ length: COMMAND_FILES[command][0] }, (_, i) => `f${i}.json`);

describe('the option table', () => {
  it('is what every command accepts, and every other command refuses', () => {
    for (const [name, f] of Object.entries(FLAGS)) {
      const argv = 'read' in f ? [`--${name}`, SAMPLE[name] ?? '1'] : [`--${name}`];
      for (const command of Object.keys(COMMAND_FILES) as (keyof typeof COMMAND_FILES)[]) {
        const reads = (f.commands as readonly string[]).includes(command);
        expect((COMMANDS[command].flags as readonly string[]).includes(name), `${command} --${name}`).toBe(reads);
        if (name === 'quiet') continue; // accepted by every command, so scripts can pass it to all
        const parse = () => parseCommandLine([command, ...fileArgs(command), ...argv]);
        if (reads) expect(parse, `${command} --${name}`).not.toThrow();
        else expect(parse, `${command} --${name}`).toThrow(UsageError);
      }
    }
  });

  it('reads each number by its range, and says the range in the help', () => {
    const help = optionsHelp();
    for (const [name, f] of Object.entries(FLAGS)) {
      expect(help, name).toMatch(new RegExp(`--${name}\\b`));
      if (!('schema' in f)) continue;
      const command = f.commands[0];
      expect(() => parseCommandLine([command, ...fileArgs(command), `--${name}`, '1e12'])).toThrow(/is not allowed; expected/);
      expect(() => parseCommandLine([command, ...fileArgs(command), `--${name}`, '0x10'])).toThrow(/is not a number/);
    }
    expect(help.replace(/\s+/g, ' ')).toMatch(/--survey N .*; 0, or a whole number from 2 to 1000000 \[compare\]/);
  });
});
