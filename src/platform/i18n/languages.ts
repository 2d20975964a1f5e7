import type { Language } from '../db/tables.ts';

// Apart from the catalogues so the web app can list languages without bundling every catalogue.
export const LANGUAGES: Language[] = ['en', 'rw', 'fr', 'sw'];
/** Each language named in itself, as a menu shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  rw: 'Kinyarwanda',
  fr: 'Francais',
  sw: 'Kiswahili',
};
