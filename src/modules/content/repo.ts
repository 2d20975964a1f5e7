import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  ContentCategory,
  ContentItemRow,
  ContentItemsTable,
  ContentKind,
  ContentStatus,
  ContentVersionRow,
  ContentVersionsTable,
  Language,
} from '../../platform/db/tables.ts';

export type VersionWithItem = ContentVersionRow &
  Pick<ContentItemRow, 'key' | 'kind' | 'category' | 'age_band'>;
export type LibraryFilter = {
  lang: Language;
  kind?: ContentKind | undefined;
  category?: ContentCategory | undefined;
  /** Words the text must hold (each as a word start), already reduced to letters and digits. */
  words?: readonly string[] | undefined;
  limit: number;
};

/** A new version row: a draft of a writer's, or a text published at once (the starter set). */
export function newVersionRow(fields: {
  itemId: string;
  lang: Language;
  version: number;
  status: 'draft' | 'published';
  title: string;
  summary: string;
  body: string;
  authorId: string | null;
  at: Date;
}): ContentVersionsTable {
  return {
    id: randomUUID(),
    item_id: fields.itemId,
    lang: fields.lang,
    version: fields.version,
    status: fields.status,
    title: fields.title,
    summary: fields.summary,
    body: fields.body,
    review: 'pending',
    author_id: fields.authorId,
    reviewer_id: null,
    review_comment: null,
    created_at: fields.at,
    updated_at: fields.at,
    submitted_at: null,
    decided_at: null,
    published_at: fields.status === 'published' ? fields.at : null,
  };
}

const withItem = (db: Db) =>
  db
    .selectFrom('content_versions')
    .innerJoin('content_items', 'content_items.id', 'content_versions.item_id')
    .selectAll('content_versions')
    .select(['content_items.key', 'content_items.kind', 'content_items.category', 'content_items.age_band']);

/** The education library's items and versions. SQL only. */
export function createContentRepo(db: Db) {
  return {
    async findItem(key: string, tx: Db = db): Promise<ContentItemRow | undefined> {
      return tx.selectFrom('content_items').selectAll().where('key', '=', key).executeTakeFirst();
    },

    /** The item with this key, made if new (a key taken at the same moment returns the other's). */
    async ensureItem(row: ContentItemsTable, tx: Db = db): Promise<ContentItemRow> {
      await tx
        .insertInto('content_items')
        .values(row)
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const item = await tx
        .selectFrom('content_items')
        .selectAll()
        .where('key', '=', row.key)
        .executeTakeFirst();
      if (!item) throw new Error(`content item ${row.key} vanished`);
      return item;
    },

    /** The next version number of an item's text in a language. */
    async nextVersion(itemId: string, lang: Language, tx: Db = db): Promise<number> {
      const row = await tx
        .selectFrom('content_versions')
        .select((eb) => eb.fn.max('version').as('last'))
        .where('item_id', '=', itemId)
        .where('lang', '=', lang)
        .executeTakeFirst();
      return Number(row?.last ?? 0) + 1;
    },

    async insertVersion(row: ContentVersionsTable, tx: Db = db): Promise<void> {
      await tx.insertInto('content_versions').values(row).execute();
    },

    async findVersion(id: string, tx: Db = db): Promise<VersionWithItem | undefined> {
      return withItem(tx).where('content_versions.id', '=', id).executeTakeFirst();
    },

    /**
     * Changes a version only from the statuses given (the workflow's rule, held by the database:
     * two reviewers at once cannot both act). True when it changed.
     */
    async updateVersion(
      id: string,
      from: readonly ContentStatus[],
      changes: Partial<ContentVersionsTable>,
      tx: Db = db,
      /** Only if nobody changed it since this moment (what was checked is what moves on). */
      unchangedSince?: Date,
    ): Promise<boolean> {
      let query = tx
        .updateTable('content_versions')
        .set(changes)
        .where('id', '=', id)
        .where('status', 'in', from);
      if (unchangedSince) query = query.where('updated_at', '=', unchangedSince);
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** The published text of an item in a language becomes `superseded` (a newer one is published). */
    async supersede(itemId: string, lang: Language, at: Date, tx: Db): Promise<void> {
      await tx
        .updateTable('content_versions')
        .set({ status: 'superseded', updated_at: at })
        .where('item_id', '=', itemId)
        .where('lang', '=', lang)
        .where('status', '=', 'published')
        .execute();
    },

    async published(key: string, lang: Language): Promise<VersionWithItem | undefined> {
      return withItem(db)
        .where('content_items.key', '=', key)
        .where('content_versions.lang', '=', lang)
        .where('content_versions.status', '=', 'published')
        .executeTakeFirst();
    },

    /** The languages an item is published in (to read it in another). */
    async publishedLanguages(itemId: string): Promise<Language[]> {
      const rows = await db
        .selectFrom('content_versions')
        .select('lang')
        .where('item_id', '=', itemId)
        .where('status', '=', 'published')
        .orderBy('lang')
        .execute();
      return rows.map((r) => r.lang);
    },

    /** Published texts of one language, by category then title; with words, best matches first. */
    async listPublished(filter: LibraryFilter): Promise<VersionWithItem[]> {
      let query = withItem(db)
        .where('content_versions.status', '=', 'published')
        .where('content_versions.lang', '=', filter.lang);
      if (filter.kind) query = query.where('content_items.kind', '=', filter.kind);
      if (filter.category) query = query.where('content_items.category', '=', filter.category);
      if (filter.words && filter.words.length > 0) {
        // Each word a prefix (":*"); the words are letters and digits only, passed as a parameter.
        const tsquery = filter.words.map((w) => `${w}:*`).join(' & ');
        query = query
          .where(sql<boolean>`content_versions.search @@ to_tsquery('simple', ${tsquery})`)
          .orderBy(sql`ts_rank(content_versions.search, to_tsquery('simple', ${tsquery}))`, 'desc');
      }
      return query
        .orderBy('content_items.category')
        .orderBy('content_versions.title')
        .limit(filter.limit)
        .execute();
    },

    /** Versions by status (the review queue), or an author's own, newest first. */
    async listVersions(filter: {
      statuses?: readonly ContentStatus[];
      authorId?: string;
      review?: 'pending' | 'done';
      limit: number;
    }): Promise<VersionWithItem[]> {
      let query = withItem(db);
      if (filter.statuses) query = query.where('content_versions.status', 'in', filter.statuses);
      if (filter.authorId) query = query.where('content_versions.author_id', '=', filter.authorId);
      if (filter.review) query = query.where('content_versions.review', '=', filter.review);
      return query.orderBy('content_versions.updated_at', 'desc').limit(filter.limit).execute();
    },

    /** Every item key and language that has a text, as `key|lang` (one query at start-up). */
    async textsPresent(): Promise<Set<string>> {
      const rows = await db
        .selectFrom('content_versions')
        .innerJoin('content_items', 'content_items.id', 'content_versions.item_id')
        .select(['content_items.key', 'content_versions.lang'])
        .distinct()
        .execute();
      return new Set(rows.map((r) => `${r.key}|${r.lang}`));
    },

    /** Whether any text exists for an item in a language (the starter set is imported only where none). */
    async hasAnyVersion(itemId: string, lang: Language, tx: Db = db): Promise<boolean> {
      const row = await tx
        .selectFrom('content_versions')
        .select('id')
        .where('item_id', '=', itemId)
        .where('lang', '=', lang)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
export type ContentRepo = ReturnType<typeof createContentRepo>;
