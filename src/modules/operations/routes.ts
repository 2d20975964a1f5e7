import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AUTHENTICATED, responses } from '../../platform/http/schemas.ts';
import type { QueueState } from '../../platform/jobs/repo.ts';

const JobsSchema = Type.Object({
  queues: Type.Array(
    Type.Object({
      name: Type.String(),
      states: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
        description: 'Jobs by state: created, retry, active, completed, cancelled, failed',
      }),
    }),
    { description: 'Every queue, its dead-letter queue (`<name>-dead`) included' },
  ),
  schedules: Type.Array(
    Type.Object({
      name: Type.String(),
      cron: Type.String(),
      timezone: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

/** What admins see of the service's own machinery: the job queue (no personal data in it). */
export function operationsRoutes(deps: {
  jobs: { state(): Promise<QueueState> };
}): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get('/admin/jobs', {
      config: { roles: ['admin' as const] },
      schema: {
        tags: ['admin'],
        security: [{ bearer: [] }],
        summary: "The job queue: each queue's jobs by state (dead letters included) and the schedules",
        response: responses({ 200: JobsSchema }, AUTHENTICATED),
      },
      handler: async () => deps.jobs.state(),
    });
  };
}
