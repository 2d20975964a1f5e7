import type { Db } from '../../platform/db/database.ts';

/** Rows that predate a change and need the server's keys to be brought up to date. */
export function createUpgradeRepo(db: Db) {
  return {
    /** Accounts whose credential hashes predate binding (listed by migration 0013, owner-written). */
    async credentialsToSeal(limit: number) {
      return db
        .selectFrom('credential_upgrades')
        .innerJoin('users', 'users.id', 'credential_upgrades.user_id')
        .select([
          'users.id',
          'users.password_hash',
          'users.pin_hash',
          'users.role',
          'users.status',
          'credential_upgrades.password_digest',
          'credential_upgrades.pin_digest',
          'credential_upgrades.role as listed_role',
          'credential_upgrades.status as listed_status',
        ])
        .limit(limit)
        .execute();
    },

    async sealCredentials(
      userId: string,
      hashes: { password_hash: string | null; pin_hash: string | null; account_mac: Uint8Array | null },
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('users').set(hashes).where('id', '=', userId).execute();
        await tx.deleteFrom('credential_upgrades').where('user_id', '=', userId).execute();
      });
    },

    async isDone(name: string): Promise<boolean> {
      const row = await db
        .selectFrom('data_upgrades')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      return row !== undefined;
    },

    async markDone(name: string, at: Date): Promise<void> {
      await db
        .insertInto('data_upgrades')
        .values({ name, done_at: at })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
    },

    /** Accounts with an identifier to re-index, a page at a time in id order. */
    async identifiersAfter(afterId: string, limit: number) {
      return db
        .selectFrom('users')
        .select(['id', 'phone_enc', 'email_enc', 'phone_pending_enc'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async setIndexes(
      userId: string,
      indexes: {
        phone_bidx: Uint8Array | null;
        email_bidx: Uint8Array | null;
        phone_pending_bidx: Uint8Array | null;
      },
    ): Promise<void> {
      await db.updateTable('users').set(indexes).where('id', '=', userId).execute();
    },

    /** Short-lived rows keyed by the old indexes: nothing in them is worth re-keying. */
    async dropTransientIndexed(): Promise<void> {
      await db.deleteFrom('ussd_sessions').execute();
      await db.deleteFrom('verification_codes').execute();
    },

    /** Consents recorded with the guardian's id in clear (before migration 0013). */
    async clearGuardianRecords(limit: number) {
      return db
        .selectFrom('consent_records')
        .select(['id', 'user_id', 'granted_by'])
        .where('granted_by', 'is not', null)
        .limit(limit)
        .execute();
    },

    async sealGuardianRecord(id: string, sealed: Uint8Array): Promise<void> {
      await db
        .updateTable('consent_records')
        .set({ granted_by_enc: sealed, granted_by: null })
        .where('id', '=', id)
        .execute();
    },
  };
}
export type UpgradeRepo = ReturnType<typeof createUpgradeRepo>;
