import type { RetentionPolicy } from '../../platform/config.ts';
import type { Purged, RetentionRepo } from './repo.ts';

const DAY = 86_400_000;

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
  return {
    async run(): Promise<{ ran: boolean; purged: Purged | undefined }> {
      const now = deps.clock().getTime();
      const purged = await deps.repo.purge(
        {
          sessionsEndedBefore: new Date(now - policy.endedSessionsDays * DAY),
          ussdSessionsExpiredBefore: new Date(now),
          throttleExpiredBefore: new Date(now),
          guardianCodesDoneBefore: new Date(now - policy.guardianCodesDays * DAY),
          auditBefore: new Date(now - policy.auditDays * DAY),
        },
        new Date(now),
      );
      return { ran: purged !== undefined, purged };
    },
  };
}
export type RetentionService = ReturnType<typeof createRetentionService>;
