import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { testConfig } from '../support/app.ts';
import { serverUrl } from '../support/databases.ts';
import { secretEnv } from '../support/env.ts';
import { GOOD_PASSWORD, uniqueEmail } from '../support/factories.ts';
import {
  asSuperuser,
  dropProvisioned as drop,
  hasPsql,
  type Provisioned,
  provision,
  urlFor,
} from '../support/pg-provision.ts';
import { type RunningServer, startServerProcess, stopServer } from '../support/server-process.ts';

/*
 * deploy/provision.sql on the real PostgreSQL: an owner role that migrates, a runtime role the
 * server runs as. The runtime role must be able to do everything the product does and nothing
 * that changes the schema or rewrites the audit trail — checked here as an attacker holding the
 * runtime password would try it.
 */

/** Each statement must fail with insufficient_privilege (42501) as the given role. */
async function assertDenied(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) {
      await assert.rejects(client.query(statement), { code: '42501' }, `allowed: ${statement}`);
    }
  } finally {
    await client.end();
  }
}

const config = testConfig();
const cli = (script: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', ...secretEnv(config), ...env },
    encoding: 'utf8',
  });

describe('least-privilege database roles', { skip: !hasPsql && 'psql is not installed' }, () => {
  const id = randomBytes(4).toString('hex');
  let app: Provisioned;
  let keys: Provisioned;
  let runtimeEnv: Record<string, string>;

  before(() => {
    app = provision(`le_priv_${id}`);
    keys = provision(`le_privk_${id}`);
    runtimeEnv = { DATABASE_URL: app.runtimeUrl, KEYSTORE_DATABASE_URL: keys.runtimeUrl };
  });
  after(async () => {
    await drop(app);
    await drop(keys);
  });

  it('provision.sql refuses to run without passwords', () => {
    const run = spawnSync(
      'psql',
      [
        '-X',
        '-d',
        serverUrl(),
        '-f',
        'deploy/provision.sql',
        '-v',
        'db=x',
        '-v',
        'owner=y',
        '-v',
        'runtime=z',
      ],
      { encoding: 'utf8' },
    );
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /owner_password/);
  });

  it('the server as the runtime role refuses to start while migrations are pending, and says what to run', () => {
    const run = spawnSync(process.execPath, ['src/server.ts'], {
      env: { PATH: process.env.PATH ?? '', ...secretEnv(config), ...runtimeEnv },
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /pending migration\(s\) \(0001_accounts/);
    assert.match(run.stderr, /MIGRATION_DATABASE_URL/);
    assert.doesNotMatch(run.stderr, /password|at .*\.ts:\d+/i, 'a message, not a stack trace or a secret');
  });

  it('db:migrate runs as the owner roles on both databases', async () => {
    const run = cli('src/cli/migrate.ts', {
      MIGRATION_DATABASE_URL: app.ownerUrl,
      KEYSTORE_MIGRATION_DATABASE_URL: keys.ownerUrl,
      AUDIT_RETENTION_DAYS: '2000',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Applied: 0001_accounts.*0006_audit_retention/);
    assert.match(run.stdout, /Audit rows are now kept 2000 days/);
    assert.match(run.stdout, /Key store: applied 0001_user_keys/);
    assert.match(run.stdout, /job queue schema \d+ \(pg-boss\)/);
    const owners = await asSuperuser(
      async (c) =>
        (
          await c.query<{ owner: string }>(
            `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`,
          )
        ).rows,
      app.db,
    );
    assert.deepEqual(
      owners,
      [{ owner: app.owner }],
      "every table, the job queue's too, belongs to the owner role",
    );
  });

  it('the runtime role cannot change the schema, leave traces of its own or rewrite the audit trail', async () => {
    await assertDenied(app.runtimeUrl, [
      'CREATE TABLE stolen (data text)',
      'CREATE SCHEMA elsewhere',
      'CREATE TEMPORARY TABLE scratch (data text)',
      `CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      'DROP TABLE periods',
      'ALTER TABLE users ADD COLUMN note text',
      'ALTER TABLE audit_log DISABLE TRIGGER ALL',
      'TRUNCATE sessions',
      `UPDATE audit_log SET action = 'nothing'`,
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'DELETE FROM audit_head',
      'UPDATE audit_policy SET retention_days = 1',
      // The purge anchor: moving it would hide rows deleted from the start of the chain.
      'UPDATE audit_anchor SET purged_seq = purged_seq + 1',
      'DELETE FROM audit_anchor',
      `INSERT INTO audit_anchor (id, purged_seq, purged_hash, legacy_until_seq) VALUES (2, 0, '\\x', 0)`,
      'TRUNCATE audit_anchor',
      `INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, 'x', 'x')`,
      'DELETE FROM schema_migrations',
      // The job queue's schema: its rows are the runtime role's to work, its shape is not.
      'CREATE TABLE pgboss.stolen (data text)',
      'DROP TABLE pgboss.job',
      'ALTER TABLE pgboss.queue ADD COLUMN note text',
      'TRUNCATE pgboss.job',
      // Its version decides which upgrade plans the owner runs: not the runtime role's to set.
      'UPDATE pgboss.version SET version = 1',
      'DELETE FROM pgboss.version',
      'INSERT INTO pgboss.version (version) VALUES (1)',
      `SET ROLE ${app.owner}`,
    ]);
    await assertDenied(keys.runtimeUrl, [
      'CREATE TABLE stolen (data text)',
      'DROP TABLE user_keys',
      'TRUNCATE user_keys',
      'ALTER TABLE user_keys ADD COLUMN note text',
      'DELETE FROM keystore_migrations',
    ]);
    // The key store is not even reachable with the application's runtime role, and vice versa.
    await assert.rejects(
      new pg.Client({ connectionString: urlFor(keys.db, app.runtime, 'x') }).connect(),
      (e: { code?: string }) => e.code === '42501' || e.code === '28P01' || e.code === '28000',
    );
  });

  describe('the app on the runtime role', () => {
    let server: RunningServer;
    const email = uniqueEmail();
    let base = '';
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return {
        status: res.status,
        json: (await res.json().catch(() => undefined)) as { accessToken: string; user: { id: string } },
      };
    };

    before(async () => {
      server = await startServerProcess({ ...secretEnv(config), ...runtimeEnv });
      base = `http://127.0.0.1:${server.port}`;
    });
    after(async () => {
      if (server.child.exitCode === null) await stopServer(server);
    });

    it('registers, logs a period, predicts, exports and erases through HTTP', async () => {
      const register = await call('POST', '/api/v1/auth/register', undefined, {
        name: 'Least Privilege',
        email,
        password: GOOD_PASSWORD,
        role: 'adolescent',
        birthYear: 2004,
        acceptTerms: true,
      });
      assert.equal(register.status, 201, JSON.stringify(register.json));
      const token = register.json.accessToken;
      const start = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
      assert.equal((await call('POST', '/api/v1/cycles/periods', token, { startDate: start })).status, 201);
      assert.equal(
        (await call('PUT', `/api/v1/cycles/days/${start}`, token, { flow: 'medium', pain: 3 })).status,
        200,
      );
      const prediction = await call('GET', '/api/v1/cycles/prediction', token);
      assert.equal(prediction.status, 200);
      const exported = await call('GET', '/api/v1/me/export', token);
      assert.equal(exported.status, 200);
      assert.ok(JSON.stringify(exported.json).includes(start), 'her period is in her export');
      const userId = register.json.user.id;
      const keyRows = () =>
        asSuperuser(
          async (c) => (await c.query('SELECT 1 FROM user_keys WHERE user_id::text = $1', [userId])).rowCount,
          keys.db,
        );
      assert.equal(await keyRows(), 1, 'her data key lives in the key store');
      assert.equal((await call('DELETE', '/api/v1/me', token, { password: GOOD_PASSWORD })).status, 204);
      assert.equal(await keyRows(), 0, 'erasure deleted her key with the runtime role');
      // ...and took her id out of the audit trail through forget_audit_subject(), the only way the
      // runtime role has to change audit rows.
      const named = await asSuperuser(
        async (c) =>
          (await c.query(`SELECT 1 FROM audit_log a WHERE a::text LIKE '%' || $1 || '%'`, [userId])).rowCount,
        app.db,
      );
      assert.equal(named, 0, 'no audit row holds her id');
      const login = await call('POST', '/api/v1/auth/login', undefined, {
        identifier: email,
        password: GOOD_PASSWORD,
      });
      assert.equal(login.status, 401);
    });

    it('works the job queue: the retention job npm start queues is taken and completed', async () => {
      const retentionJobs = () =>
        asSuperuser(
          async (c) =>
            (await c.query<{ state: string }>(`SELECT state::text FROM pgboss.job WHERE name = 'retention'`))
              .rows,
          app.db,
        );
      const started = Date.now();
      while (!(await retentionJobs()).some((j) => j.state === 'completed') && Date.now() - started < 60_000)
        await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(
        (await retentionJobs()).map((j) => j.state),
        ['completed'],
        'queued at start, taken and done as the runtime role',
      );
    });

    it('retention removes expired audit rows only through the database function, and the chain verifies', async () => {
      // Two audit rows aged past the retention period (as a superuser would: the app cannot).
      await asSuperuser(async (c) => {
        await c.query(
          `UPDATE audit_log SET at = now() - interval '3000 days' WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq LIMIT 2)`,
        );
      }, app.db);
      const retention = cli('src/cli/retention-run.ts', runtimeEnv);
      assert.equal(retention.status, 0, retention.stderr);
      assert.match(retention.stdout, /"auditRows":2/);
      const verify = cli('src/cli/audit-verify.ts', runtimeEnv);
      assert.equal(verify.status, 0, verify.stderr);
      assert.match(verify.stdout, /Audit trail intact/);

      // The function cannot be talked into deleting recent rows, whatever cutoff it is given.
      const runtime = new pg.Client({ connectionString: app.runtimeUrl });
      await runtime.connect();
      try {
        const count = async () => (await runtime.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
        const before = await count();
        assert.ok(before > 0);
        const purged = await runtime.query(`SELECT purge_audit_log('infinity') AS n`);
        assert.equal(Number(purged.rows[0].n), 0);
        assert.equal(await count(), before);
        // Nor tricked by a temporary table standing in for the policy (it may not create one anyway).
        await assert.rejects(runtime.query('CREATE TEMP TABLE audit_policy (id int, retention_days int)'), {
          code: '42501',
        });
      } finally {
        await runtime.end();
      }
    });
  });

  it('the server given the owner URL migrates at start-up, then serves as the runtime role', async () => {
    const fresh = provision(`le_privs_${id}`);
    try {
      const server = await startServerProcess({
        DATABASE_URL: fresh.runtimeUrl,
        MIGRATION_DATABASE_URL: fresh.ownerUrl,
      });
      try {
        const users = await asSuperuser(
          async (c) =>
            (
              await c.query<{ owner: string; runtimeWrites: boolean }>(
                `SELECT tableowner AS owner, has_table_privilege($1, 'users', 'INSERT') AS "runtimeWrites"
                 FROM pg_tables WHERE tablename = 'users'`,
                [fresh.runtime],
              )
            ).rows[0],
          fresh.db,
        );
        assert.deepEqual(users, { owner: fresh.owner, runtimeWrites: true });
      } finally {
        await stopServer(server);
      }
    } finally {
      await drop(fresh);
    }
  });
});
