import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Instances starting at once on a new database record one configuration, not a mix of two.
const KEY_CHECK_LOCK_ID = 724_150_004;

/**
 * The recorded check values (application database, key_checks) and the master key ids the key
 * store's wrapped keys name (user_keys, which may be a separate database).
 */
export function createKeyCheckRepo(db: Db, keystore: Db) {
  return {
    /**
     * Under a lock held to commit: reads the values recorded for these names, then records the
     * missing ones only if `accept` approves what it read (a refused configuration writes nothing).
     */
    async reconcile(
      checks: { name: string; value: Uint8Array }[],
      at: Date,
      accept: (recorded: Map<string, Uint8Array>) => boolean,
    ): Promise<Map<string, Uint8Array>> {
      return db.transaction().execute(async (tx) => {
        await sql`SELECT pg_advisory_xact_lock(${KEY_CHECK_LOCK_ID})`.execute(tx);
        const rows = await tx
          .selectFrom('key_checks')
          .select(['name', 'check_value'])
          .where(
            'name',
            'in',
            checks.map((c) => c.name),
          )
          .execute();
        const recorded = new Map(rows.map((r) => [r.name, r.check_value]));
        const missing = checks.filter((c) => !recorded.has(c.name));
        if (missing.length > 0 && accept(recorded)) {
          await tx
            .insertInto('key_checks')
            .values(missing.map((c) => ({ name: c.name, check_value: c.value, created_at: at })))
            .execute();
        }
        return recorded;
      });
    },

    /**
     * Every master key id some wrapped data key names: one index probe per id (a loose index scan
     * over user_keys_master_key_id), so start-up does not read the whole table.
     */
    async masterKeyIdsInUse(): Promise<string[]> {
      const result = await sql<{ id: string }>`
        WITH RECURSIVE ids AS (
          (SELECT master_key_id AS id FROM user_keys ORDER BY master_key_id LIMIT 1)
          UNION ALL
          SELECT (SELECT master_key_id FROM user_keys WHERE master_key_id > ids.id
                  ORDER BY master_key_id LIMIT 1)
          FROM ids WHERE ids.id IS NOT NULL
        )
        SELECT id FROM ids WHERE id IS NOT NULL`.execute(keystore);
      return result.rows.map((r) => r.id);
    },

    /** One data key wrapped by this master key, to try opening it. */
    async sampleWrappedKey(
      masterKeyId: string,
    ): Promise<{ userId: string; wrapped: Uint8Array } | undefined> {
      const row = await keystore
        .selectFrom('user_keys')
        .select(['user_id', 'wrapped_key'])
        .where('master_key_id', '=', masterKeyId)
        .limit(1)
        .executeTakeFirst();
      return row && { userId: row.user_id, wrapped: row.wrapped_key };
    },
  };
}
export type KeyCheckRepo = ReturnType<typeof createKeyCheckRepo>;
