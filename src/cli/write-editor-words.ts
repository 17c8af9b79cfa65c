import { writeFileSync } from 'node:fs';
import { targetSetWords } from '../evidence/registry.ts';
import { editorWordsModule } from '../scenario/editor-words.ts';

/** Part of `npm run i18n`: writes the scenario editor's and the target sets' words as msg() calls for the catalogue. */
const path = 'src/ui/i18n/generated/editor-words.ts';
writeFileSync(path, editorWordsModule(targetSetWords()));
process.stdout.write(`wrote ${path}\n`);
