import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestApp, testConfig } from './support/app.ts';
import { openTestDatabase, serverUrl, withDatabase } from './support/databases.ts';
import { secretEnv } from './support/env.ts';

describe('operator commands on PostgreSQL', () => {
  const name = `le_test_cli_${process.pid}`;
  const config = testConfig();
  let url = '';
  const run = (script: string, args: string[] = [], input?: string) =>
    spawnSync(process.execPath, [script, ...args], {
      env: { ...process.env, DATABASE_URL: url, ...secretEnv(config) },
      encoding: 'utf8',
      ...(input === undefined ? {} : { input }),
    });

  before(async () => {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = withDatabase(serverUrl(), name);
  });
  after(async () => {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('db:migrate applies the migrations once', () => {
    const first = run('src/cli/migrate.ts');
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /Applied: 0001_accounts/);
    const second = run('src/cli/migrate.ts');
    assert.match(second.stdout, /up to date/);
  });

  it('admin:create makes an admin who can sign in, and refuses a weak password', async () => {
    const weak = run(
      'src/cli/admin-create.ts',
      ['--name', 'Grace M', '--email', 'grace@moh.test'],
      'password\n',
    );
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /common or leaked/);
    const usage = run('src/cli/admin-create.ts', ['--name', 'Grace M']);
    assert.equal(usage.status, 2);
    const ok = run(
      'src/cli/admin-create.ts',
      ['--name', 'Grace M', '--email', 'grace@moh.test'],
      'a long admin pass phrase\n',
    );
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /Created admin account/);

    const db = await openTestDatabase('postgres');
    await db.close();
    const { openDatabase } = await import('../src/platform/db/database.ts');
    const database = await openDatabase({ kind: 'postgres', url });
    const t = await startTestApp(
      { kind: 'postgres', database, url, raw: async () => [], close: () => database.close() },
      { config },
    );
    try {
      const login = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: 'grace@moh.test', password: 'a long admin pass phrase' },
      });
      assert.equal(login.statusCode, 200);
      assert.equal(login.json().user.role, 'admin');
    } finally {
      await t.app.close();
      await database.close();
    }
  });
});
