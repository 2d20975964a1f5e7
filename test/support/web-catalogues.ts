import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../../src/platform/i18n/en.ts';
import fr from '../../web/src/i18n/lang-fr.ts';
import rw from '../../web/src/i18n/lang-rw.ts';
import sw from '../../web/src/i18n/lang-sw.ts';

/*
 * The web app's catalogues as the browser gets them: Kinyarwanda, French and Swahili are the
 * default exports of lang-*.ts (the chunks the app loads); English is the server's catalogue plus
 * every web/src/i18n/<feature>-messages.ts, which index.tsx spreads into ENGLISH (a .tsx file Node
 * does not run; `unregisteredCatalogues` checks that each one is spread there).
 */
export type WebLanguage = 'en' | 'rw' | 'fr' | 'sw';
export type Catalogue = Readonly<Record<string, string>>;

export const I18N_DIR = join(import.meta.dirname, '../../web/src/i18n');

function featureFiles(): string[] {
  return readdirSync(I18N_DIR)
    .filter((file) => file.endsWith('-messages.ts'))
    .sort();
}

function stringsOf(module: Record<string, unknown>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const value of Object.values(module)) {
    if (value && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string'))
      Object.assign(merged, value);
  }
  return merged;
}

export async function webCatalogues(): Promise<Record<WebLanguage, Catalogue>> {
  const english: Record<string, string> = { ...en };
  for (const file of featureFiles())
    Object.assign(english, stringsOf((await import(join(I18N_DIR, file))) as Record<string, unknown>));
  return { en: english, rw, fr, sw };
}

/**
 * Feature catalogues a language file forgets: each `<feature>-messages.ts` must be spread into
 * ENGLISH in index.tsx, and its `<feature>-<lang>.ts` into lang-<lang>.ts.
 */
export function unregisteredCatalogues(): string[] {
  const missing: string[] = [];
  for (const file of featureFiles()) {
    const feature = file.replace(/-messages\.ts$/, '');
    const index = readFileSync(join(I18N_DIR, 'index.tsx'), 'utf8');
    const english = index.match(/import \{[^}]*\b(\w+)\s*\}\s*from '\.\/([\w-]+)-messages\.ts'/g) ?? [];
    const imported = english.find((line) => line.includes(`'./${feature}-messages.ts'`));
    const name = imported?.match(/\b(\w+En)\b/)?.[1];
    const spread = index.match(/const ENGLISH[^=]*=\s*\{([^}]*)\}/)?.[1] ?? '';
    if (!name || !spread.includes(`...${name}`)) missing.push(`index.tsx ENGLISH: ${file}`);
    for (const language of ['rw', 'fr', 'sw']) {
      const own = `${feature}-${language}.ts`;
      const registry = readFileSync(join(I18N_DIR, `lang-${language}.ts`), 'utf8');
      if (!registry.includes(`'./${own}'`)) missing.push(`lang-${language}.ts: ${own}`);
    }
  }
  return missing;
}

/** The {placeholders} of a text, sorted: every language must use the same ones. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1] ?? '').sort();
}
