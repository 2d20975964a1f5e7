import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export type QueueState = {
  queues: Array<{ name: string; states: Record<string, number> }>;
  schedules: Array<{ name: string; cron: string; timezone: string | null }>;
};

/** Reads of the job queue's tables (schema pgboss): what is waiting, running, done, failed, dead. */
export function createJobRepo(db: Db) {
  return {
    async state(): Promise<QueueState> {
      const [queues, counts, schedules] = await Promise.all([
        sql<{ name: string }>`SELECT name FROM pgboss.queue ORDER BY name`.execute(db),
        sql<{ name: string; state: string; n: number }>`
          SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`.execute(db),
        sql<{ name: string; cron: string; timezone: string | null }>`
          SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`.execute(db),
      ]);
      const states = new Map(queues.rows.map((q) => [q.name, {} as Record<string, number>]));
      for (const row of counts.rows) {
        const byState = states.get(row.name) ?? {};
        byState[row.state] = row.n;
        states.set(row.name, byState);
      }
      return {
        queues: [...states].map(([name, byState]) => ({ name, states: byState })),
        schedules: schedules.rows,
      };
    },
  };
}
