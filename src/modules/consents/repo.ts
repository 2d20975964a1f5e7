import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';

/** Versioned consent records: each grant or withdrawal is a new row, never an overwrite. */
export function createConsentRepo(db: Db) {
  return {
    async record(
      entry: { userId: string; purpose: string; version: string; granted: boolean; at: Date },
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
        })
        .execute();
    },
  };
}
export type ConsentRepo = ReturnType<typeof createConsentRepo>;

/** Version of the terms and privacy notice a new account accepts. */
export const CURRENT_TERMS_VERSION = '2026-11-28';
