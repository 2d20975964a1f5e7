import type { Db } from '../../platform/db/database.ts';

export type RecoveryRequest = {
  id: string;
  secretHash: Uint8Array;
  childId: string | null;
  expiresAt: Date;
  approvedAt: Date | null;
  usedAt: Date | null;
};

const toRequest = (r: {
  id: string;
  secret_hash: Uint8Array;
  child_id: string | null;
  expires_at: Date;
  approved_at: Date | null;
  used_at: Date | null;
}): RecoveryRequest => ({
  id: r.id,
  secretHash: r.secret_hash,
  childId: r.child_id,
  expiresAt: r.expires_at,
  approvedAt: r.approved_at,
  usedAt: r.used_at,
});

const COLUMNS = ['id', 'secret_hash', 'child_id', 'expires_at', 'approved_at', 'used_at'] as const;

/** Known devices and guardian-approved recovery requests (migration 0015): only keyed hashes. */
export function createGuardianRecoveryRepo(db: Db) {
  return {
    /** Records (or refreshes) a browser she signed in with; forgets hers unseen for `staleBefore`. */
    async rememberDevice(userId: string, deviceHash: Uint8Array, now: Date, staleBefore: Date) {
      await db
        .insertInto('known_devices')
        .values({ user_id: userId, device_hash: deviceHash, first_seen_at: now, last_seen_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'device_hash']).doUpdateSet({ last_seen_at: now }))
        .execute();
      await db
        .deleteFrom('known_devices')
        .where('user_id', '=', userId)
        .where('last_seen_at', '<', staleBefore)
        .execute();
    },

    async isKnownDevice(userId: string, deviceHash: Uint8Array, seenAfter: Date): Promise<boolean> {
      const row = await db
        .selectFrom('known_devices')
        .select('user_id')
        .where('user_id', '=', userId)
        .where('device_hash', '=', deviceHash)
        .where('last_seen_at', '>=', seenAfter)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** A new request, for nobody yet; expired ones older than `purgeBefore` go at the same time. */
    async insert(
      row: { id: string; codeHash: Uint8Array; secretHash: Uint8Array; at: Date; expiresAt: Date },
      purgeBefore: Date,
    ) {
      await db.deleteFrom('guardian_recovery_requests').where('expires_at', '<', purgeBefore).execute();
      await db
        .insertInto('guardian_recovery_requests')
        .values({
          id: row.id,
          code_hash: row.codeHash,
          secret_hash: row.secretHash,
          child_id: null,
          created_at: row.at,
          expires_at: row.expiresAt,
          approved_at: null,
          used_at: null,
        })
        .execute();
    },

    /** The request turns out to be for her: a guardian may now approve it. */
    async assignChild(id: string, childId: string): Promise<void> {
      await db
        .updateTable('guardian_recovery_requests')
        .set({ child_id: childId })
        .where('id', '=', id)
        .where('child_id', 'is', null)
        .execute();
    },

    async find(id: string): Promise<RecoveryRequest | undefined> {
      const row = await db
        .selectFrom('guardian_recovery_requests')
        .select(COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toRequest(row);
    },

    /** Live, unapproved requests with this code that are for somebody (codes may collide: all of them). */
    async liveByCode(codeHash: Uint8Array, now: Date): Promise<RecoveryRequest[]> {
      const rows = await db
        .selectFrom('guardian_recovery_requests')
        .select(COLUMNS)
        .where('code_hash', '=', codeHash)
        .where('child_id', 'is not', null)
        .where('approved_at', 'is', null)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .execute();
      return rows.map(toRequest);
    },

    /** Approves once, atomically; false when it was approved, used or expired meanwhile. */
    async approve(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('guardian_recovery_requests')
        .set({ approved_at: now })
        .where('id', '=', id)
        .where('approved_at', 'is', null)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Spends an approved request once, atomically; false when another request spent it first. */
    async spend(id: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('guardian_recovery_requests')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('approved_at', 'is not', null)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
export type GuardianRecoveryRepo = ReturnType<typeof createGuardianRecoveryRepo>;
