import type { Language } from '../db/tables.ts';
import { type Catalogue, en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';
import { pluralKey } from './plural.ts';
import { rw } from './rw.ts';
import { sw } from './sw.ts';

export type { MessageKey } from './en.ts';
export { LANGUAGE_NAMES, LANGUAGES } from './languages.ts';

/** One catalogue per language, shared by USSD, SMS and the web app. */
export const CATALOGUES: Record<Language, Catalogue> = { en, rw, fr, sw };
export type Params = Record<string, string | number>;

/** The text of a key in a language, with {placeholders} filled in. */
export function translate(language: Language, key: MessageKey, params: Params = {}): string {
  const text = CATALOGUES[language][key];
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Keys written per plural category: `<base>.one`, `<base>.other`… (see plural.ts). */
type PluralBase<K> = K extends `${infer B}.other` ? B : never;
export type CountedKey = PluralBase<MessageKey>;

/** A counted text ("1 day", "3 days") in her language; `n` also fills {n}. */
export function translateCount(language: Language, base: CountedKey, n: number, params: Params = {}): string {
  const catalogue = CATALOGUES[language] as Record<string, string>;
  const key = pluralKey(language, base, n, (k) => k in catalogue) as MessageKey;
  return translate(language, key, { n, ...params });
}

/** "8 Dec" style date for short screens, in her language. */
export function shortDate(language: Language, isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  const day = Number(isoDate.slice(8, 10));
  return `${day} ${translate(language, `month.${month}` as MessageKey)}`;
}
