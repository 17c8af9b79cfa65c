/**
 * Fault injection for the data-safety tests, loaded into a CLI child with `--import` (never by the app;
 * plain JavaScript, since the pool's worker threads inherit the flag): every file write into the folder
 * TRUSTFALL_FULL_FOLDER fails with ENOSPC, as on a full disk, while writes elsewhere (the recovery file
 * in the temporary folder) go through.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

const full = process.env.TRUSTFALL_FULL_FOLDER;
if (full) {
  const write = fs.writeFileSync;
  fs.writeFileSync = (path, ...rest) => {
    if (typeof path === 'string' && resolve(path).startsWith(full + sep)) {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
    }
    return write(path, ...rest);
  };
  syncBuiltinESMExports();
}
