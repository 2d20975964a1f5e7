import type { Db } from '../../platform/db/database.ts';

export type CodePurpose = 'phone' | 'recovery';
export type StoredCode = { id: string; userId: string; codeHash: Uint8Array };

/** One-time codes sent by SMS: only a keyed hash of each is stored. */
export function createVerificationRepo(db: Db) {
  return {
    /** A new code replaces the older live ones of the same purpose for this account. */
    async retireLive(userId: string, purpose: CodePurpose, now: Date): Promise<void> {
      await db
        .updateTable('verification_codes')
        .set({ used_at: now })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute();
    },

    async insert(row: {
      id: string;
      userId: string;
      purpose: CodePurpose;
      phoneIndex: Uint8Array;
      codeHash: Uint8Array;
      at: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db
        .insertInto('verification_codes')
        .values({
          id: row.id,
          user_id: row.userId,
          purpose: row.purpose,
          phone_bidx: row.phoneIndex,
          code_hash: row.codeHash,
          created_at: row.at,
          expires_at: row.expiresAt,
          used_at: null,
        })
        .execute();
    },

    /** The newest live code for this account, number and purpose (a new code replaces older ones). */
    async latestLive(
      userId: string,
      phoneIndex: Uint8Array,
      purpose: CodePurpose,
      now: Date,
    ): Promise<StoredCode | undefined> {
      const row = await db
        .selectFrom('verification_codes')
        .select(['id', 'user_id', 'code_hash'])
        .where('user_id', '=', userId)
        .where('phone_bidx', '=', phoneIndex)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && { id: row.id, userId: row.user_id, codeHash: row.code_hash };
    },

    /** Whose account the newest live code of this purpose for this number was made for. */
    async latestLiveOwner(
      phoneIndex: Uint8Array,
      purpose: CodePurpose,
      now: Date,
    ): Promise<string | undefined> {
      const row = await db
        .selectFrom('verification_codes')
        .select('user_id')
        .where('phone_bidx', '=', phoneIndex)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row?.user_id;
    },

    /** Spends a code once, atomically; false when another request spent it first. */
    async spend(id: string, now: Date, tx: Db = db): Promise<boolean> {
      const result = await tx
        .updateTable('verification_codes')
        .set({ used_at: now })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
export type VerificationRepo = ReturnType<typeof createVerificationRepo>;
