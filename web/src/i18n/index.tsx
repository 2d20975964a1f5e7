import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey } from '../../../src/platform/i18n/en.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../src/platform/i18n/languages.ts';
import { pluralKey } from '../../../src/platform/i18n/plural.ts';
import type { Language } from '../api.ts';
import { type HowKey, howEn } from './how-messages.ts';
import { type WebKey, webEn } from './web-messages.ts';

export { LANGUAGE_NAMES, LANGUAGES };
export type Key = MessageKey | WebKey | HowKey;
export type Params = Record<string, string | number>;
/** Keys written per plural category (`<base>.one`, `<base>.other`…): pass the base to `tn`. */
export type CountedKey = Key extends infer K ? (K extends `${infer B}.other` ? B : never) : never;
type Catalogue = Readonly<Record<string, string>>;

/*
 * English is in the main bundle (it is also the fallback); each other language is a chunk of its
 * own, fetched when it is first needed, so a phone on 3G downloads one language, not four.
 */
const ENGLISH: Catalogue = { ...en, ...webEn, ...howEn };
const loaded: Partial<Record<Language, Catalogue>> = { en: ENGLISH };
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalogue }>> = {
  rw: () => import('./lang-rw.ts'),
  fr: () => import('./lang-fr.ts'),
  sw: () => import('./lang-sw.ts'),
};

/** Makes sure a language's texts are here; resolves once they are. */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded[language] || language === 'en') return;
  loaded[language] = (await LOADERS[language]()).default;
}

function fill(text: string, params: Params): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function message(language: Language, key: Key, params: Params = {}): string {
  const text = loaded[language]?.[key] ?? ENGLISH[key] ?? key;
  return fill(text, params);
}

/** A counted text ("1 day", "3 days"): the entry for `n`'s plural category; `n` fills {n}. */
export function messageCount(language: Language, base: CountedKey, n: number, params: Params = {}): string {
  const catalogue = loaded[language] ?? ENGLISH;
  const key = pluralKey(language, base, n, (k) => k in catalogue || k in ENGLISH) as Key;
  return message(language, key, { n, ...params });
}

/** The language the browser asks for, if we have it; English otherwise. */
export function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if ((LANGUAGES as string[]).includes(base)) return base as Language;
  }
  return 'en';
}

type I18n = {
  language: Language;
  /** Switches once the language's texts have arrived, so nothing shows half-translated. */
  setLanguage: (language: Language) => Promise<void>;
  t: (key: Key, params?: Params) => string;
  /** Counted text: `tn('web.days', 3)` → "3 days", from `web.days.one` / `web.days.other`. */
  tn: (base: CountedKey, n: number, params?: Params) => string;
  /** "8 Dec" in her language. */
  date: (iso: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

/** `initial` must already be loaded (main.tsx waits for it before the first render). */
export function I18nProvider({ initial, children }: { initial: Language; children: ReactNode }) {
  const [language, setShown] = useState<Language>(initial);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback(async (next: Language) => {
    await loadLanguage(next);
    setShown(next);
  }, []);
  const t = useCallback((key: Key, params?: Params) => message(language, key, params), [language]);
  const tn = useCallback(
    (base: CountedKey, n: number, params?: Params) => messageCount(language, base, n, params),
    [language],
  );
  const date = useCallback(
    (iso: string) =>
      `${Number(iso.slice(8, 10))} ${message(language, `month.${Number(iso.slice(5, 7))}` as Key)}`,
    [language],
  );
  const value = useMemo(() => ({ language, setLanguage, t, tn, date }), [language, setLanguage, t, tn, date]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
