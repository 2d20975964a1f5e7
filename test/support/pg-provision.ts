import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { serverUrl } from './databases.ts';

/*
 * deploy/provision.sql run with psql as the operator would: a database with an owner role (runs
 * the migrations) and a runtime role (what the server connects as), uniquely named per call.
 * `server` is a superuser's URL; its query (sslmode, sslrootcert) is kept in the URLs made here.
 */

export type Provisioned = {
  db: string;
  owner: string;
  runtime: string;
  ownerUrl: string;
  runtimeUrl: string;
};

export const hasPsql = spawnSync('psql', ['--version']).status === 0;

export function urlFor(db: string, role: string, password: string, server = serverUrl()): string {
  const url = new URL(server);
  url.username = role;
  url.password = password;
  url.pathname = `/${db}`;
  return url.toString();
}

/** Runs deploy/provision.sql for `${prefix}_db` with roles `${prefix}_owner` and `${prefix}_app`. */
export function provision(prefix: string, server = serverUrl()): Provisioned {
  const names = { db: `${prefix}_db`, owner: `${prefix}_owner`, runtime: `${prefix}_app` };
  const ownerPassword = randomBytes(18).toString('base64url');
  const runtimePassword = randomBytes(18).toString('base64url');
  const run = spawnSync(
    'psql',
    [
      '-X',
      '-d',
      server,
      '-f',
      'deploy/provision.sql',
      ...['-v', `db=${names.db}`, '-v', `owner=${names.owner}`, '-v', `runtime=${names.runtime}`],
      ...['-v', `owner_password=${ownerPassword}`, '-v', `runtime_password=${runtimePassword}`],
    ],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  return {
    ...names,
    ownerUrl: urlFor(names.db, names.owner, ownerPassword, server),
    runtimeUrl: urlFor(names.db, names.runtime, runtimePassword, server),
  };
}

/** Runs `work` on a superuser connection, to the server's own database or to `db`. */
export async function asSuperuser<T>(
  work: (client: pg.Client) => Promise<T>,
  db?: string,
  server = serverUrl(),
): Promise<T> {
  const url = new URL(server);
  if (db) url.pathname = `/${db}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops a provisioned database and its two roles. */
export async function dropProvisioned(p: Provisioned, server = serverUrl()): Promise<void> {
  await asSuperuser(
    async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${p.db} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${p.owner}`);
      await admin.query(`DROP ROLE IF EXISTS ${p.runtime}`);
    },
    undefined,
    server,
  );
}
