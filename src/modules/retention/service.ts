import type { RetentionPolicy } from '../../platform/config.ts';
import type { Purged, PurgeOutcome, RetentionCutoffs, RetentionRepo } from './repo.ts';

const DAY = 86_400_000;
/** Codes texted for verification or recovery: kept a day after use or expiry (enough to answer "did it arrive?"). */
const SMS_CODES_DAYS = 1;
/** Codes read aloud (care link codes, provider invitations): a day after use or expiry, like texted ones. */
const SPOKEN_CODES_DAYS = 1;
/** Text messages in the outbox: a week, to look into delivery problems (docs/privacy.md). */
const SMS_OUTBOX_DAYS = 7;
/**
 * A scheduled run skips when any instance recorded a run less than this ago: the hourly cron runs
 * once across instances, and the run a worker makes soon after it starts does not repeat one made
 * within the hour. A little under the hour, so at worst runs are a little under two hours apart
 * (`npm run doctor` warns after two).
 */
export const RETENTION_MIN_GAP_MS = 55 * 60_000;

export type RetentionRun =
  | { ran: true; purged: Purged }
  | { ran: false; purged: undefined; reason: 'busy' | 'recent' };

/**
 * Deletes what we have no reason to keep any more (docs/privacy.md lists the periods). Safe to
 * run on every instance at once: one does the work, the others skip.
 */
export function createRetentionService(deps: {
  repo: RetentionRepo;
  policy: RetentionPolicy;
  clock: () => Date;
}) {
  const { policy } = deps;
  const cutoffs = (now: number): RetentionCutoffs => ({
    sessionsEndedBefore: new Date(now - policy.endedSessionsDays * DAY),
    ussdSessionsExpiredBefore: new Date(now),
    throttleExpiredBefore: new Date(now),
    guardianCodesDoneBefore: new Date(now - policy.guardianCodesDays * DAY),
    smsCodesDoneBefore: new Date(now - SMS_CODES_DAYS * DAY),
    smsOutboxBefore: new Date(now - SMS_OUTBOX_DAYS * DAY),
    spokenCodesDoneBefore: new Date(now - SPOKEN_CODES_DAYS * DAY),
    auditBefore: new Date(now - policy.auditDays * DAY),
  });
  const toRun = (outcome: PurgeOutcome): RetentionRun =>
    outcome.status === 'done'
      ? { ran: true, purged: outcome.purged }
      : { ran: false, purged: undefined, reason: outcome.status };
  return {
    /** Now, whenever the last run was (`npm run retention:run`); skipped only while another runs. */
    async run(): Promise<RetentionRun> {
      const now = deps.clock().getTime();
      return toRun(await deps.repo.purge(cutoffs(now), new Date(now)));
    },

    /** The schedule's tick: skipped when any instance finished a run within the last period. */
    async runIfDue(): Promise<RetentionRun> {
      const now = deps.clock().getTime();
      return toRun(
        await deps.repo.purge(cutoffs(now), new Date(now), { unlessRunWithin: RETENTION_MIN_GAP_MS }),
      );
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
