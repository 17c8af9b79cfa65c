import { afterAll } from 'vitest';
import { FC_SEED } from './fc-seed.ts';

/**
 * A fuzz file's tally: `count(what, accepted)` for each case, printed after the file's tests as one
 * line of totals and a line per kind of input (the suite's counts, over 20,000 a run, are read from
 * these lines).
 */
export function fuzzCounts(title: string): (what: string, accepted: boolean) => void {
  const counts: Record<string, { accepted: number; refused: number }> = {};
  afterAll(() => {
    const total = Object.values(counts).reduce((a, c) => a + c.accepted + c.refused, 0);
    const lines = Object.entries(counts).map(
      ([b, c]) => `  ${b.padEnd(22)} ${String(c.accepted + c.refused).padStart(6)} cases: ${c.accepted} accepted, ${c.refused} refused`,
    );
    console.log(`fuzzed ${title} (fast-check seed ${FC_SEED}): ${total} cases, 0 crashes\n${lines.join('\n')}`);
  });
  return (what, accepted) => {
    counts[what] ??= { accepted: 0, refused: 0 };
    counts[what][accepted ? 'accepted' : 'refused']++;
  };
}
