import fc from 'fast-check';
import { FC_SEED } from '../helpers/fc-seed.ts';

// Every property runs from the same pinned seed (printed in each property suite's name), so a failure
// in CI replays exactly with FC_SEED=<seed> npm test.
fc.configureGlobal({ seed: FC_SEED, numRuns: 25 });
