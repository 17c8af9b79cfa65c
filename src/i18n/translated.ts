import { msg } from '@lit/localize';

// msg() under another name: lit-localize's extractor reads literal msg() calls only, and these texts
// come from data (the scenario schema). Each is in the catalogue through the module npm run i18n writes
// from the same data (src/ui/i18n/generated/editor-words.ts); at run time msg finds a text by its hash.
const lookup: (text: string) => string = msg;

/** A text from data in the app's language, when the catalogue has it; else as written. */
export function translated(text: string): string {
  return lookup(text);
}
