import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SecurityEvents, SecurityEventType } from '../security/events.ts';
import { RateLimitExceeded } from '../security/rate-limit.ts';
import { AppError } from './errors.ts';

/**
 * Refusals the HTTP layer sees become security events: 401s, 403s and 429s, and any refusal of
 * the USSD gateway's credentials. Wrong passwords and PINs (401 invalid_credentials) are recorded
 * by the auth service instead, which knows which account was aimed at, on every channel.
 */
export function installSecurityEventHook(app: FastifyInstance, events: SecurityEvents): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof AppError)) return;
    const type = classify(request, error);
    if (type === undefined) return;
    const pattern = request.routeOptions.url;
    await events.record({
      type,
      route: `${request.method} ${pattern ?? '(unmatched)'}`,
      ip: request.ip,
      channel: pattern?.startsWith('/ussd') ? 'ussd' : 'api',
      requestId: request.id,
      subject: request.principal?.userId,
      detail: error instanceof RateLimitExceeded ? error.rate.policy : error.code,
    });
  });
}

function classify(request: FastifyRequest, error: AppError): SecurityEventType | undefined {
  if (request.routeOptions.url?.startsWith('/ussd') && (error.status === 401 || error.status === 403)) {
    return 'ussd_gateway_auth_failed';
  }
  switch (error.code) {
    case 'too_many_requests':
      return 'rate_limited';
    case 'unauthenticated':
    case 'invalid_token':
    case 'session_revoked':
      return 'unauthenticated';
    case 'forbidden':
      return 'forbidden';
    default:
      return undefined;
  }
}
