import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { API_PER_IP, API_PER_USER, ROUTE_POLICIES } from '../security/policies.ts';
import type { Pseudonymizer } from '../security/pseudonym.ts';
import { type Quotas, RateLimitExceeded, type RatePolicy, type RateStatus } from '../security/rate-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The quotas this request was counted against, reported in its RateLimit headers. */
    rateLimits?: RateStatus[];
  }
}

/** True for anything under /api, matched or not ("/%61pi/…" reaches "/api/…", so decode first). */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined) return route.startsWith('/api/');
  const path = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path).startsWith('/api/');
  } catch {
    return path.startsWith('/api/');
  }
}

/**
 * Request limits on the whole API, counted in the shared CounterStore:
 * - calls with a live session count per account (after authentication);
 * - calls without one (public routes, a missing token, unknown /api paths) count per client IP,
 *   before anything expensive runs;
 * - a call refused before it was counted (a bad token; a role or consent refusal) is counted on
 *   its way out, per IP or per account;
 * - credential routes count per IP on top (policies.ts).
 * Every /api answer that was counted carries `RateLimit-Policy` and `RateLimit` (IETF
 * draft-ietf-httpapi-ratelimit-headers, decision 010); a refusal is a 429 problem with Retry-After.
 * If the counter store cannot be reached the request passes and the failure is logged: the
 * per-account credential throttles, which fail closed, still guard the secrets.
 */
export function installRateLimits(
  app: FastifyInstance,
  deps: { quotas: Quotas; pseudonym: Pseudonymizer },
): { countUnauthenticated: (request: FastifyRequest) => Promise<void> } {
  const { quotas, pseudonym } = deps;
  const counted = new WeakSet<FastifyRequest>();
  const apiRoutes = new Set<string>();

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    for (const method of [route.method].flat()) apiRoutes.add(`${method} ${route.url}`);
    // Every API route may answer 429: its schema (and so the OpenAPI document) says so.
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response && !('429' in response)) {
      response[429] = Type.Ref('Problem', {
        description: 'Too many requests (see Retry-After and RateLimit)',
      });
    }
  });
  app.addHook('onReady', async () => {
    const unknown = Object.keys(ROUTE_POLICIES).filter((key) => !apiRoutes.has(key));
    if (unknown.length > 0)
      throw new Error(`Rate-limit policies for routes that do not exist: ${unknown.join(', ')}`);
  });

  async function count(request: FastifyRequest, hits: Array<[RatePolicy, string]>): Promise<void> {
    counted.add(request);
    const results = await Promise.allSettled(hits.map(([policy, key]) => quotas.hit(policy, key)));
    let refusal: RateLimitExceeded | undefined;
    for (const result of results) {
      if (result.status === 'fulfilled') {
        if (result.value) remember(request, result.value);
      } else if (result.reason instanceof RateLimitExceeded) {
        remember(request, result.reason.rate);
        if (!refusal || result.reason.rate.resetSeconds > refusal.rate.resetSeconds) refusal = result.reason;
      } else {
        request.log.error({ err: result.reason }, 'rate-limit counter unavailable; request let through');
      }
    }
    if (refusal) throw refusal;
  }

  function routePolicy(request: FastifyRequest): RatePolicy | undefined {
    return ROUTE_POLICIES[`${request.method} ${request.routeOptions.url}`];
  }

  function countPerIp(request: FastifyRequest): Promise<void> {
    const ip = pseudonym('ip', request.ip);
    const route = routePolicy(request);
    return count(
      request,
      route
        ? [
            [API_PER_IP, ip],
            [route, ip],
          ]
        : [[API_PER_IP, ip]],
    );
  }

  app.addHook('onRequest', async (request) => {
    if (!quotas.enabled || !isApiRequest(request)) return;
    // With a token on a private route the caller is counted per account once authenticated
    // (or per IP by the access check, if the token is refused). Unknown paths count here.
    const matched = request.routeOptions.url !== undefined;
    if (
      matched &&
      request.routeOptions.config?.public !== true &&
      request.headers.authorization !== undefined
    )
      return;
    await countPerIp(request);
  });

  // preParsing runs after every onRequest hook (authentication included) and before the body is read.
  app.addHook('preParsing', async (request, _reply, payload) => {
    const principal = request.principal;
    if (!quotas.enabled || principal === undefined || counted.has(request)) return payload;
    const route = routePolicy(request);
    const hits: Array<[RatePolicy, string]> = [[API_PER_USER, pseudonym('subject', principal.userId)]];
    if (route) hits.push([route, pseudonym('ip', request.ip)]);
    await count(request, hits);
    return payload;
  });

  app.addHook('onError', async (request, _reply, error) => {
    if (error instanceof RateLimitExceeded) {
      remember(request, error.rate);
      return;
    }
    if (!quotas.enabled || counted.has(request) || !isApiRequest(request)) return;
    // Refused before it was counted (a bad token, a role or consent refusal): counted now, so that
    // guessing tokens or hammering a forbidden route is as limited as any other call.
    const principal = request.principal;
    const counting = principal
      ? count(request, [[API_PER_USER, pseudonym('subject', principal.userId)]])
      : countPerIp(request);
    await counting.catch((refused: unknown) => {
      if (!(refused instanceof RateLimitExceeded)) throw refused;
    });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const statuses = request.rateLimits;
    if (statuses && statuses.length > 0) {
      reply.header('ratelimit-policy', statuses.map(formatPolicy).join(', '));
      reply.header('ratelimit', statuses.map(formatRemaining).join(', '));
    }
    return payload;
  });

  return {
    /** For the access check: a refused token counts per IP, and past the quota is answered 429. */
    async countUnauthenticated(request) {
      if (!quotas.enabled || counted.has(request) || !isApiRequest(request)) return;
      await countPerIp(request);
    },
  };
}

function remember(request: FastifyRequest, status: RateStatus): void {
  request.rateLimits ??= [];
  const list = request.rateLimits;
  const at = list.findIndex((s) => s.policy === status.policy);
  if (at === -1) list.push(status);
  else list[at] = status;
}

/** `"api-user";q=300;w=60`: the quota and its window, as RateLimit-Policy lists them. */
export function formatPolicy(status: RateStatus): string {
  return `"${status.policy}";q=${status.quota};w=${status.windowSeconds}`;
}

/** `"api-user";r=299;t=42`: what is left and when the window turns, as RateLimit reports them. */
export function formatRemaining(status: RateStatus): string {
  return `"${status.policy}";r=${status.remaining};t=${status.resetSeconds}`;
}
