import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openTestDatabase, type TestDatabase } from './support/databases.ts';
import {
  type RunningServer,
  runServerToExit,
  startServerProcess,
  stopServer,
} from './support/server-process.ts';

/*
 * Two processes on one embedded data directory lose each other's writes: `npm run admin:create`
 * while `npm start` ran printed "Created admin account …" and the account was gone after a
 * restart. Every command that opens the database, run beside the real server process, must
 * refuse and change nothing; a server killed with -9 must not block the next start or command;
 * on PostgreSQL they all keep working beside the server (decision 021).
 */
const TIMEOUT_MS = 90_000; // the embedded database's first start is slow on a loaded machine
const ADMIN = { email: 'grace@moh.test', password: 'a long admin pass phrase' };

/** Every operator command that opens the database, as `npm run <script>` runs it. */
const COMMANDS: { script: string; file: string; args?: string[]; input?: string }[] = [
  {
    script: 'admin:create',
    file: 'src/cli/admin-create.ts',
    args: ['--name', 'Grace M', '--email', ADMIN.email],
    input: `${ADMIN.password}\n`,
  },
  { script: 'keys:rotate', file: 'src/cli/keys-rotate.ts' },
  { script: 'keys:rotate', file: 'src/cli/keys-rotate.ts', args: ['--generate'] },
  { script: 'retention:run', file: 'src/cli/retention-run.ts' },
  { script: 'audit:verify', file: 'src/cli/audit-verify.ts' },
  { script: 'db:migrate', file: 'src/cli/migrate.ts' },
];

function runCommand(command: (typeof COMMANDS)[number], env: Record<string, string>) {
  return spawnSync(process.execPath, [command.file, ...(command.args ?? [])], {
    env: { PATH: process.env.PATH ?? '', npm_lifecycle_event: command.script, ...env },
    encoding: 'utf8',
    input: command.input ?? '',
  });
}

const json = { 'content-type': 'application/json' };
const signIn = (server: RunningServer) =>
  fetch(`http://127.0.0.1:${server.port}/api/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ identifier: ADMIN.email, password: ADMIN.password }),
  });

function killHard(server: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

describe('one process at a time on an embedded data directory', () => {
  const servers: RunningServer[] = [];
  const databases: TestDatabase[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startServerProcess(env, TIMEOUT_MS);
    servers.push(server);
    return server;
  };
  after(async () => {
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) await killHard(server);
    }
    for (const db of databases) await db.close();
  });

  it('every command that opens the database refuses while the service runs, and changes nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'le-lock-'));
    const server = await start({ DATA_DIR: dataDir });
    const pid = server.child.pid;
    const secretsBefore = readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8');

    for (const command of COMMANDS) {
      const label = `npm run ${command.script} ${(command.args ?? []).join(' ')}`;
      const run = runCommand(command, { DATA_DIR: dataDir });
      assert.equal(run.status, 1, `${label} refuses: ${run.stdout}${run.stderr}`);
      assert.ok(
        run.stderr.startsWith(
          `The service is running on this data directory (pid ${pid}). Stop it first, or run this against PostgreSQL with DATABASE_URL.\n`,
        ),
        `${label} says why: ${run.stderr}`,
      );
      assert.doesNotMatch(run.stderr, /\n\s+at /, `${label}: a message, not a stack trace`);
      assert.doesNotMatch(run.stdout, /Created|Re-wrapped|Retention done|Applied|Generated/, label);
    }
    assert.equal(
      readFileSync(join(dataDir, 'dev-secrets.json'), 'utf8'),
      secretsBefore,
      'keys:rotate --generate left the keys file alone',
    );

    const second = await runServerToExit({ DATA_DIR: dataDir }, TIMEOUT_MS);
    assert.equal(second.code, 1, second.output);
    assert.match(
      second.output,
      new RegExp(`The service is already running on this data directory \\(pid ${pid}\\)`),
    );
    assert.doesNotMatch(second.output, /\n\s+at /);

    assert.equal((await fetch(`http://127.0.0.1:${server.port}/health/ready`)).status, 200, 'still serving');
    assert.equal(await stopServer(server), 0);
    assert.ok(!existsSync(join(dataDir, 'lock.json')), 'a clean stop releases the directory');

    // After a restart: no admin account was made behind the server's back.
    const restarted = await start({ DATA_DIR: dataDir });
    assert.equal((await signIn(restarted)).status, 401);

    // kill -9 leaves the lock file behind; its holder is gone, so the next command goes ahead…
    await killHard(restarted);
    assert.ok(existsSync(join(dataDir, 'lock.json')));
    const [create] = COMMANDS;
    assert.ok(create);
    const created = runCommand(create, { DATA_DIR: dataDir });
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created admin account/);

    // …and so does the next start, after another kill -9, with the account the command made.
    const third = await start({ DATA_DIR: dataDir });
    assert.equal((await signIn(third)).status, 200, 'the account the command created is there');
    await killHard(third);
    const fourth = await start({ DATA_DIR: dataDir });
    assert.equal((await signIn(fourth)).status, 200);
    assert.equal(await stopServer(fourth), 0);
  });

  it('with PostgreSQL (DATABASE_URL) every command works while the service runs [postgres]', async () => {
    const db = await openTestDatabase('postgres');
    databases.push(db);
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'le-lock-pg-')), DATABASE_URL: db.url ?? '' };
    const server = await start(env);
    for (const command of COMMANDS) {
      if (command.args?.includes('--generate')) continue; // development keys: covered above
      const run = runCommand(command, env);
      assert.equal(run.status, 0, `npm run ${command.script}: ${run.stdout}${run.stderr}`);
    }
    const login = await signIn(server);
    assert.equal(login.status, 200, 'the admin made beside the running server signs in there');
    assert.equal(((await login.json()) as { user: { role: string } }).user.role, 'admin');
    assert.equal(await stopServer(server), 0);
  });
});
