import { openCli } from './cli-context.ts';

// npm run retention:run — deletes what has passed its retention period now (the server also does this hourly).
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
