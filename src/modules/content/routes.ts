import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { signedInContextOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, responses } from '../../platform/http/schemas.ts';
import {
  ApproveBody,
  DraftBody,
  DraftChangesBody,
  LibraryEntrySchema,
  LibraryItemSchema,
  LibraryQuery,
  ReadQuery,
  RejectBody,
  ReviewQuery,
  SlugParams,
  VersionSchema,
} from './schema.ts';
import type { ContentService } from './service.ts';

const tags = ['content'];
const security = [{ bearer: [] }];
const writers = { roles: ['writer' as const, 'admin' as const] };
const admins = { roles: ['admin' as const] };
const Versions = Type.Object({ versions: Type.Array(VersionSchema) });

/** The education library: public reading, writers' drafts, admins' review (docs/content.md). */
export function contentRoutes(content: ContentService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/content', {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Published articles and tips in a language (default English), by category, or found by words',
        querystring: LibraryQuery,
        response: responses({ 200: Type.Object({ items: Type.Array(LibraryEntrySchema) }) }, []),
      },
      handler: async (request) => ({
        items: await content.list({ ...request.query, lang: request.query.lang ?? 'en' }),
      }),
    });

    app.get('/content/drafts', {
      config: writers,
      schema: {
        tags,
        security,
        summary: 'My texts, every version and status, newest first',
        response: responses({ 200: Versions }, AUTHENTICATED),
      },
      handler: async (request) => ({ versions: await content.mine(signedInContextOf(request)) }),
    });

    app.post('/content/drafts', {
      config: writers,
      schema: {
        tags,
        security,
        summary: 'Start a text: a new item, or a translation or new version of an existing key',
        body: DraftBody,
        response: responses({ 201: VersionSchema }, [...AUTHENTICATED, 409]),
      },
      handler: async (request, reply) =>
        reply.code(201).send(
          await content.createDraft(signedInContextOf(request), {
            ...request.body,
            summary: request.body.summary ?? '',
          }),
        ),
    });

    app.get('/content/drafts/:id', {
      config: writers,
      schema: {
        tags,
        security,
        summary: 'One of my texts',
        params: IdParams,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => content.draft(signedInContextOf(request), request.params.id),
    });

    app.put('/content/drafts/:id', {
      config: writers,
      schema: {
        tags,
        security,
        summary: 'Change my draft (a text sent back becomes a draft again); 409 once submitted',
        params: IdParams,
        body: DraftChangesBody,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        content.updateDraft(signedInContextOf(request), request.params.id, request.body),
    });

    app.post('/content/drafts/:id/submit', {
      config: { ...writers, bodyless: true },
      schema: {
        tags,
        security,
        summary: 'Send my draft for review (400 content_not_ready names each problem to fix)',
        params: IdParams,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) => content.submit(signedInContextOf(request), request.params.id),
    });

    app.get('/content/:slug', {
      config: { public: true },
      schema: {
        tags,
        summary: 'A published article or tip in a language (default English), as safe blocks',
        params: SlugParams,
        querystring: ReadQuery,
        response: responses({ 200: LibraryItemSchema }, [404]),
      },
      handler: async (request) => content.read(request.params.slug, request.query.lang ?? 'en'),
    });

    app.get('/admin/content', {
      config: admins,
      schema: {
        tags: ['admin'],
        security,
        summary:
          'Texts to review (default: submitted), or by status; `review=pending` lists texts no expert has checked',
        querystring: ReviewQuery,
        response: responses({ 200: Versions }, AUTHENTICATED),
      },
      handler: async (request) => ({ versions: await content.queue(request.query) }),
    });

    app.post('/admin/content/:id/approve', {
      config: admins,
      schema: {
        tags: ['admin'],
        security,
        summary: 'Publish a submitted text (it replaces the one readers saw); never by its own writer',
        params: IdParams,
        body: ApproveBody,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404, 409]),
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
      handler: async (request) =>
        content.approve(signedInContextOf(request), request.params.id, request.body.comment),
    });

    app.post('/admin/content/:id/reject', {
      config: admins,
      schema: {
        tags: ['admin'],
        security,
        summary: 'Send a submitted text back to its writer with what to change',
        params: IdParams,
        body: RejectBody,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        content.reject(signedInContextOf(request), request.params.id, request.body.comment),
    });

    app.post('/admin/content/:id/unpublish', {
      config: { ...admins, bodyless: true },
      schema: {
        tags: ['admin'],
        security,
        summary: 'Take a published text down (readers no longer see it)',
        params: IdParams,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) => content.unpublish(signedInContextOf(request), request.params.id),
    });

    app.post('/admin/content/:id/reviewed', {
      config: { ...admins, bodyless: true },
      schema: {
        tags: ['admin'],
        security,
        summary: 'Record that a health professional and a native speaker checked this text',
        params: IdParams,
        response: responses({ 200: VersionSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => content.markReviewed(signedInContextOf(request), request.params.id),
    });
  };
}
