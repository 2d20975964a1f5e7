import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { contextOf } from '../../platform/http/access.ts';
import { responses } from '../../platform/http/schemas.ts';
import type { UssdService } from './service.ts';

// The code the simulated phone dials, as the gateway would report it.
const SERVICE_CODE = '*123#';

const SimulatorBody = Type.Object(
  {
    sessionId: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
    phoneNumber: Type.String({ minLength: 3, maxLength: 32 }),
    text: Type.String({ maxLength: 1000 }),
  },
  { additionalProperties: false },
);
const SimulatorScreen = Type.Object(
  {
    text: Type.String({ description: 'What the phone shows (without the CON/END prefix)' }),
    ended: Type.Boolean({ description: 'true when the session is over (END)' }),
  },
  { additionalProperties: false },
);

/**
 * The web app's USSD simulator (demos and training): the same menus as `*123#`, without the
 * gateway secret. Anyone who can reach it can act as any phone number, so it exists only when
 * USSD_SIMULATOR is on (the default outside production; `npm run doctor` fails it in production).
 * Its sessions are kept apart from the gateway's by a prefix on the session id.
 */
export function ussdSimulatorRoutes(deps: { ussd: UssdService }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/ussd-simulator', {
      config: { public: true },
      schema: {
        tags: ['ussd'],
        summary: 'One USSD hop from the web simulator (only when USSD_SIMULATOR is on)',
        body: SimulatorBody,
        response: responses({ 200: SimulatorScreen }, [429]),
      },
      handler: async (request) => {
        const { sessionId, phoneNumber, text } = request.body;
        const answer = await deps.ussd.handle(
          { sessionId: `simulator-${sessionId}`, phoneNumber, text, serviceCode: SERVICE_CODE },
          { ...contextOf(request), channel: 'ussd' },
        );
        return { text: answer.replace(/^(CON|END) ?/, ''), ended: answer.startsWith('END') };
      },
    });
  };
}
