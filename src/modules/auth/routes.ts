import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { AUTHENTICATED, NoContent, responses } from '../../platform/http/schemas.ts';
import type { RequestContext } from '../../platform/request-context.ts';
import { CompleteRecoveryBody, RecoveryStarted, StartRecoveryBody } from '../verification/schema.ts';
import type { VerificationService } from '../verification/service.ts';
import { LoginBody, RefreshBody, RegisterBody, SignedInSchema } from './schema.ts';
import type { AuthService } from './service.ts';

/**
 * The web app asks for cookie mode (`X-Session-Mode: cookie`): its refresh token then travels only
 * in an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth, never readable by scripts, and the
 * JSON answer carries an empty `refreshToken`. Other clients keep the token in the body.
 */
export const REFRESH_COOKIE = 'le_refresh';
export const COOKIE_PATH = '/api/v1/auth';

const cookieMode = (request: FastifyRequest) => request.headers['x-session-mode'] === 'cookie';

export function contextFor(request: FastifyRequest): RequestContext {
  return { ...contextOf(request), channel: cookieMode(request) ? 'web' : 'api' };
}

/** Puts the refresh token where the client asked for it; returns what the JSON body carries. */
export function deliver(
  request: FastifyRequest,
  reply: FastifyReply,
  refreshToken: string,
  maxAgeSeconds: number,
): string {
  if (!cookieMode(request)) return refreshToken;
  reply.setCookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    maxAge: maxAgeSeconds,
  });
  return '';
}

export function authRoutes(
  auth: AuthService,
  verification: VerificationService,
  opts: {
    sessionDays: number;
    /** Remembers the browser of a web sign-in (guardian recovery starts only from one of hers). */
    rememberDevice?: (request: FastifyRequest, reply: FastifyReply, userId: string) => Promise<void>;
  },
): FastifyPluginAsyncTypebox {
  const maxAge = opts.sessionDays * 86_400;
  return async (app) => {
    app.post('/auth/register', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: "Create a young woman's or a parent's account and sign in",
        description:
          'Under the guardian-consent age (GET /policies, `guardianConsentAge`) no health data of a young woman ' +
          '(`role: adolescent`) is kept until a parent or guardian consents (POST /me/guardian-code). Age is counted ' +
          'from `birthYear` alone as the youngest she can be; without `birthYear` she counts as under that age ' +
          '(GET /me/consents then answers `guardian.required: true`), so clients should ask for it.',
        body: RegisterBody,
        response: responses({ 201: SignedInSchema }, [409, 429]),
      },
      handler: async (request, reply) => {
        const signedIn = await auth.register(request.body, contextFor(request));
        const refreshToken = deliver(request, reply, signedIn.refreshToken, maxAge);
        await opts.rememberDevice?.(request, reply, signedIn.user.id);
        return reply.code(201).send({ ...signedIn, refreshToken, tokenType: 'Bearer' as const });
      },
    });

    app.post('/auth/login', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with a phone number or email and a password or PIN',
        description:
          'Every failure gets the same 401; repeated failures are delayed, then locked (429 + Retry-After). ' +
          'Send `X-Session-Mode: cookie` to receive the refresh token as an httpOnly cookie instead.',
        body: LoginBody,
        response: responses({ 200: SignedInSchema }, [401, 429]),
      },
      handler: async (request, reply) => {
        const signedIn = await auth.login(request.body, contextFor(request));
        const refreshToken = deliver(request, reply, signedIn.refreshToken, maxAge);
        await opts.rememberDevice?.(request, reply, signedIn.user.id);
        return { ...signedIn, refreshToken, tokenType: 'Bearer' as const };
      },
    });

    app.post('/auth/refresh', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary:
          'Exchange a refresh token for a new token pair and her profile (the old refresh token is spent)',
        description:
          'The token comes in the body, or (cookie mode) in the httpOnly cookie. Presenting a spent refresh token ends its session.',
        body: RefreshBody,
        response: responses({ 200: SignedInSchema }, [401, 429]),
      },
      handler: async (request, reply) => {
        const token = request.body.refreshToken ?? request.cookies[REFRESH_COOKIE];
        if (!token) throw new AppError('invalid_token', 'Send the refresh token in the body or its cookie');
        const pair = await auth.refresh(token, contextFor(request));
        const refreshToken = deliver(request, reply, pair.refreshToken, maxAge);
        return { ...pair, refreshToken, tokenType: 'Bearer' as const };
      },
    });

    app.post('/auth/recovery', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Forgot my PIN or password: text a code to my verified phone number',
        description:
          'Always answers 202 the same way, whether or not the number has an account. The code lives 15 minutes.',
        body: StartRecoveryBody,
        response: responses({ 202: RecoveryStarted }, [429]),
      },
      handler: async (request, reply) => {
        await verification.startRecovery(request.body.phone, contextFor(request));
        return reply.code(202).send({
          message: 'If this number has an account, a code is on its way by SMS. It works for 15 minutes.',
        });
      },
    });

    app.post('/auth/recovery/complete', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Enter the code and a new PIN or password: every other session ends, this one starts',
        body: CompleteRecoveryBody,
        response: responses({ 200: SignedInSchema }, [429]),
      },
      handler: async (request, reply) => {
        const signedIn = await verification.completeRecovery(request.body, contextFor(request));
        const refreshToken = deliver(request, reply, signedIn.refreshToken, maxAge);
        await opts.rememberDevice?.(request, reply, signedIn.user.id);
        return { ...signedIn, refreshToken, tokenType: 'Bearer' as const };
      },
    });

    app.post('/auth/logout', {
      config: { bodyless: true, consentExempt: true },
      schema: {
        tags: ['accounts'],
        summary: 'End this session; its access token stops working at once',
        security: [{ bearer: [] }],
        response: responses({ 204: NoContent }, AUTHENTICATED),
      },
      handler: async (request, reply) => {
        await auth.logout(principalOf(request), contextFor(request));
        reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
        return reply.code(204).send();
      },
    });
  };
}
