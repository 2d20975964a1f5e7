import type { RequestContext } from '../../platform/request-context.ts';
import type { SecurityEvents } from '../../platform/security/events.ts';
import type { SecurityLog } from '../../platform/security/notifier.ts';
import { USSD_PER_PHONE } from '../../platform/security/policies.ts';
import type { Pseudonymizer } from '../../platform/security/pseudonym.ts';
import { type Quotas, RateLimitExceeded } from '../../platform/security/rate-limit.ts';

/** True when this phone may start another USSD session now. */
export type DialLimit = (phone: string, ctx: RequestContext) => Promise<boolean>;

/**
 * Sessions started per phone number (`ussd-phone`), counted in the shared store whatever the
 * session's first text and whichever door it came through (gateway or web simulator). Past the
 * limit: a `rate_limited` security event; the service answers with a polite END.
 */
export function createDialLimit(deps: {
  quotas: Quotas;
  pseudonym: Pseudonymizer;
  events: Pick<SecurityEvents, 'record'>;
  log: SecurityLog;
}): DialLimit {
  return async (phone, ctx) => {
    try {
      await deps.quotas.hit(USSD_PER_PHONE, deps.pseudonym('phone', phone));
      return true;
    } catch (error) {
      if (!(error instanceof RateLimitExceeded)) {
        // As on the API: an unreachable counter store lets the call through (the PIN lockout still holds).
        deps.log.error({ err: error }, 'rate-limit counter unavailable; USSD session let through');
        return true;
      }
      await deps.events.record({
        type: 'rate_limited',
        route: ctx.route ?? 'POST /ussd',
        ip: ctx.ip,
        channel: 'ussd',
        requestId: ctx.requestId,
        subject: phone,
        detail: USSD_PER_PHONE.name,
      });
      return false;
    }
  };
}
