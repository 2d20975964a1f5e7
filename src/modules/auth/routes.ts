import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, NoContent, responses } from '../../platform/http/schemas.ts';
import { LoginBody, RefreshBody, RegisterBody, SignedInSchema, TokenPairSchema } from './schema.ts';
import type { AuthService } from './service.ts';

export function authRoutes(auth: AuthService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/auth/register', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: "Create a young woman's or a parent's account and sign in",
        body: RegisterBody,
        response: responses({ 201: SignedInSchema }, [409, 429]),
      },
      handler: async (request, reply) => {
        const signedIn = await auth.register(request.body, contextOf(request));
        return reply.code(201).send({ ...signedIn, tokenType: 'Bearer' as const });
      },
    });

    app.post('/auth/login', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with a phone number or email and a password or PIN',
        description:
          'Every failure gets the same 401; repeated failures are delayed, then locked (429 + Retry-After).',
        body: LoginBody,
        response: responses({ 200: SignedInSchema }, [401, 429]),
      },
      handler: async (request) => ({
        ...(await auth.login(request.body, contextOf(request))),
        tokenType: 'Bearer' as const,
      }),
    });

    app.post('/auth/refresh', {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary: 'Exchange a refresh token for a new token pair (the old refresh token is spent)',
        description: 'Presenting a spent refresh token ends its session.',
        body: RefreshBody,
        response: responses({ 200: TokenPairSchema }, [401, 429]),
      },
      handler: async (request) => ({
        ...(await auth.refresh(request.body.refreshToken, contextOf(request))),
        tokenType: 'Bearer' as const,
      }),
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
        await auth.logout(principalOf(request), contextOf(request));
        return reply.code(204).send();
      },
    });
  };
}
