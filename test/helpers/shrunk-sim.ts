/**
 * `npm run -s sim -- …` as the docs test runs a documented command: the same command line, with its
 * counts cut so that the whole documentation runs in a minute or two. A count the command gives is
 * lowered to at most the figure below (and --workers to this machine's cores); nothing else changes (the scenarios it reads are shrunk copies,
 * made by the test). What is tested is that the line works as written, not what it finds.
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

const argv = process.argv.slice(2);
for (let i = 0; i < argv.length - 1; i++) {
  const most = AT_MOST[argv[i]];
  if (most !== undefined && Number(argv[i + 1]) > most) argv[i + 1] = String(most);
}
process.argv = [process.argv[0], 'sim', ...argv];
await import('../../src/cli/main.ts');
