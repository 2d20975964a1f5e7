/**
 * Plural forms for all four languages, shared by the server (USSD, SMS) and the web app.
 * A counted text is written as one catalogue entry per CLDR category, `<base>.one`,
 * `<base>.other` (and `.few`/`.many`/`.zero`/`.two` where a language needs them); the count
 * picks the entry. Kinyarwanda has no CLDR rules in most ICU builds (they fall back to English),
 * and its noun classes do split at exactly 1 ("umunsi 1", "iminsi 2"), so it is given here.
 */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

const rules = new Map<string, Intl.PluralRules>();

export function pluralCategory(language: string, n: number): PluralCategory {
  if (language === 'rw') return n === 1 ? 'one' : 'other';
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return rule.select(n) as PluralCategory;
}

/** The catalogue key for `n` of `base`: the language's category if written, else `.other`. */
export function pluralKey(language: string, base: string, n: number, has: (key: string) => boolean): string {
  const exact = `${base}.${pluralCategory(language, n)}`;
  return has(exact) ? exact : `${base}.other`;
}
