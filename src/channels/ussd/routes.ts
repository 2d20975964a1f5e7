import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { normalizePhone } from '../../modules/users/identifiers.ts';
import { AppError } from '../../platform/http/errors.ts';
import { responses } from '../../platform/http/schemas.ts';
import { translate } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import type { SecurityEvents } from '../../platform/security/events.ts';
import { USSD_PER_PHONE } from '../../platform/security/policies.ts';
import type { Pseudonymizer } from '../../platform/security/pseudonym.ts';
import { type Quotas, RateLimitExceeded } from '../../platform/security/rate-limit.ts';
import type { UssdService } from './service.ts';

// Africa's Talking posts these form fields; other fields it may add are accepted and ignored.
const UssdBody = Type.Object(
  {
    sessionId: Type.String({ minLength: 1, maxLength: 128 }),
    serviceCode: Type.String({ maxLength: 32 }),
    phoneNumber: Type.String({ minLength: 3, maxLength: 32 }),
    networkCode: Type.Optional(Type.String({ maxLength: 32 })),
    text: Type.String({ maxLength: 1000, default: '' }),
  },
  { additionalProperties: true },
);
const EventBody = Type.Object(
  {
    sessionId: Type.String({ minLength: 1, maxLength: 128 }),
    status: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: true },
);
const SecretParams = Type.Object(
  { secret: Type.String({ maxLength: 256 }) },
  { additionalProperties: false },
);
const Screen = Type.String({
  description: 'text/plain: "CON …" to continue, "END …" to close; at most 182 GSM-7 characters',
});

/** The number as sign-in sees it (E.164), so one phone is one count however the gateway writes it. */
function comparablePhone(raw: string): string {
  try {
    return normalizePhone(raw);
  } catch {
    return raw.trim(); // not a usable number: the hop will say so, but it still counts
  }
}

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * The gateway callback. In production the secret must come in the path (/ussd/{secret}) or the
 * X-USSD-Secret header, and the caller's address may be limited to the gateway's. Refusals are
 * security events (recorded by the HTTP hook); dials are limited per phone number.
 */
export function ussdRoutes(deps: {
  ussd: UssdService;
  secret: string | undefined;
  allowedIps: string[];
  quotas: Quotas;
  pseudonym: Pseudonymizer;
  events: Pick<SecurityEvents, 'record'>;
}): FastifyPluginAsyncTypebox {
  const allow = new BlockList();
  for (const entry of deps.allowedIps) {
    const [address = '', prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (prefix === undefined) allow.addAddress(address, type);
    else allow.addSubnet(address, Number(prefix), type);
  }

  function authenticate(request: FastifyRequest): void {
    if (deps.allowedIps.length > 0) {
      const ip = request.ip.replace(/^::ffff:/, '');
      if (!allow.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4')) {
        throw new AppError('forbidden', 'This address may not call the USSD gateway');
      }
    }
    if (deps.secret === undefined) return;
    const given = (request.params as { secret?: string }).secret ?? request.headers['x-ussd-secret'];
    if (typeof given !== 'string' || !sameSecret(given, deps.secret)) {
      throw new AppError('unauthenticated', 'The USSD gateway secret is missing or wrong');
    }
  }

  /**
   * Counts a dial (the first hop of a session, empty `text`) against its phone number. Past the
   * limit the phone gets a polite END (the gateway shows any HTTP error as a network failure) and
   * a `rate_limited` security event.
   */
  async function withinPhoneLimit(request: FastifyRequest, phoneNumber: string, ctx: RequestContext) {
    const phone = comparablePhone(phoneNumber);
    try {
      await deps.quotas.hit(USSD_PER_PHONE, deps.pseudonym('phone', phone));
      return true;
    } catch (error) {
      if (!(error instanceof RateLimitExceeded)) {
        // As on the API: an unreachable counter store lets the hop through (the PIN lockout still holds).
        request.log.error({ err: error }, 'rate-limit counter unavailable; USSD hop let through');
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
  }

  return async (app) => {
    await app.register(formbody, { bodyLimit: 4096 });
    const config = { public: true };

    for (const url of ['/ussd', '/ussd/:secret']) {
      app.post(url, {
        config,
        schema: {
          tags: ['ussd'],
          summary: "USSD callback (Africa's Talking protocol)",
          ...(url.includes(':') ? { params: SecretParams } : {}),
          body: UssdBody,
          response: responses({ 200: Screen }, [401, 403, 415]),
        },
        preHandler: async (request) => authenticate(request),
        handler: async (request, reply) => {
          const { sessionId, phoneNumber, text, serviceCode } = request.body;
          const ctx: RequestContext = {
            requestId: request.id,
            channel: 'ussd',
            ip: request.ip,
            userAgent: undefined,
            principal: undefined,
            route: `POST ${url}`,
          };
          let answer: string;
          try {
            answer =
              text !== '' || (await withinPhoneLimit(request, phoneNumber, ctx))
                ? await deps.ussd.handle({ sessionId, phoneNumber, text, serviceCode }, ctx)
                : `END ${translate('en', 'common.busy')}`;
          } catch (error) {
            // Still a bug, and logged as one; but the phone gets a polite END, not a gateway error.
            request.log.error({ err: error }, 'USSD hop failed');
            answer = `END ${translate('en', 'common.busy')}`;
          }
          return reply.type('text/plain; charset=utf-8').send(answer);
        },
      });

      app.post(`${url}/events`, {
        config,
        schema: {
          tags: ['ussd'],
          summary: "The gateway's end-of-session notification",
          ...(url.includes(':') ? { params: SecretParams } : {}),
          body: EventBody,
          response: responses({ 200: Type.String() }, [401, 403, 415]),
        },
        preHandler: async (request) => authenticate(request),
        handler: async (request, reply) => {
          await deps.ussd.ended(request.body.sessionId);
          return reply.type('text/plain; charset=utf-8').send('OK');
        },
      });
    }
  };
}
