import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../db/tables.ts';
import type { Principal, RequestContext } from '../request-context.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a token (registration, login, health, docs). Routes are private by default. */
    public?: boolean;
    /** Roles allowed to call the route; absent means any signed-in role. */
    roles?: Role[];
    /** An action that takes no body (logout, deactivate): a body sent anyway is refused, not ignored. */
    bodyless?: boolean;
    /** Reachable before she has accepted the current policies (her own account, consents, data). */
    consentExempt?: boolean;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

type AccessChecks = {
  authenticate: (accessToken: string) => Promise<Principal>;
  /** Policies whose current version the user has not accepted yet. */
  pendingPolicies: (userId: string) => Promise<string[]>;
  /** Runs before a missing or refused token is answered 401 (the per-IP quota may answer 429). */
  beforeUnauthenticated?: (request: FastifyRequest) => Promise<void>;
};

/**
 * Secure by default: every /api route needs a live session unless it is declared public, and
 * the current terms and privacy notice accepted unless it is declared consent-exempt.
 */
export function installAccessControl(app: FastifyInstance, checks: AccessChecks): void {
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const route = request.routeOptions.url;
    if (route === undefined || config.public === true) return;
    // Decide on the route that matched, never on the raw URL: "/%61pi/v1/…" reaches "/api/v1/…".
    if (!route.startsWith('/api/')) return;
    const header = request.headers.authorization;
    const match = header === undefined ? null : /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match?.[1]) {
      await checks.beforeUnauthenticated?.(request);
      throw new AppError('unauthenticated', 'Send an access token: Authorization: Bearer <token>');
    }
    const principal = await checks.authenticate(match[1]).catch(async (error: unknown) => {
      await checks.beforeUnauthenticated?.(request);
      throw error;
    });
    // Known from here on, so a refusal below is logged against the account that was refused.
    request.principal = principal;
    if (config.roles && !config.roles.includes(principal.role)) {
      throw new AppError('forbidden', 'Your role does not allow this');
    }
    if (config.consentExempt !== true) {
      const pending = await checks.pendingPolicies(principal.userId);
      if (pending.length > 0) {
        throw new AppError(
          'consent_required',
          `Accept the current ${pending.join(' and ')} first (PUT /api/v1/me/consents)`,
        );
      }
    }
  });
}

/** Refuses a body on routes declared bodyless, so unexpected input never passes silently. */
export function installBodylessCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.bodyless !== true || request.body === undefined) return;
    const empty =
      request.body === null || (typeof request.body === 'object' && Object.keys(request.body).length === 0);
    if (!empty) throw new AppError('validation_failed', 'This action takes no request body');
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal)
    throw new Error('route reached without authentication; mark it public or fix the hook');
  return request.principal;
}

/** The caller's context on a private route: refuses to run if authentication did not happen. */
export function signedInContextOf(request: FastifyRequest): RequestContext & { principal: Principal } {
  return { ...contextOf(request), principal: principalOf(request) };
}

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    requestId: request.id,
    channel: 'api',
    ip: request.ip,
    userAgent: request.headers['user-agent'],
    principal: request.principal,
    route: `${request.method} ${request.routeOptions.url ?? '(unmatched)'}`,
  };
}
