import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, NoContent, responses } from '../../platform/http/schemas.ts';
import { COOKIE_PATH, contextFor, deliver } from '../auth/routes.ts';
import { SignedInSchema } from '../auth/schema.ts';
import { type GuardianRecoveryService, REQUEST_MINUTES } from './guardian-recovery.ts';
import {
  ApproveGuardianRecoveryBody,
  CompleteGuardianRecoveryBody,
  GuardianRecoveryStarted,
  GuardianRecoveryStatus,
  GuardianRecoveryStatusBody,
  StartGuardianRecoveryBody,
} from './schema.ts';

/** A random token naming this browser, httpOnly, sent only to the sign-in routes. */
const DEVICE_COOKIE = 'le_device';
const DEVICE_COOKIE_DAYS = 365;

/** For the auth routes: a web sign-in remembers its browser as one of hers. */
export function deviceMemory(recovery: GuardianRecoveryService) {
  return async (request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> => {
    if (request.headers['x-session-mode'] !== 'cookie') return;
    const token = await recovery.rememberDevice(userId, request.cookies[DEVICE_COOKIE]);
    reply.setCookie(DEVICE_COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: COOKIE_PATH,
      maxAge: DEVICE_COOKIE_DAYS * 86_400,
    });
  };
}

/** Recovery through her linked guardian (decision 020). */
export function guardianRecoveryRoutes(
  recovery: GuardianRecoveryService,
  opts: { sessionDays: number },
): FastifyPluginAsyncTypebox {
  const remember = deviceMemory(recovery);
  return async (app) => {
    app.post('/auth/recovery/guardian', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Forgot my PIN or password: ask my guardian to approve, from a browser I signed in with',
        description:
          `Always answers 202 the same way, whether or not the account exists, has a guardian, or this browser ` +
          `(its le_device cookie) ever signed in to it. She reads the code out to the guardian who gave consent ` +
          `for her account; her device keeps requestToken. The request lives ${REQUEST_MINUTES} minutes.`,
        body: StartGuardianRecoveryBody,
        response: responses({ 202: GuardianRecoveryStarted }, [429]),
      },
      handler: async (request, reply) => {
        const started = await recovery.start(
          request.body.identifier,
          request.cookies[DEVICE_COOKIE],
          contextFor(request),
        );
        return reply.code(202).send(started);
      },
    });

    app.post('/auth/recovery/guardian/status', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Has my guardian approved my request yet?',
        body: GuardianRecoveryStatusBody,
        response: responses({ 200: GuardianRecoveryStatus }, [429]),
      },
      handler: async (request) => ({
        status: await recovery.status(request.body.requestId, request.body.requestToken),
      }),
    });

    app.post('/auth/recovery/guardian/complete', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary:
          'An approved request and a new PIN or password, from the device that started it: every other session ends, this one starts',
        body: CompleteGuardianRecoveryBody,
        response: responses({ 200: SignedInSchema }, [429]),
      },
      handler: async (request, reply) => {
        const signedIn = await recovery.complete(request.body, contextFor(request));
        const refreshToken = deliver(request, reply, signedIn.refreshToken, opts.sessionDays * 86_400);
        await remember(request, reply, signedIn.user.id);
        return { ...signedIn, refreshToken, tokenType: 'Bearer' as const };
      },
    });

    app.post('/guardian/recovery-approvals', {
      config: { roles: ['parent'] },
      schema: {
        tags: ['privacy'],
        security: [{ bearer: [] }],
        summary:
          'A guardian approves the recovery request of the young person they gave consent for, with the code she read out',
        description:
          'Only the guardian whose consent is in force on her account can approve; any other code or caller gets the same 404. ' +
          'Approving gives no access to her account: she sets her new secret on her own device.',
        body: ApproveGuardianRecoveryBody,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await recovery.approve(principalOf(request).userId, request.body.code, contextOf(request));
        return reply.code(204).send();
      },
    });
  };
}
