import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, IdParams, responses } from '../../platform/http/schemas.ts';
import type { SlotService } from '../appointments/slot-service.ts';
import { contextFor, deliver } from '../auth/routes.ts';
import { SignedInSchema } from '../auth/schema.ts';
import {
  AvailabilitySchema,
  DateRangeQuery,
  DirectoryEntrySchema,
  DirectoryQuery,
  DistrictSlotsQuery,
  DistrictSlotsSchema,
  DistrictsSchema,
  ProfileBody,
  ProviderProfileSchema,
  ProviderRegisterBody,
  ProviderSlotsSchema,
} from './schema.ts';
import type { ProviderServiceApi } from './service.ts';

const tags = ['providers'];
const security = [{ bearer: [] }];
const own = { roles: ['provider' as const] };

export function providerRoutes(
  deps: { providers: ProviderServiceApi; slots: SlotService },
  opts: { sessionDays: number },
): FastifyPluginAsyncTypebox {
  const { providers, slots } = deps;
  return async (app) => {
    app.post('/providers/register', {
      config: { public: true },
      schema: {
        tags,
        summary: "Register as a health provider (waits for an admin's verification) and sign in",
        description:
          'The profile is `pending` until an admin verifies the licence; with a valid `invitationCode` from an ' +
          'admin it is `verified` at once (a wrong, used or expired code: 400 invalid_code, nothing is created). ' +
          'Until verified the provider may edit the profile and hours but sees no patient (403 provider_unverified).',
        body: ProviderRegisterBody,
        response: responses(
          { 201: Type.Object({ ...SignedInSchema.properties, provider: ProviderProfileSchema }) },
          [409, 429],
        ),
      },
      handler: async (request, reply) => {
        const signedIn = await providers.register(request.body, contextFor(request));
        const refreshToken = deliver(request, reply, signedIn.refreshToken, opts.sessionDays * 86_400);
        return reply.code(201).send({ ...signedIn, refreshToken, tokenType: 'Bearer' as const });
      },
    });

    app.get('/providers/districts', {
      schema: {
        tags,
        security,
        summary: "Rwanda's 30 districts, in the order every channel lists them",
        response: responses({ 200: DistrictsSchema }, AUTHENTICATED),
      },
      handler: async () => ({ districts: providers.districts() }),
    });

    app.get('/providers', {
      schema: {
        tags,
        security,
        summary: 'Verified health providers, by district, language and service',
        querystring: DirectoryQuery,
        response: responses(
          { 200: Type.Object({ providers: Type.Array(DirectoryEntrySchema) }) },
          AUTHENTICATED,
        ),
      },
      handler: async (request) => ({
        providers: await providers.directory(request.query, contextOf(request)),
      }),
    });

    app.get('/providers/slots', {
      schema: {
        tags,
        security,
        summary: "The earliest free slots across a district's verified providers",
        description:
          "Dates are each provider's local dates (default today in Kigali and the 14 days after; at most 62 days).",
        querystring: DistrictSlotsQuery,
        response: responses({ 200: DistrictSlotsSchema }, AUTHENTICATED),
      },
      handler: async (request) => ({ slots: await slots.districtSlots(request.query, contextOf(request)) }),
    });

    app.get('/providers/:id/slots', {
      schema: {
        tags,
        security,
        summary: "A verified provider's free slots (computed now; 404 for anyone not verified)",
        params: IdParams,
        querystring: DateRangeQuery,
        response: responses({ 200: ProviderSlotsSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => slots.providerSlots(request.params.id, request.query, contextOf(request)),
    });

    app.get('/providers/:id', {
      schema: {
        tags,
        security,
        summary: "A verified provider's directory entry (404 for anyone not verified)",
        params: IdParams,
        response: responses({ 200: DirectoryEntrySchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => providers.entry(request.params.id, contextOf(request)),
    });

    app.get('/providers/me', {
      config: own,
      schema: {
        tags,
        security,
        summary: 'My provider profile and its status (pending, verified, rejected, suspended)',
        response: responses({ 200: ProviderProfileSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => providers.me(principalOf(request).userId, contextOf(request)),
    });

    app.put('/providers/me', {
      config: own,
      schema: {
        tags,
        security,
        summary: 'Change my directory entry (name shown, facility, district, languages, services)',
        body: ProfileBody,
        response: responses({ 200: ProviderProfileSchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) =>
        providers.updateMe(principalOf(request).userId, request.body, contextOf(request)),
    });

    app.get('/providers/me/availability', {
      config: own,
      schema: {
        tags,
        security,
        summary: 'My weekly hours, days off, slot length and time zone',
        response: responses({ 200: AvailabilitySchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) => providers.availability(principalOf(request).userId, contextOf(request)),
    });

    app.put('/providers/me/availability', {
      config: own,
      schema: {
        tags,
        security,
        summary: 'Replace my weekly hours, days off, slot length (15–60 minutes) and time zone',
        description: 'Appointments already booked keep their times; no new one may overlap them.',
        body: AvailabilitySchema,
        response: responses({ 200: AvailabilitySchema }, [...AUTHENTICATED, 404]),
      },
      handler: async (request) =>
        providers.setAvailability(principalOf(request).userId, request.body, contextOf(request)),
    });
  };
}
