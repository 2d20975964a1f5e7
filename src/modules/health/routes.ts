import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/http/errors.ts';
import { responses } from '../../platform/http/schemas.ts';

const Status = Type.Object({ status: Type.String() });

/** Liveness (the process answers) and readiness (the database answers) for load balancers. */
export function healthRoutes(deps: { ping: () => Promise<boolean> }): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/health/live', {
      config: { public: true },
      schema: { tags: ['health'], summary: 'The process is up', response: responses({ 200: Status }, []) },
      handler: async () => ({ status: 'ok' }),
    });

    app.get('/health/ready', {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'The database is reachable',
        response: responses({ 200: Status }, [503]),
      },
      handler: async () => {
        if (!(await deps.ping())) throw new AppError('service_unavailable', 'The database is not reachable');
        return { status: 'ready' };
      },
    });
  };
}
