import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { AuditAnchorRow, AuditHeadRow, AuditRow, NewAuditRow } from '../../platform/db/tables.ts';

/** The row to append and the head's new tag, computed from the current head's hash. */
export type Append = (prevHash: Buffer) => { row: NewAuditRow; headMac: Buffer };

/** The chain's facts and its rows, read from one snapshot of the database. */
export type ChainReader = {
  state(): Promise<{ head: AuditHeadRow; anchor: AuditAnchorRow }>;
  page(afterSeq: number, limit: number): Promise<AuditRow[]>;
};

export function createAuditRepo(db: Db) {
  return {
    /**
     * One transaction: lock and read the head, let `make` compute the row's keyed hash in the
     * server (the key never goes to the database), insert the row and move the head. The head's
     * row lock serialises writers on every instance, so the chain cannot fork, and seq follows
     * the chain's order.
     */
    async append(make: Append): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const head = await tx
          .selectFrom('audit_head')
          .select('hash')
          .where('id', '=', 1)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const { row, headMac } = make(Buffer.from(head.hash));
        await tx
          .with('added', (w) => w.insertInto('audit_log').values(row).returning('seq'))
          .updateTable('audit_head')
          .from('added')
          .set((eb) => ({ seq: eb.ref('added.seq'), hash: row.hash, mac: headMac }))
          .where('audit_head.id', '=', 1)
          .execute();
      });
    },

    /**
     * Runs `read` in one read-only REPEATABLE READ transaction, so the head, the anchor and every
     * page agree even while the server appends and purges.
     */
    async inSnapshot<T>(read: (reader: ChainReader) => Promise<T>): Promise<T> {
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute((tx) =>
          read({
            async state() {
              const head = await tx
                .selectFrom('audit_head')
                .selectAll()
                .where('id', '=', 1)
                .executeTakeFirstOrThrow();
              const anchor = await tx
                .selectFrom('audit_anchor')
                .selectAll()
                .where('id', '=', 1)
                .executeTakeFirstOrThrow();
              return { head, anchor };
            },
            page: (afterSeq, limit) =>
              tx
                .selectFrom('audit_log')
                .selectAll()
                .where('seq', '>', afterSeq)
                .orderBy('seq')
                .limit(limit)
                .execute(),
          }),
        );
    },

    /**
     * Erasure: removes her id from every row (as subject and as actor) through a function that
     * runs with the owner's rights — the runtime role may not UPDATE audit_log itself.
     */
    async forgetSubject(userId: string): Promise<number> {
      const result = await sql<{
        forgotten: number;
      }>`SELECT forget_audit_subject(${userId}) AS forgotten`.execute(db);
      return Number(result.rows[0]?.forgotten ?? 0);
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
