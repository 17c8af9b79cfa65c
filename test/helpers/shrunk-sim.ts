/**
 * `npm run -s sim -- …` as the docs test runs a documented command: the same command line, with its
 * counts cut so that the whole documentation runs in a minute or two. A count the command gives is
 * lowered to at most the figure below (and --workers to this machine's cores), a --scale coarsened to at
 * least 1:1000 and a national run kept to two small states; nothing else changes (the scenarios it reads
 * are shrunk copies, made by the test). What is tested is that the line works as written, not what it finds.
 */
import { availableParallelism } from 'node:os';

const AT_MOST: Record<string, number> = {
  // A cluster node's count, on this machine's cores.
  '--workers': availableParallelism(),
  '--replicates': 2,
  '--years': 1.5,
  '--budget': 3,
  '--particles': 8,
  '--generations': 1,
  // The docs' proposals per particle (160 for 40), for 8 particles: an ABC generation needs its share.
  '--proposals': 32,
  '--trajectories': 2,
  '--samples': 8,
  '--survey': 60,
};

/** The coarsest of scales a documented command may ask for is kept; a finer one is coarsened to this. */
const SCALE_AT_LEAST = 1000;
/** A national run covers two small states (the shards of a 2-task array take one each). */
const NATION_STATES = 'NH,WY';

const argv = process.argv.slice(2);
for (let i = 0; i < argv.length - 1; i++) {
  const most = AT_MOST[argv[i]];
  if (most !== undefined && Number(argv[i + 1]) > most) argv[i + 1] = String(most);
  if (argv[i] === '--scale' && Number(argv[i + 1].replace(/^1:/, '')) < SCALE_AT_LEAST) argv[i + 1] = `1:${SCALE_AT_LEAST}`;
}
if (argv[0] === 'nation' && !argv.includes('--states')) argv.push('--states', NATION_STATES);
process.argv = [process.argv[0], 'sim', ...argv];
await import('../../src/cli/main.ts');
