import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

export type SealedRow = { id: string; data: Uint8Array };

/**
 * Periods and daily logs: every row is one sealed JSON document; only ids and owners are clear.
 * No timestamps either (decision 013): when a row was written is, most days, the date it records.
 */
export function createCycleRepo(db: Db) {
  return {
    /** Serialises writes of one user's cycle data (overlap checks read, then write). */
    async lockUser(userId: string, tx: Db): Promise<void> {
      await sql`SELECT id FROM users WHERE id = ${userId} FOR UPDATE`.execute(tx);
    },

    async listPeriods(userId: string, tx: Db = db): Promise<SealedRow[]> {
      const rows = await tx
        .selectFrom('periods')
        .select(['id', 'data_enc'])
        .where('user_id', '=', userId)
        .execute();
      return rows.map((r) => ({ id: r.id, data: r.data_enc }));
    },

    async insertPeriod(row: { id: string; userId: string; data: Uint8Array }, tx: Db): Promise<void> {
      await tx
        .insertInto('periods')
        .values({ id: row.id, user_id: row.userId, data_enc: row.data })
        .execute();
    },

    async updatePeriod(row: { id: string; userId: string; data: Uint8Array }, tx: Db): Promise<boolean> {
      const result = await tx
        .updateTable('periods')
        .set({ data_enc: row.data })
        .where('id', '=', row.id)
        .where('user_id', '=', row.userId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async deletePeriod(id: string, userId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('periods')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async upsertDay(
      row: { id: string; userId: string; dayIndex: Uint8Array; data: Uint8Array },
      tx: Db = db,
    ) {
      await tx
        .insertInto('day_logs')
        .values({ id: row.id, user_id: row.userId, day_bidx: row.dayIndex, data_enc: row.data })
        .onConflict((oc) => oc.columns(['user_id', 'day_bidx']).doUpdateSet({ data_enc: row.data }))
        .execute();
    },

    /** The row id is part of the ciphertext's associated data, so callers need it to decrypt. */
    async findDays(userId: string, dayIndexes: Uint8Array[], tx: Db = db): Promise<SealedRow[]> {
      if (dayIndexes.length === 0) return [];
      const rows = await tx
        .selectFrom('day_logs')
        .select(['id', 'data_enc'])
        .where('user_id', '=', userId)
        .where('day_bidx', 'in', dayIndexes)
        .execute();
      return rows.map((r) => ({ id: r.id, data: r.data_enc }));
    },

    async findDayId(userId: string, dayIndex: Uint8Array, tx: Db = db): Promise<string | undefined> {
      const row = await tx
        .selectFrom('day_logs')
        .select('id')
        .where('user_id', '=', userId)
        .where('day_bidx', '=', dayIndex)
        .executeTakeFirst();
      return row?.id;
    },

    async listDays(userId: string): Promise<SealedRow[]> {
      const rows = await db
        .selectFrom('day_logs')
        .select(['id', 'data_enc'])
        .where('user_id', '=', userId)
        .execute();
      return rows.map((r) => ({ id: r.id, data: r.data_enc }));
    },

    async deleteDay(userId: string, dayIndex: Uint8Array): Promise<boolean> {
      const result = await db
        .deleteFrom('day_logs')
        .where('user_id', '=', userId)
        .where('day_bidx', '=', dayIndex)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
export type CycleRepo = ReturnType<typeof createCycleRepo>;
