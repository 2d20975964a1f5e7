import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AuditRow } from '../../platform/db/tables.ts';
import { type AuditFields, canonicalAuditRow } from './chain.ts';

export function createAuditRepo(db: Db) {
  return {
    /**
     * Appends one entry in a single statement: the head row's lock serialises writers, and the
     * new hash is SHA-256(previous hash || canonical row), computed as the head row is updated.
     */
    async append(entry: AuditFields): Promise<void> {
      await sql`
        WITH head AS (
          UPDATE audit_head SET prev = hash, hash = sha256(hash || convert_to(${canonicalAuditRow(entry)}, 'UTF8'))
          WHERE id = 1
          RETURNING prev, hash
        )
        INSERT INTO audit_log (id, at, actor_id, actor_role, action, subject_id, resource, outcome, channel, request_id, prev_hash, hash)
        SELECT ${entry.id}, ${entry.at}, ${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.subjectId},
               ${entry.resource}, ${entry.outcome}, ${entry.channel}, ${entry.requestId}, head.prev, head.hash
        FROM head`.execute(db);
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
