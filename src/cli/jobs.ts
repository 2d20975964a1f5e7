import { createJobRepo } from '../platform/jobs/repo.ts';
import { openCli } from './cli-context.ts';

// npm run jobs — the job queue as it stands: each queue's jobs by state (a dead-letter queue is
// `<name>-dead`) and the schedules. The same as GET /api/v1/admin/jobs. On the embedded database
// it needs the server stopped (one process per data directory); on PostgreSQL it runs beside it.
const cli = await openCli();
try {
  const state = await createJobRepo(cli.database.db).state();
  for (const queue of state.queues) {
    const states = Object.entries(queue.states)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    console.log(`${queue.name.padEnd(24)} ${states || 'empty'}`);
  }
  for (const schedule of state.schedules)
    console.log(`schedule: ${schedule.name} at "${schedule.cron}" (${schedule.timezone ?? 'UTC'})`);
} finally {
  await cli.close();
}
