import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deriveCountyFile } from '../counties/derive/derive.ts';
import { COUNTY_FILE } from '../counties/record.ts';
import { readRawInputs } from './counties-data.ts';
import { countyFileText } from '../counties/file-text.ts';

/** `npm run data`: derives public/data/counties.json from the raw files in data/ and says what needs a look. */
// A reader that stops early (`npm run data | head`) closes the pipe after the file is written: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { file, notes } = await (async () => deriveCountyFile(await readRawInputs()))();
mkdirSync(dirname(COUNTY_FILE), { recursive: true });
writeFileSync(COUNTY_FILE, countyFileText(file));
const placed = file.counties.reduce((n, c) => n + c.agreements.length, 0);
const say = (line: string) => process.stdout.write(`${line}\n`);
say(`wrote ${COUNTY_FILE}: ${file.counties.length} counties; ICE list of ${file.listDate}`);
say(`  agreements placed in counties: ${placed} (a town's agreement counts once in each county it lies in)`);
say(`  statewide agreements: ${file.stateAgreements.length}; town agreements not placed: ${file.unplaced.length}`);
for (const u of file.unplaced) say(`    not placed: ${u.agency} (${u.state}), ${u.model}: add a row to data/fixes/ice-list.csv`);
for (const f of notes.unusedFixes)
  say(`  a fix matches no row of the list (ICE may have corrected it): ${f.state}, ${f.agency}, ${f.field} ${JSON.stringify(f.raw)}`);
for (const m of notes.mismatches) say(`  ${m}, not the county its name names: check it, and add a fix if the list is wrong`);
if (notes.countiesWithoutNeighbours.length > 0) say(`  counties without neighbours (islands): ${notes.countiesWithoutNeighbours.join('; ')}`);
