import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { responses } from './schemas.ts';

/** One source of truth: the route schemas become the OpenAPI document and the docs page. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: "Lady's Essence API",
        version: '1.0.0',
        description:
          'Menstrual-health service for young women and their parents. Errors are application/problem+json ' +
          '(RFC 9457) with a stable `code`, one of those the Problem schema enumerates: clients show their own ' +
          "text for the code in the user's language, filled from `params` where the code has them, and fall back " +
          "to the English `detail` only for a code they do not know. Dates are YYYY-MM-DD in the user's time zone; " +
          'instants are ISO 8601 UTC.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // The docs page loads nothing from elsewhere: no online validator badge, no https: wildcards.
    transformStaticCSP: (header) => header.replace(/ https:/g, '').replace(/ validator\.swagger\.io/g, ''),
    uiConfig: { deepLinking: false, validatorUrl: null },
  });

  app.get('/api/v1/openapi.json', {
    config: { public: true },
    schema: {
      tags: ['meta'],
      summary: 'This OpenAPI document',
      response: responses(
        { 200: Type.Object({ openapi: Type.String() }, { additionalProperties: true }) },
        [],
      ),
    },
    handler: async () => app.swagger(),
  });
}
