import * as localize from '@lit/localize';

/**
 * A text from data in the app's language, when the catalogue has it; else as written.
 *
 * lit-localize's extractor reads literal msg() calls only, and these texts come from data (the scenario
 * schema, the target sets, the group table). Each is in the catalogue through the module npm run i18n
 * writes from the same data (src/ui/i18n/generated/editor-words.ts); at run time msg finds a text by
 * its hash. msg is read at each call, not kept: configureLocalization replaces it, and a copy taken when
 * this module loaded (before the page or a test configured the language) would stay English.
 */
export function translated(text: string): string {
  const lookup: (text: string) => string = localize.msg;
  return lookup(text);
}
