import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signedInContextOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, responses } from '../../platform/http/schemas.ts';
import type { ProviderAdminService } from './admin-service.ts';
import { AdminProviderSchema, AdminProvidersQuery, InvitationSchema, ReviewBody } from './schema.ts';

const tags = ['admin'];
const security = [{ bearer: [] }];
const config = { roles: ['admin' as const] };

/** Admins' provider routes (beside src/modules/admin/routes.ts; the same role rule). */
export function providerAdminRoutes(admin: ProviderAdminService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/admin/provider-invitations', {
      config: { ...config, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'A one-time code (7 days) whoever registers with is a verified provider at once',
        response: responses({ 201: InvitationSchema }, AUTHENTICATED),
      },
      handler: async (request, reply) =>
        reply.code(201).send(await admin.createInvitation(signedInContextOf(request))),
    });

    app.get('/admin/providers', {
      config,
      schema: {
        tags,
        security,
        summary: 'Providers to review, newest first, with licence numbers (each read audited)',
        querystring: AdminProvidersQuery,
        response: responses(
          { 200: Type.Object({ providers: Type.Array(AdminProviderSchema) }) },
          AUTHENTICATED,
        ),
      },
      handler: async (request) => ({
        providers: await admin.list(request.query.status, signedInContextOf(request)),
      }),
    });

    app.post('/admin/providers/:id/verify', {
      config: { ...config, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'Verify a provider: listed, bookable, and able to see the people who book',
        params: IdParams,
        response: responses({ 200: AdminProviderSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) => admin.verify(request.params.id, signedInContextOf(request)),
    });

    app.post('/admin/providers/:id/reject', {
      config,
      schema: {
        tags,
        security,
        summary: 'Reject a pending provider (the reason is shown to the provider)',
        params: IdParams,
        body: ReviewBody,
        response: responses({ 200: AdminProviderSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        admin.reject(request.params.id, request.body.reason, signedInContextOf(request)),
    });

    app.post('/admin/providers/:id/suspend', {
      config: { ...config, bodyless: true },
      schema: {
        tags,
        security,
        summary:
          'Suspend a provider: out of the directory, and no access to any patient until verified again',
        params: IdParams,
        response: responses({ 200: AdminProviderSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) => admin.suspend(request.params.id, signedInContextOf(request)),
    });
  };
}
