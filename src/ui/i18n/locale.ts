import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.ts';

/** The languages the app speaks, each named in itself (for the switch). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'es', name: 'Español' },
] as const;
export type Locale = (typeof LANGUAGES)[number]['code'];

const KEY = 'trustfall-locale';

// The Spanish strings are a module of their own, fetched (and precached for offline use) when chosen.
const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./generated/locales/${locale}.js`),
});

/** The language to start in: the one chosen before (kept in this browser), else the browser's first we speak. */
export function startingLocale(): Locale {
  let kept: string | null = null;
  try {
    kept = localStorage.getItem(KEY);
  } catch {
    // Storage blocked: go by the browser.
  }
  const codes = LANGUAGES.map((l) => l.code as string);
  if (kept && codes.includes(kept)) return kept as Locale;
  const wanted = (navigator.languages ?? [navigator.language]).map((l) => l.slice(0, 2).toLowerCase());
  return (wanted.find((l) => codes.includes(l)) as Locale | undefined) ?? 'en';
}

/** Switches the language (every localised element re-renders), keeps the choice, and sets the page's lang. */
export async function useLocale(locale: Locale, keep = true): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = locale;
  if (!keep) return;
  try {
    localStorage.setItem(KEY, locale);
  } catch {
    // Storage blocked: the choice lasts this visit.
  }
}

export { getLocale };
