import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// One job at a time across every instance: the others skip rather than queue.
const RETENTION_LOCK_ID = 724_150_003;

export type RetentionCutoffs = {
  /** Sessions that ended (expired or revoked) before this. */
  sessionsEndedBefore: Date;
  ussdSessionsExpiredBefore: Date;
  throttleExpiredBefore: Date;
  guardianCodesDoneBefore: Date;
  auditBefore: Date;
};

export type Purged = Record<
  'sessions' | 'ussdSessions' | 'throttleCounters' | 'guardianCodes' | 'auditRows',
  number
>;

export function createRetentionRepo(db: Db) {
  return {
    /** Deletes what has expired, inside one transaction; undefined when another instance holds the job. */
    async purge(c: RetentionCutoffs): Promise<Purged | undefined> {
      return db.transaction().execute(async (tx) => {
        const lock = await sql<{
          got: boolean;
        }>`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK_ID}) AS got`.execute(tx);
        if (!lock.rows[0]?.got) return undefined;
        const count = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
        const sessions = await tx
          .deleteFrom('sessions')
          .where((eb) =>
            eb.or([
              eb('expires_at', '<', c.sessionsEndedBefore),
              eb('revoked_at', '<', c.sessionsEndedBefore),
            ]),
          )
          .executeTakeFirst();
        const ussd = await tx
          .deleteFrom('ussd_sessions')
          .where('expires_at', '<', c.ussdSessionsExpiredBefore)
          .executeTakeFirst();
        const throttle = await tx
          .deleteFrom('throttle_counters')
          .where('expires_at', '<', c.throttleExpiredBefore)
          .executeTakeFirst();
        const codes = await tx
          .deleteFrom('guardian_codes')
          .where((eb) =>
            eb.or([
              eb('expires_at', '<', c.guardianCodesDoneBefore),
              eb('used_at', '<', c.guardianCodesDoneBefore),
            ]),
          )
          .executeTakeFirst();
        const audit = await tx.deleteFrom('audit_log').where('at', '<', c.auditBefore).executeTakeFirst();
        return {
          sessions: count(sessions),
          ussdSessions: count(ussd),
          throttleCounters: count(throttle),
          guardianCodes: count(codes),
          auditRows: count(audit),
        };
      });
    },
  };
}
export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
