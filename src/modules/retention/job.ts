import type { JobKind } from '../../platform/jobs/queue.ts';
import { RETENTION_MIN_GAP_MS, type RetentionService } from './service.ts';

/**
 * Ten seconds after a worker starts: late enough not to compete with start-up and the first
 * requests, soon enough that a process restarted often (deploys, crashes) still runs the job.
 */
export const RETENTION_FIRST_DELAY_SECONDS = 10;

/**
 * The retention job on the queue: hourly by cron (once across instances) and soon after a worker
 * starts; a run finds out from job_runs whether another one happened within the hour, so a start
 * shortly after the hourly run does not repeat it.
 */
export function retentionJob(retention: RetentionService): JobKind {
  return {
    name: 'retention',
    cron: '0 * * * *',
    afterStartSeconds: RETENTION_FIRST_DELAY_SECONDS,
    retryLimit: 3,
    retryDelaySeconds: 60,
    expireSeconds: 15 * 60,
    async run() {
      const result = await retention.runIfDue();
      if (result.ran) return { outcome: 'done', counts: result.purged };
      return {
        outcome: 'skipped',
        reason:
          result.reason === 'busy'
            ? 'another instance is running it'
            : `another run finished less than ${RETENTION_MIN_GAP_MS / 60_000} minutes ago`,
      };
    },
  };
}
