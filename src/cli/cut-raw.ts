import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cutColumns } from '../counties/derive/cut.ts';
import { DATA_DIR, type DeclaredSource } from './counties-data.ts';

/**
 * `npm run data:cut -- FILE…`: cuts published raw files (as CDC and the Census Bureau publish them) to
 * the columns data/sources.json names, into data/raw/. Each file is known by its SHA-256, so a file that
 * differs from the one the project used is refused rather than silently cut.
 */
const files = process.argv.slice(2);
const declared = JSON.parse(readFileSync(join(DATA_DIR, 'sources.json'), 'utf8')) as DeclaredSource[];
const cuttable = declared.filter((s) => s.published);
if (files.length === 0) {
  process.stderr.write(
    `usage: npm run data:cut -- FILE…\nFILE is one of the published files:\n${cuttable.map((s) => `  ${s.published!.file}  (sha256 ${s.published!.sha256})`).join('\n')}\n`,
  );
  process.exit(2);
}
let failed = false;
for (const path of files) {
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = cuttable.find((s) => s.published!.sha256 === sha256);
  if (!source) {
    const named = cuttable.find((s) => s.published!.file === basename(path));
    process.stderr.write(
      named
        ? `${path}: its SHA-256 is ${sha256}, not the ${named.published!.sha256} of the file the project used: a different edition?\n`
        : `${path}: not one of the published files data/sources.json names\n`,
    );
    failed = true;
    continue;
  }
  const out = join(DATA_DIR, source.file);
  writeFileSync(out, cutColumns(bytes.toString('utf8'), source.published!));
  process.stdout.write(`${path} → ${out} (${source.published!.columns.length} columns)\n`);
}
process.exit(failed ? 1 : 0);
