import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

export type ConsentRecord = {
  purpose: string;
  version: string;
  granted: boolean;
  recordedAt: Date;
  grantedBy: string | null;
};

/** Versioned consent records: each grant or withdrawal is a new row, never an overwrite. */
export function createConsentRepo(db: Db) {
  const toRecord = (r: {
    purpose: string;
    version: string;
    granted: boolean;
    recorded_at: Date;
    granted_by: string | null;
  }) => ({
    purpose: r.purpose,
    version: r.version,
    granted: r.granted,
    recordedAt: r.recorded_at,
    grantedBy: r.granted_by,
  });
  return {
    async record(
      entry: {
        userId: string;
        purpose: string;
        version: string;
        granted: boolean;
        at: Date;
        grantedBy?: string | null;
      },
      tx: Db = db,
    ): Promise<void> {
      await tx
        .insertInto('consent_records')
        .values({
          id: randomUUID(),
          user_id: entry.userId,
          purpose: entry.purpose,
          version: entry.version,
          granted: entry.granted,
          recorded_at: entry.at,
          granted_by: entry.grantedBy ?? null,
        })
        .execute();
    },

    /** The latest record of each purpose: what is in force now. */
    async latest(userId: string): Promise<ConsentRecord[]> {
      const rows = await db
        .selectFrom('consent_records')
        .select(['purpose', 'version', 'granted', 'recorded_at', 'granted_by'])
        .distinctOn('purpose')
        .where('user_id', '=', userId)
        .orderBy('purpose')
        .orderBy('seq', 'desc')
        .execute();
      return rows.map(toRecord);
    },

    async history(userId: string): Promise<ConsentRecord[]> {
      const rows = await db
        .selectFrom('consent_records')
        .select(['purpose', 'version', 'granted', 'recorded_at', 'granted_by'])
        .where('user_id', '=', userId)
        .orderBy('seq')
        .execute();
      return rows.map(toRecord);
    },

    async insertGuardianCode(row: {
      codeHash: Uint8Array;
      childId: string;
      at: Date;
      expiresAt: Date;
    }): Promise<void> {
      await db
        .insertInto('guardian_codes')
        .values({
          code_hash: row.codeHash,
          child_id: row.childId,
          created_at: row.at,
          expires_at: row.expiresAt,
        })
        .execute();
    },

    async listGuardianCodes(childId: string) {
      const rows = await db
        .selectFrom('guardian_codes')
        .select(['created_at', 'expires_at', 'used_at'])
        .where('child_id', '=', childId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        usedAt: r.used_at?.toISOString() ?? null,
      }));
    },

    /** Spends a code once, atomically; returns whose account it was for. */
    async redeemGuardianCode(codeHash: Uint8Array, now: Date): Promise<string | undefined> {
      const row = await db
        .updateTable('guardian_codes')
        .set({ used_at: now })
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('child_id')
        .executeTakeFirst();
      return row?.child_id;
    },
  };
}
export type ConsentRepo = ReturnType<typeof createConsentRepo>;
