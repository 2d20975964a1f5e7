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
    /**
     * Deletes what has expired and records the run (job_runs, which `npm run doctor` reads), inside
     * one transaction; undefined when another instance holds the job.
     */
    async purge(c: RetentionCutoffs, ranAt: Date): Promise<Purged | undefined> {
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
        // The runtime role may not delete audit rows; this function, run with its owner's rights,
        // deletes only rows older than the retention period the database holds (decision 009).
        const audit = await sql<{
          purged: number;
        }>`SELECT purge_audit_log(${c.auditBefore}) AS purged`.execute(tx);
        await sql`INSERT INTO job_runs (job, last_run_at) VALUES ('retention', ${ranAt})
          ON CONFLICT (job) DO UPDATE SET last_run_at = excluded.last_run_at`.execute(tx);
        return {
          sessions: count(sessions),
          ussdSessions: count(ussd),
          throttleCounters: count(throttle),
          guardianCodes: count(codes),
          auditRows: Number(audit.rows[0]?.purged ?? 0),
        };
      });
    },
  };
}
export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
