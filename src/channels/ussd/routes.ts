import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import { responses } from '../../platform/http/schemas.ts';
import { translate } from '../../platform/i18n/index.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { UssdHopError, type UssdService } from './service.ts';

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

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/**
 * The gateway callback. In production the secret must come in the path (/ussd/{secret}) or the
 * X-USSD-Secret header, and the caller's address may be limited to the gateway's. Refusals are
 * security events (recorded by the HTTP hook); sessions are limited per phone number by the service.
 */
export function ussdRoutes(deps: {
  ussd: UssdService;
  secret: string | undefined;
  allowedIps: string[];
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
            answer = await deps.ussd.handle({ sessionId, phoneNumber, text, serviceCode }, ctx);
          } catch (error) {
            // Still a bug, and logged as one; but the phone gets a polite END in her language (when
            // the call has one), not a gateway error.
            const failed = error instanceof UssdHopError ? error : undefined;
            request.log.error({ err: failed?.cause ?? error }, 'USSD hop failed');
            answer = `END ${translate(failed?.lang ?? 'en', 'common.busy')}`;
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
