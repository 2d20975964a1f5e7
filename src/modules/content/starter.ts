import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import type { Language } from '../../platform/db/tables.ts';
import { type ContentRepo, newVersionRow } from './repo.ts';
import { AGE_BANDS, CATEGORIES } from './schema.ts';
import type { DraftInput } from './service.ts';

/** The starter set in the repository (content/starter/README.md). */
export const STARTER_DIR = join(import.meta.dirname, '..', '..', '..', 'content', 'starter');
const LANGS: readonly Language[] = ['en', 'rw', 'fr', 'sw'];

/** A text of the starter set: what a writer's draft holds, published at once. */
export type StarterText = DraftInput;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T))
    throw new Error(`starter content: ${what} "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** One article file: `---` front matter of `name: value` lines, then the Markdown body. */
export function parseArticleFile(text: string, file: string): StarterText {
  const found = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, '\n'));
  if (!found) throw new Error(`starter content: ${file} has no front matter`);
  const fields = new Map(
    (found[1] ?? '').split('\n').map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as const;
    }),
  );
  return {
    key: fields.get('key') ?? '',
    kind: 'article',
    category: oneOf(fields.get('category'), CATEGORIES, 'category'),
    ageBand: oneOf(fields.get('ageBand'), AGE_BANDS, 'age band'),
    lang: oneOf(fields.get('lang'), LANGS, 'language'),
    title: fields.get('title') ?? '',
    summary: fields.get('summary') ?? '',
    body: (found[2] ?? '').trim(),
  };
}

/** Every article and tip of the starter set, as files hold them. */
export function readStarterSet(dir = STARTER_DIR): StarterText[] {
  const articles = readdirSync(join(dir, 'articles'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => parseArticleFile(readFileSync(join(dir, 'articles', f), 'utf8'), f));
  const tips = LANGS.flatMap((lang) =>
    (
      JSON.parse(readFileSync(join(dir, `tips.${lang}.json`), 'utf8')) as Array<{
        key: string;
        category: string;
        ageBand: string;
        text: string;
      }>
    ).map(
      (tip): StarterText => ({
        key: `tip-${tip.key}`,
        kind: 'tip',
        category: oneOf(tip.category, CATEGORIES, 'category'),
        ageBand: oneOf(tip.ageBand, AGE_BANDS, 'age band'),
        lang,
        // A tip is its text; its title is what a list shows (the text's start).
        title: tip.text.length <= 60 ? tip.text : `${tip.text.slice(0, 57)}…`,
        summary: '',
        body: tip.text,
      }),
    ),
  );
  return [...articles, ...tips];
}

/**
 * Publishes the starter set where the library has no text yet for that item and language, as
 * texts no expert has checked (`review: pending`, shown to admins). Safe to run at every start
 * and from every instance: an item or language already there (published, edited, unpublished)
 * is never touched again. Returns how many texts it added.
 */
export async function importStarterSet(db: Db, repo: ContentRepo, now: Date, texts = readStarterSet()) {
  let added = 0;
  const present = await repo.textsPresent();
  for (const text of texts) {
    if (present.has(`${text.key}|${text.lang}`)) continue;
    await db
      .transaction()
      .execute(async (tx) => {
        const item = await repo.ensureItem(
          {
            id: randomUUID(),
            key: text.key,
            kind: text.kind,
            category: text.category,
            age_band: text.ageBand,
            created_by: null,
            created_at: now,
          },
          tx,
        );
        if (await repo.hasAnyVersion(item.id, text.lang, tx)) return;
        await repo.insertVersion(
          newVersionRow({
            itemId: item.id,
            lang: text.lang,
            version: 1,
            status: 'published',
            title: text.title,
            summary: text.summary,
            body: text.body,
            authorId: null,
            at: now,
          }),
          tx,
        );
        added++;
      })
      .catch((error: unknown) => {
        // Another instance imported the same text at the same moment: it is there, as wanted.
        if ((error as { code?: string }).code !== '23505') throw error;
      });
  }
  return added;
}
