import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signedInContextOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, NoContent, responses } from '../../platform/http/schemas.ts';
import { AdminCreateUserBody, AdminUpdateUserBody, UserSchema } from '../users/schema.ts';
import type { AdminService } from './service.ts';

const tags = ['admin'];
const ReviewFlag = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(['guardian_many_children']),
  accountId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  count: Type.Integer({ description: 'e.g. how many children this guardian number consented for' }),
  createdAt: Type.String({ format: 'date-time' }),
});
const security = [{ bearer: [] }];
const config = { roles: ['admin' as const] };

export function adminRoutes(admin: AdminService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/admin/users', {
      config,
      schema: {
        tags,
        security,
        summary: 'Create an account of any role (providers, writers and admins are created only here)',
        body: AdminCreateUserBody,
        response: responses({ 201: UserSchema }, [...AUTHENTICATED, 409]),
      },
      handler: async (request, reply) =>
        reply.code(201).send(await admin.createAccount(request.body, signedInContextOf(request))),
    });

    app.get('/admin/review-flags', {
      config,
      schema: {
        tags,
        security,
        summary: 'Accounts an admin should look at (e.g. one guardian number consenting for many children)',
        response: responses({ 200: Type.Array(ReviewFlag) }, AUTHENTICATED),
      },
      handler: async () => admin.reviewFlags(),
    });

    app.get('/admin/users/:id', {
      config,
      schema: {
        tags,
        security,
        summary: "Read an account's profile (audited; the owner sees it in her access log)",
        params: IdParams,
        response: responses({ 200: UserSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => admin.getAccount(request.params.id, signedInContextOf(request)),
    });

    app.patch('/admin/users/:id', {
      config,
      schema: {
        tags,
        security,
        summary: "Change an account's role; its sessions end",
        params: IdParams,
        body: AdminUpdateUserBody,
        response: responses({ 200: UserSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        admin.changeRole(request.params.id, request.body.role, signedInContextOf(request)),
    });

    app.post('/admin/users/:id/deactivate', {
      config: { ...config, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'Deactivate an account: it can no longer sign in and its tokens stop working',
        params: IdParams,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await admin.deactivate(request.params.id, signedInContextOf(request));
        return reply.code(204).send();
      },
    });

    app.post('/admin/users/:id/activate', {
      config: { ...config, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'Re-activate a deactivated account',
        params: IdParams,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await admin.activate(request.params.id, signedInContextOf(request));
        return reply.code(204).send();
      },
    });
  };
}
