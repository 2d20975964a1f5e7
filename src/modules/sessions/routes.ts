import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import { AUTHENTICATED, NoContent, responses } from '../../platform/http/schemas.ts';
import { COOKIE_PATH, contextFor, deliver, REFRESH_COOKIE } from '../auth/routes.ts';
import { RefreshBody, SignedInSchema } from '../auth/schema.ts';
import { PasswordInput, PinInput } from '../users/schema.ts';
import type { AppLockService } from './lock-service.ts';

const UnlockBody = Type.Object(
  {
    refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    pin: Type.Optional(PinInput),
    password: Type.Optional(PasswordInput),
  },
  {
    additionalProperties: false,
    description:
      'Her PIN or her password (exactly one); in cookie mode the refresh token comes from the cookie',
  },
);

const tags = ['accounts'];
const LOCKED_NOTE =
  'A web session idle for her lock minutes (PATCH /me `lockMinutes`), or locked here, answers ' +
  '401 `session_locked` to every request and refresh until POST /auth/unlock.';

function refreshTokenOf(request: FastifyRequest<{ Body: { refreshToken?: string | undefined } }>): string {
  const token = request.body.refreshToken ?? request.cookies[REFRESH_COOKIE];
  if (!token) throw new AppError('invalid_token', 'Send the refresh token in the body or its cookie');
  return token;
}

/**
 * The app lock on a shared phone (decision 019). The lock screen holds no access token, so its
 * routes are reached with the session's refresh token (the httpOnly cookie in the web app), which
 * they check but do not spend.
 */
export function appLockRoutes(
  appLock: AppLockService,
  opts: { sessionDays: number },
): FastifyPluginAsyncTypebox {
  const maxAge = opts.sessionDays * 86_400;
  return async (app) => {
    app.post('/auth/lock', {
      config: { public: true },
      schema: {
        tags,
        summary: 'Lock this session now (quick exit): it asks for her PIN or password again',
        description: LOCKED_NOTE,
        body: RefreshBody,
        response: responses({ 204: NoContent }, [401, 429]),
      },
      handler: async (request, reply) => {
        await appLock.lock(refreshTokenOf(request), contextFor(request));
        return reply.code(204).send();
      },
    });

    app.post('/auth/unlock', {
      config: { public: true },
      schema: {
        tags,
        summary: 'Unlock this session with her PIN or password: a new token pair and her profile',
        description:
          `${LOCKED_NOTE} Wrong answers count on her account's guess budget as at sign-in ` +
          '(401 `invalid_credentials`, then 429 with Retry-After). The refresh token is spent and replaced.',
        body: UnlockBody,
        response: responses({ 200: SignedInSchema }, [401, 429]),
      },
      handler: async (request, reply) => {
        const { pin, password } = request.body;
        const signedIn = await appLock.unlock(
          { refreshToken: refreshTokenOf(request), pin, password },
          contextFor(request),
        );
        const refreshToken = deliver(request, reply, signedIn.refreshToken, maxAge);
        return { ...signedIn, refreshToken, tokenType: 'Bearer' as const };
      },
    });

    app.post('/auth/lock/sign-out', {
      config: { public: true },
      schema: {
        tags,
        summary: '"Not you? Sign out" from the lock screen: ends the session without its PIN',
        body: RefreshBody,
        response: responses({ 204: NoContent }, [401, 429]),
      },
      handler: async (request, reply) => {
        await appLock.signOut(refreshTokenOf(request), contextFor(request));
        reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        return reply.code(204).send();
      },
    });

    app.post('/auth/activity', {
      config: { bodyless: true, consentExempt: true },
      schema: {
        tags,
        security: [{ bearer: [] }],
        summary: 'She is still using the app (typing or reading): keeps the session from locking',
        description:
          'The web app sends it at most every 30 s while she touches the screen and makes no other ' +
          'request; the server writes her activity at most once a minute. ' +
          LOCKED_NOTE,
        response: responses({ 204: NoContent }, AUTHENTICATED),
      },
      handler: async (_request, reply) => reply.code(204).send(),
    });
  };
}
