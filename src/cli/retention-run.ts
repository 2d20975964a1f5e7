import { openCli } from './cli-context.ts';

// npm run retention:run — deletes what has passed its retention period now, however recently the
// server's hourly job ran (it skips only while another instance is in the middle of a run).
const cli = await openCli();
try {
  const result = await cli.services.retention.run();
  console.log(
    result.ran
      ? `Retention done: ${JSON.stringify(result.purged)}`
      : 'Another instance is running the retention job.',
  );
} finally {
  await cli.close();
}
