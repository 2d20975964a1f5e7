import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

// One job at a time across every instance: the others skip rather than queue.
const RETENTION_LOCK_ID = 724_150_003;
const JOB = 'retention';

export type RetentionCutoffs = {
  /** Sessions that ended (expired or revoked) before this. */
  sessionsEndedBefore: Date;
  ussdSessionsExpiredBefore: Date;
  throttleExpiredBefore: Date;
  guardianCodesDoneBefore: Date;
  /** SMS codes (verification, recovery) used or expired before this. */
  smsCodesDoneBefore: Date;
  /** Text messages in the outbox created before this. */
  smsOutboxBefore: Date;
  /** Codes read aloud (care link codes, provider invitations) used or expired before this. */
  spokenCodesDoneBefore: Date;
  auditBefore: Date;
};

export type Purged = Record<
  | 'sessions'
  | 'ussdSessions'
  | 'throttleCounters'
  | 'guardianCodes'
  | 'smsCodes'
  | 'smsOutbox'
  | 'linkCodes'
  | 'providerInvitations'
  | 'auditRows',
  number
>;

/** A purge done, or why not: another instance holds the job, or one finished a run too recently. */
export type PurgeOutcome =
  | { status: 'done'; purged: Purged }
  | { status: 'busy' }
  | { status: 'recent'; lastRunAt: Date };

export function createRetentionRepo(db: Db) {
  return {
    /**
     * Deletes what has expired and records the run (job_runs, which `npm run doctor` reads), inside
     * one transaction. Skipped when another instance holds the job, or — with `unlessRunWithin` —
     * when a run was recorded that recently: the check and the claim happen under the same lock,
     * so instances ticking on their own timers make one run per period between them.
     */
    async purge(
      c: RetentionCutoffs,
      ranAt: Date,
      opts: { unlessRunWithin?: number } = {},
    ): Promise<PurgeOutcome> {
      return db.transaction().execute(async (tx): Promise<PurgeOutcome> => {
        const lock = await sql<{
          got: boolean;
        }>`SELECT pg_try_advisory_xact_lock(${RETENTION_LOCK_ID}) AS got`.execute(tx);
        if (!lock.rows[0]?.got) return { status: 'busy' };
        if (opts.unlessRunWithin !== undefined) {
          const last = await lastRun(tx);
          // Either side of now: a clock a little ahead on another instance still counts as recent.
          if (last && Math.abs(ranAt.getTime() - last.getTime()) < opts.unlessRunWithin) {
            return { status: 'recent', lastRunAt: last };
          }
        }
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
        const smsCodes = await tx
          .deleteFrom('verification_codes')
          .where((eb) =>
            eb.or([eb('expires_at', '<', c.smsCodesDoneBefore), eb('used_at', '<', c.smsCodesDoneBefore)]),
          )
          .executeTakeFirst();
        const smsOutbox = await tx
          .deleteFrom('sms_outbox')
          .where('created_at', '<', c.smsOutboxBefore)
          .executeTakeFirst();
        const linkCodes = await tx
          .deleteFrom('care_link_codes')
          .where((eb) =>
            eb.or([
              eb('expires_at', '<', c.spokenCodesDoneBefore),
              eb('used_at', '<', c.spokenCodesDoneBefore),
            ]),
          )
          .executeTakeFirst();
        const invitations = await tx
          .deleteFrom('provider_invitations')
          .where((eb) =>
            eb.or([
              eb('expires_at', '<', c.spokenCodesDoneBefore),
              eb('used_at', '<', c.spokenCodesDoneBefore),
            ]),
          )
          .executeTakeFirst();
        // The runtime role may not delete audit rows; this function, run with its owner's rights,
        // deletes only rows older than the retention period the database holds (decision 009).
        const audit = await sql<{
          purged: number;
        }>`SELECT purge_audit_log(${c.auditBefore}) AS purged`.execute(tx);
        await tx
          .insertInto('job_runs')
          .values({ job: JOB, last_run_at: ranAt })
          .onConflict((oc) => oc.column('job').doUpdateSet({ last_run_at: ranAt }))
          .execute();
        return {
          status: 'done',
          purged: {
            sessions: count(sessions),
            ussdSessions: count(ussd),
            throttleCounters: count(throttle),
            guardianCodes: count(codes),
            smsCodes: count(smsCodes),
            smsOutbox: count(smsOutbox),
            linkCodes: count(linkCodes),
            providerInvitations: count(invitations),
            auditRows: Number(audit.rows[0]?.purged ?? 0),
          },
        };
      });
    },
  };
}

async function lastRun(tx: Db): Promise<Date | undefined> {
  const row = await tx.selectFrom('job_runs').select('last_run_at').where('job', '=', JOB).executeTakeFirst();
  return row?.last_run_at;
}
export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
