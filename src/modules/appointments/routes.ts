import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, responses } from '../../platform/http/schemas.ts';
import {
  AppointmentListQuery,
  AppointmentListSchema,
  AppointmentSchema,
  BookBody,
  CancelBody,
  DeclineBody,
  NoteBody,
  RescheduleBody,
} from './schema.ts';
import type { AppointmentService } from './service.ts';

const tags = ['appointments'];
const security = [{ bearer: [] }];
const PROVIDER_ONLY =
  'Only the provider of the appointment; an unverified or suspended provider gets 403 provider_unverified, ' +
  'an appointment of another provider 404. Wrong state: 409 appointment_closed.';
const bothSides = { roles: ['adolescent' as const, 'parent' as const, 'provider' as const] };
const provider = { roles: ['provider' as const] };
const one = (description: string) => ({
  tags,
  security,
  params: IdParams,
  description,
});

export function appointmentRoutes(deps: { appointments: AppointmentService }): FastifyPluginAsyncTypebox {
  const { appointments } = deps;
  return async (app) => {
    app.post('/appointments', {
      config: { roles: ['adolescent', 'parent'] },
      schema: {
        tags,
        security,
        summary: 'Book one of a provider’s free slots (she for herself, or a parent she lets)',
        description:
          '`start` must be one of the free slots (GET /providers/{id}/slots): otherwise 409 slot_unavailable; ' +
          'taken meanwhile (another booking won the race): 409 slot_taken. A parent sends `forUserId` and may book ' +
          'only when she shares `appointments` with him or he is her consenting guardian (else 403 not_shared). ' +
          'Status starts as `requested` until the provider confirms.',
        body: BookBody,
        response: responses({ 201: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request, reply) =>
        reply.code(201).send(await appointments.book(principalOf(request), request.body, contextOf(request))),
    });

    app.get('/appointments', {
      config: { roles: ['adolescent', 'provider'] },
      schema: {
        tags,
        security,
        summary: 'My appointments (hers: all; a provider: the days asked for)',
        description:
          "A provider's list names each person by first name and is in her access log; unverified providers get 403 provider_unverified.",
        querystring: AppointmentListQuery,
        response: responses({ 200: AppointmentListSchema }, AUTHENTICATED),
      },
      handler: async (request) => {
        const actor = principalOf(request);
        return {
          appointments:
            actor.role === 'provider'
              ? await appointments.listForProvider(actor, request.query, contextOf(request))
              : await appointments.listMine(actor.userId),
        };
      },
    });

    app.get('/appointments/:id', {
      config: bothSides,
      schema: {
        ...one(
          "Hers, the booking parent's (while she lets him), or the provider's. The provider's answer has her first " +
            'name, reason and, only if she chose to share it, her cycle summary computed now; it is in her access log.',
        ),
        summary: 'One appointment',
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) =>
        appointments.get(principalOf(request), request.params.id, contextOf(request)),
    });

    app.post('/appointments/:id/cancel', {
      config: bothSides,
      schema: {
        ...one(
          'Her, the parent who booked, or the provider; up to APPOINTMENT_CHANGE_CUTOFF_MINUTES (default 120) before ' +
            'the start, else 409 change_too_late.',
        ),
        summary: 'Cancel an appointment (the body, with a reason, is optional)',
        body: CancelBody,
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      // The contract's cancel takes no body: a request without one is a cancel without a reason.
      preValidation: async (request) => {
        request.body ??= {};
      },
      handler: async (request) =>
        appointments.cancel(principalOf(request), request.params.id, request.body.reason, contextOf(request)),
    });

    app.post('/appointments/:id/reschedule', {
      config: bothSides,
      schema: {
        ...one(
          'Same people and cut-off as cancelling; the new time is checked like a booking (409 slot_unavailable / ' +
            'slot_taken). Moved by her or her parent it is `requested` again; moved by the provider, `confirmed`.',
        ),
        summary: 'Move an appointment to another free slot of the same provider',
        body: RescheduleBody,
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        appointments.reschedule(
          principalOf(request),
          request.params.id,
          request.body.start,
          contextOf(request),
        ),
    });

    app.post('/appointments/:id/confirm', {
      config: { ...provider, bodyless: true },
      schema: {
        ...one(PROVIDER_ONLY),
        summary: 'Confirm a requested appointment',
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        appointments.confirm(principalOf(request), request.params.id, contextOf(request)),
    });

    app.post('/appointments/:id/decline', {
      config: provider,
      schema: {
        ...one(PROVIDER_ONLY),
        summary: 'Decline a requested appointment, saying why',
        body: DeclineBody,
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        appointments.decline(
          principalOf(request),
          request.params.id,
          request.body.reason,
          contextOf(request),
        ),
    });

    app.post('/appointments/:id/complete', {
      config: { ...provider, bodyless: true },
      schema: {
        ...one(`${PROVIDER_ONLY} Not before the start.`),
        summary: 'Record that the appointment took place',
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        appointments.complete(principalOf(request), request.params.id, contextOf(request)),
    });

    app.post('/appointments/:id/no-show', {
      config: { ...provider, bodyless: true },
      schema: {
        ...one(`${PROVIDER_ONLY} Not before the start.`),
        summary: 'Record that she did not come',
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        appointments.noShow(principalOf(request), request.params.id, contextOf(request)),
    });

    app.put('/appointments/:id/note', {
      config: provider,
      schema: {
        ...one(
          `${PROVIDER_ONLY} Sealed under her key: she reads it, it is in her export, and it goes with her erasure.`,
        ),
        summary: 'Write (or replace) the visit note',
        body: NoteBody,
        response: responses({ 200: AppointmentSchema }, [...AUTHENTICATED, 404, 409]),
      },
      handler: async (request) =>
        appointments.setNote(principalOf(request), request.params.id, request.body.text, contextOf(request)),
    });
  };
}
