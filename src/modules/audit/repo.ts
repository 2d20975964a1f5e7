import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AuditRow } from '../../platform/db/tables.ts';
import { type AuditFields, chainHash, GENESIS_HASH } from './chain.ts';

// Serialises writers of the chain across every instance and connection.
const AUDIT_CHAIN_LOCK_ID = 724_150_002;

export function createAuditRepo(db: Db) {
  return {
    /** Appends one entry, linked to the current head, inside a transaction holding the chain lock. */
    async append(entry: AuditFields): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_ID})`.execute(trx);
        const head = await trx
          .selectFrom('audit_log')
          .select('hash')
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
        const prevHash = head?.hash ?? GENESIS_HASH;
        await trx
          .insertInto('audit_log')
          .values({
            id: entry.id,
            at: entry.at,
            actor_id: entry.actorId,
            actor_role: entry.actorRole,
            action: entry.action,
            subject_id: entry.subjectId,
            resource: entry.resource,
            outcome: entry.outcome,
            channel: entry.channel,
            request_id: entry.requestId,
            prev_hash: prevHash,
            hash: chainHash(prevHash, entry),
          })
          .execute();
      });
    },

    /** Rows in chain order, a page at a time, for verification. */
    async page(afterSeq: number, limit: number): Promise<AuditRow[]> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
    },

    async listForSubject(subjectId: string, limit: number): Promise<AuditRow[]> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('subject_id', '=', subjectId)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
