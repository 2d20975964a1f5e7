import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, NoContent, responses } from '../../platform/http/schemas.ts';
import type { AuthService } from '../auth/service.ts';
import type { SessionService } from '../sessions/service.ts';
import { PhoneCodeSent, StartPhoneBody, VerifyPhoneBody } from '../verification/schema.ts';
import type { VerificationService } from '../verification/service.ts';
import { ChangePasswordBody, ChangePinBody, DeleteMeBody, UpdateMeBody, UserSchema } from './schema.ts';
import type { UserService } from './service.ts';

const SessionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  channel: Type.String(),
  device: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  current: Type.Boolean(),
});

const tags = ['me'];
// Her own account stays reachable before she accepts new policies: she can read, leave or delete it.
const config = { consentExempt: true };

/** The caller changes her own credentials; her current session stays signed in. */
function ownerOf(request: Parameters<typeof principalOf>[0]) {
  const principal = principalOf(request);
  return { userId: principal.userId, keepSessionId: principal.sessionId };
}
const security = [{ bearer: [] }];

/** The signed-in person's own account: profile, credentials and sessions. */
export function meRoutes(deps: {
  users: UserService;
  auth: AuthService;
  sessions: SessionService;
  verification: VerificationService;
}): FastifyPluginAsyncTypebox {
  const { users, auth, sessions, verification } = deps;
  return async (app) => {
    app.post('/me/phone', {
      config,
      schema: {
        tags,
        security,
        summary:
          'Send a code to a phone number of mine (it becomes my sign-in number once the code comes back)',
        body: StartPhoneBody,
        response: responses({ 202: PhoneCodeSent }, [...AUTHENTICATED, 429, 503]),
        description:
          'With `phone`, needs `currentPassword` or `currentPin` (401 invalid_credentials otherwise). ' +
          'When the code comes back, a number that replaces a verified one ends her other sessions ' +
          'and the old number is told.',
      },
      handler: async (request, reply) => {
        const sent = await auth.setPhone(principalOf(request).userId, request.body, contextOf(request));
        return reply.code(202).send(sent);
      },
    });

    app.post('/me/phone/verify', {
      config,
      schema: {
        tags,
        security,
        summary: 'Enter the code sent to my number: it becomes my sign-in number',
        body: VerifyPhoneBody,
        response: responses({ 200: UserSchema }, [...AUTHENTICATED, 409, 429]),
      },
      handler: async (request) =>
        verification.confirmPhone(principalOf(request).userId, request.body.code, contextOf(request)),
    });

    app.get('/me', {
      config,
      schema: {
        tags,
        security,
        summary: 'My profile',
        response: responses({ 200: UserSchema }, AUTHENTICATED),
      },
      handler: async (request) => users.get(principalOf(request).userId),
    });

    app.patch('/me', {
      config,
      schema: {
        tags,
        security,
        summary: 'Change my name, language or app-lock minutes',
        body: UpdateMeBody,
        response: responses({ 200: UserSchema }, AUTHENTICATED),
      },
      handler: async (request) => users.updateProfile(principalOf(request).userId, request.body),
    });

    app.delete('/me', {
      config,
      schema: {
        tags,
        security,
        summary: 'Delete my account and all my data (needs my password or PIN)',
        description: 'Her rows and her data key are deleted: copies in backups can no longer be read.',
        body: DeleteMeBody,
        response: responses({ 204: NoContent }, AUTHENTICATED),
      },
      handler: async (request, reply) => {
        const { password, pin } = request.body;
        await auth.deleteOwnAccount(
          principalOf(request).userId,
          { currentPassword: password, currentPin: pin },
          contextOf(request),
        );
        return reply.code(204).send();
      },
    });

    app.put('/me/password', {
      config,
      schema: {
        tags,
        security,
        summary: 'Set a new password (needs the current password or PIN); other sessions end',
        body: ChangePasswordBody,
        response: responses({ 204: NoContent }, AUTHENTICATED),
      },
      handler: async (request, reply) => {
        await auth.changePassword(ownerOf(request), request.body, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.put('/me/pin', {
      config,
      schema: {
        tags,
        security,
        summary: 'Set a new 5-digit PIN (needs the current password or PIN); other sessions end',
        body: ChangePinBody,
        response: responses({ 204: NoContent }, AUTHENTICATED),
      },
      handler: async (request, reply) => {
        await auth.changePin(ownerOf(request), request.body, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.get('/me/sessions', {
      config,
      schema: {
        tags,
        security,
        summary: 'My signed-in sessions',
        response: responses({ 200: Type.Object({ sessions: Type.Array(SessionSchema) }) }, AUTHENTICATED),
      },
      handler: async (request) => ({ sessions: await sessions.list(principalOf(request)) }),
    });

    app.delete('/me/sessions/:id', {
      config,
      schema: {
        tags,
        security,
        summary: 'Sign out one of my sessions',
        params: IdParams,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await sessions.revokeOne(principalOf(request), request.params.id, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.post('/me/sessions/revoke-others', {
      config: { ...config, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'Sign out everywhere else',
        response: responses({ 200: Type.Object({ revoked: Type.Integer() }) }, AUTHENTICATED),
      },
      handler: async (request) => {
        const principal = principalOf(request);
        return {
          revoked: await sessions.revokeAll(principal.userId, 'revoked_by_user', principal.sessionId),
        };
      },
    });
  };
}
