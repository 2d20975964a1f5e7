import { pluralKey } from '../../../src/platform/i18n/plural.ts';

/*
 * The lookups behind `t` and `tn`, free of React so that Node tests run them on the real
 * catalogues (lang-*.ts): the same code picks a text and a plural form in the browser and there.
 */
export type Params = Record<string, string | number>;
export type Catalogue = Readonly<Record<string, string>>;

/** Fills {name} placeholders (camelCase names allowed: {otherStart}); unknown ones stay visible. */
export function fill(text: string, params: Params): string {
  return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The placeholders a text uses, e.g. ["n", "otherStart"]. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((match) => match[1] ?? '').sort();
}

/** The text of `key` in `catalogue`, else English, else the key itself (a leak the browser tests catch). */
export function lookup(catalogue: Catalogue, english: Catalogue, key: string, params: Params = {}): string {
  return fill(catalogue[key] ?? english[key] ?? key, params);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "28.5" in English, "28,5" in French: the count as her language writes it. */
export function formatNumber(language: string, n: number): string {
  let found = numberFormats.get(language);
  if (!found) {
    found = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
    numberFormats.set(language, found);
  }
  return found.format(n);
}

/** A counted text: the entry for `n`'s plural category in `language` (`<base>.one`, `.other`…). */
export function lookupCount(
  language: string,
  catalogue: Catalogue,
  english: Catalogue,
  base: string,
  n: number,
  params: Params = {},
): string {
  const key = pluralKey(language, base, n, (k) => k in catalogue || k in english);
  return lookup(catalogue, english, key, { n: formatNumber(language, n), ...params });
}
