import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

export type ConsentRecord = {
  id: string;
  purpose: string;
  version: string;
  granted: boolean;
  recordedAt: Date;
  /** Given by a guardian rather than by her (who is sealed under her key in granted_by_enc). */
  byGuardian: boolean;
  /** What the record says beyond yes or no (a care-sharing change), sealed under her key. */
  detail: Uint8Array | null;
};

/** Versioned consent records: each grant or withdrawal is a new row, never an overwrite. */
export function createConsentRepo(db: Db) {
  const toRecord = (r: {
    id: string;
    purpose: string;
    version: string;
    granted: boolean;
    recorded_at: Date;
    granted_by: string | null;
    granted_by_enc: Uint8Array | null;
    detail_enc: Uint8Array | null;
  }): ConsentRecord => ({
    id: r.id,
    purpose: r.purpose,
    version: r.version,
    granted: r.granted,
    recordedAt: r.recorded_at,
    byGuardian: r.granted_by !== null || r.granted_by_enc !== null,
    detail: r.detail_enc,
  });
  const columns = [
    'id',
    'purpose',
    'version',
    'granted',
    'recorded_at',
    'granted_by',
    'granted_by_enc',
    'detail_enc',
  ] as const;
  return {
    async record(
      entry: {
        userId: string;
        purpose: string;
        version: string;
        granted: boolean;
        at: Date;
        /** A guardian's consent: who gave it, sealed under her key, and the guardian number's fingerprint. */
        guardian?: { sealed: Uint8Array; phoneIndex: Uint8Array };
        /** What a care-sharing record is about (link, adult, scopes), sealed under her key. */
        detail?: Uint8Array;
        id?: string;
      },
      tx: Db = db,
    ): Promise<void> {
      await tx
        .insertInto('consent_records')
        .values({
          id: entry.id ?? randomUUID(),
          user_id: entry.userId,
          purpose: entry.purpose,
          version: entry.version,
          granted: entry.granted,
          recorded_at: entry.at,
          granted_by_enc: entry.guardian?.sealed ?? null,
          guardian_phone_bidx: entry.guardian?.phoneIndex ?? null,
          detail_enc: entry.detail ?? null,
        })
        .execute();
    },

    /** The latest record of each purpose: what is in force now. */
    async latest(userId: string): Promise<ConsentRecord[]> {
      const rows = await db
        .selectFrom('consent_records')
        .select(columns)
        .distinctOn('purpose')
        .where('user_id', '=', userId)
        .orderBy('purpose')
        .orderBy('seq', 'desc')
        .execute();
      return rows.map(toRecord);
    },

    /** Her guardian's consent in force, with who gave it (sealed under her key), if there is one. */
    async guardianGrant(
      userId: string,
    ): Promise<{ id: string; sealed: Uint8Array; phoneIndex: Uint8Array | null } | undefined> {
      const row = await db
        .selectFrom('consent_records')
        .select(['id', 'granted', 'granted_by_enc', 'guardian_phone_bidx'])
        .where('user_id', '=', userId)
        .where('purpose', '=', 'guardian')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row?.granted || !row.granted_by_enc) return undefined;
      return { id: row.id, sealed: row.granted_by_enc, phoneIndex: row.guardian_phone_bidx };
    },

    async history(userId: string): Promise<ConsentRecord[]> {
      const rows = await db
        .selectFrom('consent_records')
        .select(columns)
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

    /** Whose account a live code is for, without spending it (checks come before the spend). */
    async findGuardianCode(codeHash: Uint8Array, now: Date): Promise<string | undefined> {
      const row = await db
        .selectFrom('guardian_codes')
        .select('child_id')
        .where('code_hash', '=', codeHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row?.child_id;
    },

    /** How many different young people one guardian number has consented for. */
    async childrenOfGuardianPhone(phoneIndex: Uint8Array): Promise<number> {
      const row = await db
        .selectFrom('consent_records')
        .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
        .where('guardian_phone_bidx', '=', phoneIndex)
        .where('granted', '=', true)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Opens (or raises the count of) the open review flag of this kind on this account. */
    async flagForReview(flag: { id: string; kind: string; subjectId: string; count: number; at: Date }) {
      const updated = await db
        .updateTable('review_flags')
        .set({ count: flag.count })
        .where('kind', '=', flag.kind)
        .where('subject_id', '=', flag.subjectId)
        .where('resolved_at', 'is', null)
        .executeTakeFirst();
      if (updated.numUpdatedRows > 0n) return;
      await db
        .insertInto('review_flags')
        .values({
          id: flag.id,
          kind: flag.kind,
          subject_id: flag.subjectId,
          count: flag.count,
          created_at: flag.at,
          resolved_at: null,
        })
        .execute();
    },

    async openReviewFlags(limit: number) {
      return db
        .selectFrom('review_flags')
        .select(['id', 'kind', 'subject_id', 'count', 'created_at'])
        .where('resolved_at', 'is', null)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    },

    /** Spends a code once, atomically; returns whose account it was for. */
    async redeemGuardianCode(codeHash: Uint8Array, now: Date, tx: Db = db): Promise<string | undefined> {
      const row = await tx
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
