import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import type {
  AgeBand,
  ContentCategory,
  ContentKind,
  ContentStatus,
  Language,
} from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type Principal, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import { type ShownBlock, shownBlocks } from './blocks.ts';
import { checkArticle, parseArticle } from './markdown.ts';
import { type ContentRepo, newVersionRow, type VersionWithItem } from './repo.ts';
import { CATEGORIES } from './schema.ts';

type SignedInContext = RequestContext & { principal: Principal };

/** A tip is read on a feature phone and sent by SMS: it fits one message. */
export const TIP_MAX = 140;
const LIST_LIMIT = 200;
/** Parsed articles kept in memory (a few hundred texts in four languages). */
const PARSED_KEPT = 1_000;

export type LibraryEntry = {
  key: string;
  kind: ContentKind;
  category: ContentCategory;
  ageBand: AgeBand;
  lang: Language;
  title: string;
  summary: string;
  /** 'pending' until a health professional and a native speaker have checked this text. */
  review: 'pending' | 'done';
  publishedAt: string | null;
};
export type LibraryItem = LibraryEntry & {
  /** Articles: the body as safe blocks (rendered as elements, never as HTML). Tips: one paragraph. */
  blocks: ShownBlock[];
  /** Languages it can also be read in. */
  languages: Language[];
};
export type VersionView = LibraryEntry & {
  id: string;
  version: number;
  status: ContentStatus;
  body: string;
  reviewComment: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
};
/** A new text: the entry's fields a writer chooses, and the text itself. */
export type DraftInput = Pick<
  LibraryEntry,
  'key' | 'kind' | 'category' | 'ageBand' | 'lang' | 'title' | 'summary'
> & {
  body: string;
};
export type DraftChanges = Partial<Pick<DraftInput, 'title' | 'summary' | 'body'>>;

const entryOf = (v: VersionWithItem): LibraryEntry => ({
  key: v.key,
  kind: v.kind,
  category: v.category,
  ageBand: v.age_band,
  lang: v.lang,
  title: v.title,
  // A tip is its text: lists show it whole (it fits one SMS).
  summary: v.kind === 'tip' ? v.body : v.summary,
  review: v.review,
  publishedAt: v.published_at?.toISOString() ?? null,
});

const viewOf = (v: VersionWithItem): VersionView => ({
  ...entryOf(v),
  id: v.id,
  version: v.version,
  status: v.status,
  body: v.body,
  reviewComment: v.review_comment,
  createdAt: v.created_at.toISOString(),
  updatedAt: v.updated_at.toISOString(),
  submittedAt: v.submitted_at?.toISOString() ?? null,
  decidedAt: v.decided_at?.toISOString() ?? null,
});

/** Search words: letters and digits only (so nothing in them is query syntax), at most eight. */
export function searchWords(q: string | undefined): string[] {
  return (
    (q ?? '')
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? []
  );
}

/** What stops a text from being submitted: the Markdown subset's problems, a tip's length. */
export function problemsOf(kind: ContentKind, body: string): string[] {
  if (kind === 'tip') {
    const length = [...body].length;
    return length > TIP_MAX ? [`A tip is at most ${TIP_MAX} characters; this one has ${length}.`] : [];
  }
  return checkArticle(body);
}

/**
 * The education library (docs/content.md): everyone reads what is published in a language;
 * writers draft and submit; an admin other than the writer publishes or sends it back with a
 * comment, and may unpublish. Every step of the workflow is audited.
 */
