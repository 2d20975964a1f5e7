import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf, principalOf } from '../../platform/http/access.ts';
import { AUTHENTICATED, Language, NoContent, responses } from '../../platform/http/schemas.ts';
import { translate } from '../../platform/i18n/index.ts';
import { POLICY_KINDS } from '../consents/policies.ts';
import type { ConsentService } from '../consents/service.ts';
import type { PrivacyService } from './service.ts';

const tags = ['privacy'];
const security = [{ bearer: [] }];
const exempt = { consentExempt: true };

const ConsentStatusSchema = Type.Object({
  policies: Type.Array(
    Type.Object({
      kind: Type.String(),
      version: Type.String(),
      url: Type.String(),
      acceptedVersion: Type.Union([Type.String(), Type.Null()]),
      accepted: Type.Boolean(),
    }),
  ),
  purposes: Type.Array(
    Type.Object({
      purpose: Type.String(),
      granted: Type.Boolean(),
      since: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  guardian: Type.Object({
    required: Type.Boolean(),
    given: Type.Boolean(),
    at: Type.Union([Type.String(), Type.Null()]),
  }),
});

const ConsentChangesBody = Type.Object(
  {
    accept: Type.Optional(
      Type.Object(
        {
          terms: Type.Optional(Type.String({ maxLength: 32 })),
          privacy: Type.Optional(Type.String({ maxLength: 32 })),
        },
        {
          additionalProperties: false,
          description: 'Policy versions she accepts (must be the current ones)',
        },
      ),
    ),
    purposes: Type.Optional(
      Type.Object(
        { analytics: Type.Optional(Type.Boolean()) },
        { additionalProperties: false, description: 'Grant (true) or withdraw (false)' },
      ),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

const AccessLogSchema = Type.Object({
  entries: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      actor: Type.Object({
        role: Type.Union([Type.String(), Type.Null()]),
        label: Type.String({ description: '"you", or a role and a pseudonym' }),
        name: Type.Optional(
          Type.String({
            description:
              'Someone she already knows by name: an adult of one of her active care links, a health worker she booked',
          }),
        ),
      }),
      action: Type.String(),
      resource: Type.Union([Type.String(), Type.Null()]),
      outcome: Type.String(),
      channel: Type.String(),
    }),
  ),
});

export function privacyRoutes(deps: {
  privacy: PrivacyService;
  consents: ConsentService;
}): FastifyPluginAsyncTypebox {
  const { privacy, consents } = deps;
  return async (app) => {
    app.get('/policies', {
      config: { public: true },
      schema: {
        tags,
        summary: 'The terms and privacy notice in force, with their versions',
        querystring: Type.Object({ language: Type.Optional(Language) }, { additionalProperties: false }),
        response: responses(
          {
            200: Type.Object({
              guardianConsentAge: Type.Integer({
                description:
                  "Below this age (counted from the year of birth, as the youngest she can be) a young woman's account keeps no health data until a parent or guardian consents",
              }),
              policies: Type.Array(
                Type.Object({
                  kind: Type.String(),
                  version: Type.String(),
                  url: Type.String(),
                  summary: Type.String(),
                }),
              ),
            }),
          },
          [],
        ),
      },
      handler: async (request) => ({
        guardianConsentAge: consents.guardianConsentAge,
        policies: POLICY_KINDS.map((kind) => {
          const p = consents.policies[kind];
          return {
            kind,
            version: p.version,
            url: p.url,
            summary: translate(request.query.language ?? 'en', p.summaryKey),
          };
        }),
      }),
    });

    app.get('/me/consents', {
      config: exempt,
      schema: {
        tags,
        security,
        summary: 'My consents: policies accepted, purposes granted, guardian consent',
        response: responses({ 200: ConsentStatusSchema }, AUTHENTICATED),
      },
      handler: async (request) => consents.status(principalOf(request).userId),
    });

    app.put('/me/consents', {
      config: exempt,
      schema: {
        tags,
        security,
        summary:
          'Accept the current policies, or grant and withdraw purposes (each change is recorded and audited)',
        body: ConsentChangesBody,
        response: responses({ 200: ConsentStatusSchema }, [...AUTHENTICATED, 409]),
      },
      handler: async (request) =>
        consents.update(principalOf(request).userId, request.body, contextOf(request)),
    });

    app.post('/me/guardian-code', {
      config: { ...exempt, roles: ['adolescent'], bodyless: true },
      schema: {
        tags,
        security,
        summary:
          'A one-time code for her parent or guardian to give consent (accounts under the consent age)',
        response: responses(
          { 201: Type.Object({ code: Type.String(), expiresAt: Type.String({ format: 'date-time' }) }) },
          [...AUTHENTICATED, 409],
        ),
      },
      handler: async (request, reply) =>
        reply
          .code(201)
          .send(await consents.issueGuardianCode(principalOf(request).userId, contextOf(request))),
    });

    app.post('/guardian/consent', {
      config: { roles: ['parent'] },
      schema: {
        tags,
        security,
        summary:
          "A guardian gives consent for a young person's account with the code she shared; they are then linked (care network) with her prediction and flags only",
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{8}$' }) }, { additionalProperties: false }),
        response: responses({ 204: NoContent }, [...AUTHENTICATED, 404]),
      },
      handler: async (request, reply) => {
        await consents.redeemGuardianCode(principalOf(request).userId, request.body.code, contextOf(request));
        return reply.code(204).send();
      },
    });

    app.get('/me/access-log', {
      config: exempt,
      schema: {
        tags,
        security,
        summary: 'Who read or changed my data, when and how (newest first)',
        response: responses({ 200: AccessLogSchema }, AUTHENTICATED),
      },
      handler: async (request) => ({ entries: await privacy.accessLog(principalOf(request).userId) }),
    });

    app.get('/me/export', {
      config: exempt,
      schema: {
        tags,
        security,
        summary: 'All my data: JSON, or ?format=csv for a zip of CSV files (5 an hour)',
        querystring: Type.Object(
          { format: Type.Optional(Type.Enum(['json', 'csv'])) },
          { additionalProperties: false },
        ),
        response: responses(
          {
            200: Type.Object(
              {},
              { additionalProperties: true, description: 'JSON export or application/zip' },
            ),
          },
          AUTHENTICATED,
        ),
      },
      handler: async (request, reply) => {
        const format = request.query.format ?? 'json';
        const data = await privacy.export(principalOf(request).userId, format, contextOf(request));
        if (data instanceof Uint8Array) {
          return reply
            .type('application/zip')
            .header('content-disposition', 'attachment; filename="ladys-essence-export.zip"')
            .serializer((payload: unknown) => payload as string)
            .send(Buffer.from(data));
        }
        return reply
          .header('content-disposition', 'attachment; filename="ladys-essence-export.json"')
          .send(data);
      },
    });
  };
}
