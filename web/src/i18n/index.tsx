import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey } from '../../../src/platform/i18n/en.ts';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../src/platform/i18n/languages.ts';
import type { Language } from '../api.ts';
import { type CareKey, careEn } from './care-messages.ts';
import { type CycleKey, cycleEn } from './cycle-messages.ts';
import { createDates, type DateOptions } from './dates.ts';
import { type DaylogKey, daylogEn } from './daylog-messages.ts';
import { type ErrorsKey, errorsEn } from './errors-messages.ts';
import { type HelpKey, helpEn } from './help-messages.ts';
import { type HowKey, howEn } from './how-messages.ts';
import { type LibraryKey, libraryEn } from './library-messages.ts';
import { type LockKey, lockEn } from './lock-messages.ts';
import { type OfflineKey, offlineEn } from './offline-messages.ts';
import { type OnboardingKey, onboardingEn } from './onboarding-messages.ts';
import { type ProviderKey, providerEn } from './provider-messages.ts';
import { lookup, lookupCount } from './translate.ts';
import { type VisitsKey, visitsEn } from './visits-messages.ts';
import { type WebKey, webEn } from './web-messages.ts';

export { LANGUAGE_NAMES, LANGUAGES };
export type Key =
  | MessageKey
  | WebKey
  | HowKey
  | LockKey
  | CycleKey
  | DaylogKey
  | ErrorsKey
  | OnboardingKey
  | OfflineKey
  | HelpKey
  | CareKey
  | VisitsKey
  | ProviderKey
  | LibraryKey;
export type Params = Record<string, string | number>;
/** Keys written per plural category (`<base>.one`, `<base>.other`…): pass the base to `tn`. */
export type CountedKey = Key extends infer K ? (K extends `${infer B}.other` ? B : never) : never;
type Catalogue = Readonly<Record<string, string>>;

/*
 * English is in the main bundle (it is also the fallback); each other language is a chunk of its
 * own, fetched when it is first needed, so a phone on 3G downloads one language, not four.
 */
const ENGLISH: Catalogue = {
  ...en,
  ...helpEn,
  ...webEn,
  ...howEn,
  ...lockEn,
  ...cycleEn,
  ...daylogEn,
  ...errorsEn,
  ...onboardingEn,
  ...offlineEn,
  ...careEn,
  ...visitsEn,
  ...providerEn,
  ...libraryEn,
};
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

export function message(language: Language, key: Key, params: Params = {}): string {
  return lookup(loaded[language] ?? ENGLISH, ENGLISH, key, params);
}

/** True when her language's catalogue (or English) has this key: the web knows that error code. */
export function hasMessage(language: Language, key: string): boolean {
  return key in (loaded[language] ?? ENGLISH) || key in ENGLISH;
}

/** A counted text ("1 day", "3 days"): the entry for `n`'s plural category; `n` fills {n}. */
export function messageCount(language: Language, base: CountedKey, n: number, params: Params = {}): string {
  return lookupCount(language, loaded[language] ?? ENGLISH, ENGLISH, base, n, params);
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
  /** A calendar date in her language, full month name: "8 December" ("8 December 2025" with year). */
  date: (iso: string, options?: DateOptions) => string;
  /** A month and year: "December 2025". */
  monthYear: (iso: string) => string;
  /** An instant (sessions, access log) in her language and the browser's time zone. */
  dateTime: (instant: string) => string;
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
  const value = useMemo(() => {
    const dates = createDates(language, (month) => message(language, `date.month.${month}` as Key));
    return {
      language,
      setLanguage,
      t,
      tn,
      date: dates.date,
      monthYear: dates.month,
      dateTime: dates.dateTime,
    };
  }, [language, setLanguage, t, tn]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
