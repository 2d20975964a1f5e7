import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  CATALOGUES,
  LANGUAGE_NAMES,
  LANGUAGES,
  type MessageKey,
  shortDate,
} from '../../../src/platform/i18n/index.ts';
import type { Language } from '../api.ts';
import { type WebCatalogue, type WebKey, webEn, webFr, webRw, webSw } from './web-messages.ts';

export { LANGUAGE_NAMES, LANGUAGES };
export type Key = MessageKey | WebKey;
export type Params = Record<string, string | number>;

const WEB: Record<Language, WebCatalogue> = { en: webEn, rw: webRw, fr: webFr, sw: webSw };
const HTML_LANG: Record<Language, string> = { en: 'en', rw: 'rw', fr: 'fr', sw: 'sw' };

function fill(text: string, params: Params): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function message(language: Language, key: Key, params: Params = {}): string {
  const web = WEB[language] as Record<string, string>;
  const server = CATALOGUES[language] as Record<string, string>;
  const text = web[key] ?? server[key] ?? (webEn as Record<string, string>)[key] ?? key;
  return fill(text, params);
}

/** The language the browser asks for, if we have it; English otherwise. */
function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if ((LANGUAGES as string[]).includes(base)) return base as Language;
  }
  return 'en';
}

type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: Key, params?: Params) => string;
  /** "8 Dec" in her language. */
  date: (iso: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(browserLanguage);
  useEffect(() => {
    document.documentElement.lang = HTML_LANG[language];
  }, [language]);
  const t = useCallback((key: Key, params?: Params) => message(language, key, params), [language]);
  const date = useCallback((iso: string) => shortDate(language, iso), [language]);
  const value = useMemo(() => ({ language, setLanguage, t, date }), [language, t, date]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
