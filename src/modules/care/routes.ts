import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, NoContent, responses } from '../../platform/http/schemas.ts';
import {
  ChildParams,
  ChildPartParams,
  ChildPartSchema,
  ChildSummarySchema,
  ChildViewSchema,
  CodeSchema,
  EnterCodeBody,
  EnteredSchema,
  LinkSchema,
  SharingBody,
} from './schema.ts';
import type { CareService } from './service.ts';

const tags = ['care'];
const security = [{ bearer: [] }];
// A link joins a young woman and a parent or guardian; providers see her through appointments.
const linked = { roles: ['adolescent' as const, 'parent' as const] };
const adults = { roles: ['parent' as const] };

export function careRoutes(deps: { care: CareService }): FastifyPluginAsyncTypebox {
  const { care } = deps;
  return async (app) => {
    app.post('/care/link-codes', {
      config: { ...linked, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'A one-time code to read out to your daughter or parent (8 digits, 24 hours, used once)',
        description: 'Making a fourth code expires the oldest of your three live ones.',
        response: responses({ 201: CodeSchema }, AUTHENTICATED),
      },
      handler: async (request, reply) =>
        reply.code(201).send(await care.createCode(principalOf(request).userId, contextOf(request))),
    });

    app.post('/care/links', {
      config: linked,
      schema: {
        tags,
        security,
        summary: 'Enter the code the other person read out: a pending link their confirmation makes active',
        description:
          'A young woman enters a parent’s code and a parent a young woman’s. A wrong, expired, used or own code ' +
          'is 400 invalid_code, whichever it was; wrong codes are limited per account (429 with Retry-After) and ' +
          'per address. 409 already_linked when the two are linked already.',
        body: EnterCodeBody,
        response: responses({ 201: EnteredSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request, reply) => {
        const link = await care.enterCode(principalOf(request).userId, request.body.code, contextOf(request));
        return reply.code(201).send({ id: link.id, status: 'pending' as const });
      },
    });

    app.get('/care/links', {
      config: linked,
      schema: {
        tags,
        security,
        summary: 'My links: who is linked, pending or active, and what they see',
        response: responses({ 200: Type.Object({ links: Type.Array(LinkSchema) }) }, AUTHENTICATED),
      },
      handler: async (request) => ({ links: await care.listLinks(principalOf(request).userId) }),
    });

    app.post('/care/links/:id/confirm', {
      config: { ...linked, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'The code’s maker confirms the person who entered it: the link becomes active',
        description: 'Only the person the link waits for (403 for the other one).',
        params: IdParams,
        response: responses({ 200: LinkSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) =>
        care.confirm(principalOf(request).userId, request.params.id, contextOf(request)),
    });

    app.put('/care/links/:id/sharing', {
      config: { roles: ['adolescent'] },
      schema: {
        tags,
        security,
        summary: 'What this adult sees of my data, from the next request on (only she may change it)',
        description:
          'Each change is a consent record and in her access log. Under the consent age the guardian who ' +
          'consented keeps prediction and flags (409 guardian_link_fixed).',
        params: IdParams,
        body: SharingBody,
        response: responses({ 200: LinkSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        care.setSharing(
          principalOf(request).userId,
          request.params.id,
          request.body.scopes,
          contextOf(request),
        ),
    });

    app.delete('/care/links/:id', {
      config: linked,
      schema: {
        tags,
        security,
        summary: 'End a link, or refuse a pending one (either of the two)',
        description:
          'Under the consent age she cannot remove the guardian who consented (409 guardian_link_fixed); he can.',
        params: IdParams,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request, reply) => {
        await care.unlink(principalOf(request).userId, request.params.id, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.get('/care/children', {
      config: adults,
      schema: {
        tags,
        security,
        summary: 'The young women who share something with me (active links)',
        response: responses(
          { 200: Type.Object({ children: Type.Array(ChildSummarySchema) }) },
          AUTHENTICATED,
        ),
      },
      handler: async (request) => ({
        children: await care.children(principalOf(request).userId, contextOf(request)),
      }),
    });

    app.get('/care/children/:id', {
      config: adults,
      schema: {
        tags,
        security,
        summary: 'What she shares with me, each part present only if she shares it (noted in her access log)',
        description: 'Not linked, or not confirmed yet: 404.',
        params: ChildParams,
        response: responses({ 200: ChildViewSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) =>
        care.childView(principalOf(request).userId, request.params.id, 'all', contextOf(request)),
    });

    app.get('/care/children/:id/:part', {
      config: adults,
      schema: {
        tags,
        security,
        summary: 'One part of what she shares, under its own name (noted in her access log)',
        description: 'A part she does not share: 403 not_shared. Not linked, or not confirmed yet: 404.',
        params: ChildPartParams,
        response: responses({ 200: ChildPartSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => {
        const { id, part } = request.params;
        const view = await care.childView(principalOf(request).userId, id, part, contextOf(request));
        return { [part]: view[part] };
      },
    });
  };
}
