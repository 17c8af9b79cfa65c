import { writeFileSync } from 'node:fs';
import { dataWordsModule } from '../i18n/data-words.ts';

/** Part of `npm run i18n`: writes the words the page shows from data as msg() calls for the catalogue. */
const path = 'src/ui/i18n/generated/editor-words.ts';
writeFileSync(path, dataWordsModule());
process.stdout.write(`wrote ${path}\n`);
