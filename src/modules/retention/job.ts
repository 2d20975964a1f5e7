import type { JobDefinition } from '../../platform/jobs/schedule.ts';
import { RETENTION_INTERVAL_MS, RETENTION_MIN_GAP_MS, type RetentionService } from './service.ts';

/**
 * Ten seconds after the server listens: late enough not to compete with start-up and the first
 * requests, soon enough that a process restarted often (deploys, crashes) still runs the job.
 */
export const RETENTION_FIRST_DELAY_MS = 10_000;

/** The hourly retention job, as the server schedules it (at most one run per hour across instances). */
export function retentionJob(retention: RetentionService): JobDefinition {
  return {
    id: 'retention',
    intervalMs: RETENTION_INTERVAL_MS,
    firstDelayMs: RETENTION_FIRST_DELAY_MS,
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
