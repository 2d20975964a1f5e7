import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';

/** Which view of her health data was read: names the view, never anything in it. */
export type HealthRead = 'periods' | 'day_logs' | 'prediction' | 'calendar' | 'stats';

/** Reads remembered per instance and day; past it the oldest are forgotten (and noted again). */
const REMEMBERED_READS = 10_000;

/**
 * The audit trail of her health data, worded so that the trail itself tells a database reader
 * nothing about her health (decision 013): every change is one neutral `health_data.write` (not
 * "period started" at 08:02), and reads are `health_data.read` with the kind of view, noted at
 * least once per reader, day and kind rather than on every request (the web app reads the
 * prediction on each visit to her home page).
 */
export function createHealthAudit(deps: { audit: AuditService; clock: () => Date }) {
  let day = '';
  const noted = new Set<string>();

  // Only she reaches her health data (the routes admit her alone; the phone menu after her PIN):
  // a call without a principal is her own signed-in phone call.
  const contextFor = (ctx: RequestContext, userId: string) => ({
    ...auditContextOf(ctx),
    actorId: ctx.principal?.userId ?? userId,
  });

  return {
    async changed(userId: string, ctx: RequestContext): Promise<void> {
      await deps.audit.record(contextFor(ctx, userId), {
        action: 'health_data.write',
        outcome: 'success',
        subjectId: userId,
        resource: null,
      });
    },

    /**
     * Notes a read unless this reader already read this kind today on this instance. The reader
     * is the REST session; a phone call has none, so there it is her account on that channel.
     * The key is remembered only once the row is written, so "at least once" survives a failed
     * write (which fails the read too); two instances each writing one row is fine.
     */
    async read(userId: string, kind: HealthRead, ctx: RequestContext): Promise<void> {
      const today = deps.clock().toISOString().slice(0, 10);
      if (today !== day) {
        day = today;
        noted.clear();
      }
      const reader = ctx.principal ? `session:${ctx.principal.sessionId}` : `${ctx.channel}:${userId}`;
      const key = `${userId}|${reader}|${kind}`;
      if (noted.has(key)) return;
      await deps.audit.record(contextFor(ctx, userId), {
        action: 'health_data.read',
        outcome: 'success',
        subjectId: userId,
        resource: kind,
      });
      if (noted.size >= REMEMBERED_READS) {
        const oldest = noted.values().next();
        if (!oldest.done) noted.delete(oldest.value);
      }
      noted.add(key);
    },
  };
}
export type HealthAudit = ReturnType<typeof createHealthAudit>;
