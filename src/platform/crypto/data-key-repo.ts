import type { Db } from '../db/database.ts';

export type DataKeyRecord = { userId: string; masterKeyId: string; wrappedKey: Uint8Array };

/**
 * Wrapped data keys, in the key store. `shared` says whether the key store is the application
 * database itself: then writes join the caller's transaction; otherwise they go to the separate
 * key store directly (and the caller's transaction handle is not used).
 */
export function createDataKeyRepo(db: Db, shared = true) {
  const on = (tx: Db | undefined) => (shared && tx ? tx : db);
  return {
    async insert(record: DataKeyRecord, at: Date, tx?: Db): Promise<void> {
      await on(tx)
        .insertInto('user_keys')
        .values({
          user_id: record.userId,
          master_key_id: record.masterKeyId,
          wrapped_key: record.wrappedKey,
          created_at: at,
        })
        .execute();
    },

    async find(userId: string, tx?: Db): Promise<DataKeyRecord | undefined> {
      const row = await on(tx)
        .selectFrom('user_keys')
        .select(['user_id', 'master_key_id', 'wrapped_key'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && { userId: row.user_id, masterKeyId: row.master_key_id, wrappedKey: row.wrapped_key };
    },

    /** Destroys her data key: everything encrypted with it, backups included, becomes unreadable. */
    async delete(userId: string): Promise<void> {
      await db.deleteFrom('user_keys').where('user_id', '=', userId).execute();
    },

    /** A batch of keys not yet wrapped by the given master key, for rotation. */
    async listNotWrappedBy(masterKeyId: string, limit: number): Promise<DataKeyRecord[]> {
      const rows = await db
        .selectFrom('user_keys')
        .select(['user_id', 'master_key_id', 'wrapped_key'])
        .where('master_key_id', '<>', masterKeyId)
        .orderBy('user_id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        userId: r.user_id,
        masterKeyId: r.master_key_id,
        wrappedKey: r.wrapped_key,
      }));
    },

    /** Replaces a wrapping only if nobody changed it meanwhile (compare-and-set on the old key id). */
    async rewrap(record: DataKeyRecord, previousMasterKeyId: string, at: Date): Promise<boolean> {
      const result = await db
        .updateTable('user_keys')
        .set({ master_key_id: record.masterKeyId, wrapped_key: record.wrappedKey, rewrapped_at: at })
        .where('user_id', '=', record.userId)
        .where('master_key_id', '=', previousMasterKeyId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
export type DataKeyRepo = ReturnType<typeof createDataKeyRepo>;
