import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CareLinkRow, CareLinksTable, Tables } from '../../platform/db/tables.ts';
import { AppError } from '../../platform/http/errors.ts';

/** The pair already has a link: the database's answer when two requests race to make one. */
function alreadyLinked(error: unknown): never {
  const e = error as { code?: string; constraint?: string };
  if (e.code === '23505' && (e.constraint === undefined || e.constraint === 'care_links_pair'))
    throw new AppError('already_linked');
  throw error;
}

/**
 * Care link codes and links. SQL only; the consent records of what she shares are written
 * through the consents module's repository (ConsentRepo.record), in the link's transaction.
 */
export function createCareRepo(db: Db) {
  const live = (now: Date) => (eb: ExpressionBuilder<Tables, 'care_link_codes'>) =>
    eb.and([eb('used_at', 'is', null), eb('expires_at', '>', now)]);

  return {
    /**
     * A new code; the creator's spent and expired codes go, and of their live ones only the
     * newest `keep` (this one included) stay live. False when its hash equals another live or
     * kept code's (the caller draws again).
     */
    async insertCode(
      code: { id: string; codeHash: Uint8Array; creatorId: string; at: Date; expiresAt: Date },
      keep: number,
    ): Promise<boolean> {
      try {
        await db.transaction().execute(async (tx) => {
          await tx
            .deleteFrom('care_link_codes')
            .where('creator_id', '=', code.creatorId)
            .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', code.at)]))
            .execute();
          await tx
            .insertInto('care_link_codes')
            .values({
              id: code.id,
              code_hash: code.codeHash,
              creator_id: code.creatorId,
              created_at: code.at,
              expires_at: code.expiresAt,
              used_at: null,
            })
            .execute();
          const newest = tx
            .selectFrom('care_link_codes')
            .select('id')
            .where('creator_id', '=', code.creatorId)
            .where(live(code.at))
            .orderBy('created_at', 'desc')
            .orderBy((eb) => eb.case().when('id', '=', code.id).then(0).else(1).end())
            .limit(keep);
          await tx
            .updateTable('care_link_codes')
            .set({ expires_at: code.at })
            .where('creator_id', '=', code.creatorId)
            .where(live(code.at))
            .where('id', 'not in', newest)
            .execute();
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },

    /** The live code with this hash and who made it, without spending it (checks come first). */
    async findLiveCode(
      codeHash: Uint8Array,
      now: Date,
    ): Promise<{ id: string; creatorId: string } | undefined> {
      const row = await db
        .selectFrom('care_link_codes')
        .select(['id', 'creator_id'])
        .where('code_hash', '=', codeHash)
        .where(live(now))
        .executeTakeFirst();
      return row && { id: row.id, creatorId: row.creator_id };
    },

    /** Spends a code once, atomically: false when another request spent it first. */
    async spendCode(id: string, now: Date, tx: Db = db): Promise<boolean> {
      const result = await tx
        .updateTable('care_link_codes')
        .set({ used_at: now })
        .where('id', '=', id)
        .where(live(now))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** A link by id; `lock` holds it until the transaction ends (changes are read, then written). */
    async findLink(id: string, tx: Db = db, lock = false): Promise<CareLinkRow | undefined> {
      const query = tx.selectFrom('care_links').selectAll().where('id', '=', id);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    async findPair(
      childId: string,
      adultId: string,
      tx: Db = db,
      lock = false,
    ): Promise<CareLinkRow | undefined> {
      const query = tx
        .selectFrom('care_links')
        .selectAll()
        .where('child_id', '=', childId)
        .where('adult_id', '=', adultId);
      return (lock ? query.forUpdate() : query).executeTakeFirst();
    },

    /** Every link this person is in, on either side, oldest first. */
    async linksOf(userId: string): Promise<CareLinkRow[]> {
      return db
        .selectFrom('care_links')
        .selectAll()
        .where((eb) => eb.or([eb('child_id', '=', userId), eb('adult_id', '=', userId)]))
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** An adult's active links: the young women who share something with him. */
    async activeLinksOfAdult(adultId: string): Promise<CareLinkRow[]> {
      return db
        .selectFrom('care_links')
        .selectAll()
        .where('adult_id', '=', adultId)
        .where('status', '=', 'active')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    async insertLink(row: CareLinksTable, tx: Db = db): Promise<void> {
      await tx.insertInto('care_links').values(row).execute().catch(alreadyLinked);
    },

    /** Inserts the link unless the pair has one already; true when it was inserted. */
    async insertLinkIfNone(row: CareLinksTable, tx: Db = db): Promise<boolean> {
      const inserted = await tx
        .insertInto('care_links')
        .values(row)
        .onConflict((oc) => oc.columns(['child_id', 'adult_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Writes what may change of a link (its people and id never do), with its new MAC. */
    async saveLink(link: CareLinksTable, tx: Db = db): Promise<void> {
      await tx
        .updateTable('care_links')
        .set({
          status: link.status,
          awaiting_id: link.awaiting_id,
          origin: link.origin,
          scopes: link.scopes,
          confirmed_at: link.confirmed_at,
          updated_at: link.updated_at,
          row_mac: link.row_mac,
        })
        .where('id', '=', link.id)
        .execute();
    },

    async deleteLink(id: string, tx: Db = db): Promise<boolean> {
      const result = await tx.deleteFrom('care_links').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
export type CareRepo = ReturnType<typeof createCareRepo>;