export function createContentService(deps: {
  db: Db;
  repo: ContentRepo;
  audit: AuditService;
  clock: () => Date;
}) {
  const { repo, audit, clock } = deps;
  // A published text is parsed on its first read and kept (parsing costs up to tens of ms, and a
  // version's text never changes once submitted; its update time keys a change all the same).
  const parsed = new Map<string, ShownBlock[]>();
  function blocksOf(version: VersionWithItem): ShownBlock[] {
    if (version.kind === 'tip') return [{ type: 'paragraph', spans: [{ text: version.body }] }];
    const key = `${version.id}:${version.updated_at.getTime()}`;
    let blocks = parsed.get(key);
    if (!blocks) {
      blocks = shownBlocks(parseArticle(version.body));
      if (parsed.size >= PARSED_KEPT) parsed.clear();
      parsed.set(key, blocks);
    }
    return blocks;
  }

  async function record(ctx: RequestContext, action: string, version: VersionWithItem) {
    await audit.record(auditContextOf(ctx), {
      action: `content.${action}`,
      outcome: 'success',
      resource: `${version.kind}:${version.key}:${version.lang}:v${version.version}`,
    });
  }

  async function versionFor(id: string): Promise<VersionWithItem> {
    const version = await repo.findVersion(id);
    assertThat(version, 'not_found', 'No such text');
    return version;
  }

  /** Her own draft, or 404 (a writer sees no one else's). */
  async function ownDraft(ctx: SignedInContext, id: string): Promise<VersionWithItem> {
    const version = await repo.findVersion(id);
    assertThat(version && version.author_id === ctx.principal.userId, 'not_found', 'No such text');
    return version;
  }

  /** A status change the workflow allows from `from`; a text that moved on meanwhile is 409. */
  async function move(
    version: VersionWithItem,
    from: readonly ContentStatus[],
    changes: Parameters<ContentRepo['updateVersion']>[2],
    tx?: Db,
  ): Promise<void> {
    assertThat(from.includes(version.status), 'content_state');
    const moved = await repo.updateVersion(version.id, from, changes, tx, version.updated_at);
    if (!moved) throw new AppError('content_state');
  }

  return {
    // --- Reading (public) ---

    async list(filter: {
      lang: Language;
      kind?: ContentKind | undefined;
      category?: ContentCategory | undefined;
      q?: string | undefined;
    }): Promise<LibraryEntry[]> {
      const rows = await repo.listPublished({ ...filter, words: searchWords(filter.q), limit: LIST_LIMIT });
      return rows.map(entryOf);
    },

    async read(key: string, lang: Language): Promise<LibraryItem> {
      const version = await repo.published(key, lang);
      assertThat(version, 'not_found', 'Nothing published under this name in this language');
      const languages = await repo.publishedLanguages(version.item_id);
      return {
        ...entryOf(version),
        blocks: blocksOf(version),
        languages: languages.filter((l) => l !== lang),
      };
    },

    /** Published tips of a language, of one category or all (USSD "Health tips", SMS). */
    async tips(lang: Language, category?: string): Promise<Array<{ key: string; text: string }>> {
      const known = CATEGORIES.find((c) => c === category);
      const rows = await repo.listPublished({ lang, kind: 'tip', category: known, limit: LIST_LIMIT });
      return rows.map((r) => ({ key: r.key, text: r.body }));
    },

    // --- Writing (writers and admins) ---

    async mine(ctx: SignedInContext): Promise<VersionView[]> {
      return (await repo.listVersions({ authorId: ctx.principal.userId, limit: LIST_LIMIT })).map(viewOf);
    },

    async draft(ctx: SignedInContext, id: string): Promise<VersionView> {
      return viewOf(await ownDraft(ctx, id));
    },

    /**
     * A new text: a new item (its key, kind, category and age band), or a translation or new
     * version of an existing one (the key names it; its kind, category and age band stay).
     */
    async createDraft(ctx: SignedInContext, input: DraftInput): Promise<VersionView> {
      // "drafts" is the writers' own path under /content.
      assertThat(input.key !== 'drafts', 'validation_failed', 'This key is reserved; choose another');
      const now = clock();
      const row = await deps.db.transaction().execute(async (tx) => {
        const item = await repo.ensureItem(
          {
            id: randomUUID(),
            key: input.key,
            kind: input.kind,
            category: input.category,
            age_band: input.ageBand,
            created_by: ctx.principal.userId,
            created_at: now,
          },
          tx,
        );
        assertThat(
          item.kind === input.kind,
          'conflict',
          `"${input.key}" is already a${item.kind === 'article' ? 'n article' : ' tip'}`,
        );
        const version = newVersionRow({
          itemId: item.id,
          lang: input.lang,
          version: await repo.nextVersion(item.id, input.lang, tx),
          status: 'draft',
          title: input.title,
          summary: input.summary,
          body: input.body,
          authorId: ctx.principal.userId,
          at: now,
        });
        await repo.insertVersion(version, tx);
        return version;
      });
      const id = row.id;
      const created = await versionFor(id);
      await record(ctx, 'draft', created);
      return viewOf(created);
    },

    /** Her draft changed; a text sent back with a comment becomes a draft again. */
    async updateDraft(ctx: SignedInContext, id: string, changes: DraftChanges): Promise<VersionView> {
      const version = await ownDraft(ctx, id);
      // A changed text is one no expert has checked, whatever was said of the one before.
      await move(version, ['draft', 'rejected'], {
        ...changes,
        status: 'draft',
        review: 'pending',
        updated_at: clock(),
      });
      return viewOf(await versionFor(id));
    },

    /** Sent for review: only a text without problems (each one named). */
    async submit(ctx: SignedInContext, id: string): Promise<VersionView> {
      const version = await ownDraft(ctx, id);
      const problems = problemsOf(version.kind, version.body);
      if (problems.length > 0) throw new AppError('content_not_ready', problems.join(' '));
      const now = clock();
      await move(version, ['draft', 'rejected'], { status: 'submitted', submitted_at: now, updated_at: now });
      const submitted = await versionFor(id);
      await record(ctx, 'submit', submitted);
      return viewOf(submitted);
    },

    // --- Review (admins) ---

    async queue(filter: { status?: ContentStatus | undefined; review?: 'pending' | 'done' | undefined }) {
      const rows = await repo.listVersions({
        statuses: filter.status ? [filter.status] : ['submitted'],
        ...(filter.review ? { review: filter.review } : {}),
        limit: LIST_LIMIT,
      });
      return rows.map(viewOf);
    },

    /** Published, replacing the text readers saw; never by the one who wrote it. */
    async approve(ctx: SignedInContext, id: string, comment?: string): Promise<VersionView> {
      const version = await versionFor(id);
      assertThat(version.author_id !== ctx.principal.userId, 'own_content');
      const now = clock();
      await deps.db.transaction().execute(async (tx) => {
        assertThat(version.status === 'submitted', 'content_state');
        await repo.supersede(version.item_id, version.lang, now, tx);
        await move(
          version,
          ['submitted'],
          {
            status: 'published',
            reviewer_id: ctx.principal.userId,
            review_comment: comment ?? null,
            decided_at: now,
            published_at: now,
            updated_at: now,
          },
          tx,
        );
      });
      const published = await versionFor(id);
      await record(ctx, 'publish', published);
      return viewOf(published);
    },

    /** Sent back to its writer with what to change. */
    async reject(ctx: SignedInContext, id: string, comment: string): Promise<VersionView> {
      const version = await versionFor(id);
      assertThat(version.author_id !== ctx.principal.userId, 'own_content');
      const now = clock();
      await move(version, ['submitted'], {
        status: 'rejected',
        reviewer_id: ctx.principal.userId,
        review_comment: comment,
        decided_at: now,
        updated_at: now,
      });
      const rejected = await versionFor(id);
      await record(ctx, 'reject', rejected);
      return viewOf(rejected);
    },

    /** No longer shown to anyone (the item stays, to be published again by a new version). */
    async unpublish(ctx: SignedInContext, id: string): Promise<VersionView> {
      const version = await versionFor(id);
      await move(version, ['published'], { status: 'unpublished', updated_at: clock() });
      const unpublished = await versionFor(id);
      await record(ctx, 'unpublish', unpublished);
      return viewOf(unpublished);
    },

    /** A health professional and a native speaker checked this text (the admin records it). */
    async markReviewed(ctx: SignedInContext, id: string): Promise<VersionView> {
      const version = await versionFor(id);
      assertThat(version.author_id !== ctx.principal.userId, 'own_content');
      assertThat(version.review === 'pending', 'content_state');
      await move(version, ['submitted', 'published'], { review: 'done', updated_at: clock() });
      const reviewed = await versionFor(id);
      await record(ctx, 'reviewed', reviewed);
      return viewOf(reviewed);
    },
  };
}
export type ContentService = ReturnType<typeof createContentService>;
