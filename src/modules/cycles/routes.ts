import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, NoContent, responses } from '../../platform/http/schemas.ts';
import type { CycleInsights } from './insights.ts';
import {
  CalendarSchema,
  DateParams,
  DayBody,
  DaySchema,
  MonthQuery,
  PeriodBody,
  PeriodPatch,
  PeriodSchema,
  PredictionSchema,
  RangeQuery,
  StatsSchema,
} from './schema.ts';
import type { CycleService } from './service.ts';

const tags = ['cycles'];
const security = [{ bearer: [] }];
// Cycle tracking is the young woman's own; others will see it only through her consent.
const config = { roles: ['adolescent' as const] };

export function cycleRoutes(deps: {
  cycles: CycleService;
  insights: CycleInsights;
}): FastifyPluginAsyncTypebox {
  const { cycles, insights } = deps;
  return async (app) => {
    app.post('/cycles/periods', {
      config,
      schema: {
        tags,
        security,
        summary: 'Log a period (start today by default; end may stay open while it lasts)',
        description:
          'Refused: a start or end in the future (400 date_in_future), an end before the start (400), an overlap ' +
          'with another period (409 period_overlap; a period without an end counts as lasting 10 days, never ' +
          'past today). A period over 10 days or a start within 18 days of another answers 422 ' +
          'confirmation_required: send again with confirm: true if it is right. Problems carry `params` for a ' +
          'translated message. Idempotent: the same start sent again (a double tap, an offline replay) with ' +
          'nothing that differs from the stored period answers 200 with that period and stores nothing.',
        body: PeriodBody,
        // 200: that start was already logged (a repeat): the stored period, unchanged.
        response: responses({ 201: PeriodSchema, 200: PeriodSchema }, [...AUTHENTICATED, 409, 422]),
      },
      handler: async (request, reply) => {
        const saved = await cycles.createPeriod(
          principalOf(request).userId,
          request.body,
          contextOf(request),
        );
        return reply.code(saved.created ? 201 : 200).send(saved.period);
      },
    });

    app.get('/cycles/periods', {
      config,
      schema: {
        tags,
        security,
        summary: 'My periods, newest first',
        response: responses({ 200: Type.Object({ periods: Type.Array(PeriodSchema) }) }, AUTHENTICATED),
      },
      handler: async (request) => ({
        periods: await cycles.listPeriods(principalOf(request).userId, contextOf(request)),
      }),
    });

    app.patch('/cycles/periods/:id', {
      config,
      schema: {
        tags,
        security,
        summary: 'Change a period (for example, log its end)',
        params: IdParams,
        body: PeriodPatch,
        response: responses({ 200: PeriodSchema }, [...AUTHENTICATED, 404, 409, 422]),
      },
      handler: async (request) =>
        cycles.updatePeriod(principalOf(request).userId, request.params.id, request.body, contextOf(request)),
    });

    app.delete('/cycles/periods/:id', {
      config,
      schema: {
        tags,
        security,
        summary: 'Delete a period',
        params: IdParams,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await cycles.deletePeriod(principalOf(request).userId, request.params.id, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.put('/cycles/days/:date', {
      config,
      schema: {
        tags,
        security,
        summary: "Log how a day went (replaces that day's log)",
        params: DateParams,
        body: DayBody,
        response: responses({ 200: DaySchema }, AUTHENTICATED),
      },
      handler: async (request) =>
        cycles.logDay(principalOf(request).userId, request.params.date, request.body, contextOf(request)),
    });

    app.delete('/cycles/days/:date', {
      config,
      schema: {
        tags,
        security,
        summary: "Delete a day's log",
        params: DateParams,
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await cycles.deleteDay(principalOf(request).userId, request.params.date, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.get('/cycles/days', {
      config,
      schema: {
        tags,
        security,
        summary: 'My daily logs between two dates (inclusive, at most 366 days)',
        querystring: RangeQuery,
        response: responses({ 200: Type.Object({ days: Type.Array(DaySchema) }) }, AUTHENTICATED),
      },
      handler: async (request) => ({
        days: await cycles.listDays(
          principalOf(request).userId,
          request.query.from,
          request.query.to,
          contextOf(request),
        ),
      }),
    });

    app.get('/cycles/prediction', {
      config,
      schema: {
        tags,
        security,
        summary: 'Next period (with an honest window), ovulation, fertile window, phase and flags',
        response: responses({ 200: PredictionSchema }, AUTHENTICATED),
      },
      handler: async (request) => insights.prediction(principalOf(request).userId, contextOf(request)),
    });

    app.get('/cycles/calendar', {
      config,
      schema: {
        tags,
        security,
        summary: 'One month, each day with its phase and what is logged or predicted',
        querystring: MonthQuery,
        response: responses({ 200: CalendarSchema }, AUTHENTICATED),
      },
      handler: async (request) =>
        insights.calendar(principalOf(request).userId, request.query.month, contextOf(request)),
    });

    app.get('/cycles/stats', {
      config,
      schema: {
        tags,
        security,
        summary: 'Averages, variability, cycle-length history, symptom frequencies and flags explained',
        response: responses({ 200: StatsSchema }, AUTHENTICATED),
      },
      handler: async (request) => insights.stats(principalOf(request).userId, contextOf(request)),
    });
  };
}
