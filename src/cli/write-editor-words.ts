import { writeFileSync } from 'node:fs';
import { editorWordsModule } from '../scenario/editor-words.ts';

/** Part of `npm run i18n`: writes the scenario editor's words as msg() calls for the catalogue. */
const path = 'src/ui/i18n/generated/editor-words.ts';
writeFileSync(path, editorWordsModule());
process.stdout.write(`wrote ${path}\n`);
