import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase, openTestKeystore, type TestDatabase } from '../support/databases.ts';
import { registerUser } from '../support/factories.ts';
import { type DumpablePostgres, openDumpablePostgres } from '../support/pg-dump.ts';

describe('erasure is key destruction: an old backup cannot bring her back', () => {
  const suiteServer = process.env.TEST_DATABASE_URL;
  let server: DumpablePostgres;
  let data: TestDatabase;
  let keys: TestDatabase;
  let scratch: TestDatabase;
  let t: TestApp;
  before(async () => {
    // A server whose pg_dump and psql are installed; fails (never skips) saying what is missing.
    server = await openDumpablePostgres();
    // Each test file runs in its own process: this points only this file's databases at it.
    process.env.TEST_DATABASE_URL = server.url;
    data = await openTestDatabase('postgres');
    keys = await openTestKeystore();
    scratch = await openTestDatabase('postgres', { migrations: false });
    t = await startTestApp(data, { keystore: keys });
  });
  after(async () => {
    await t?.app.close();
    await Promise.all([data?.close(), keys?.close(), scratch?.close()]);
    await server?.stop();
    if (suiteServer) process.env.TEST_DATABASE_URL = suiteServer;
  });

  it('restores a dump taken before her erasure: her rows are there but unreadable; others still read', async (ctx) => {
    if (server.note) ctx.diagnostic(server.note);
    const her = await registerUser(t, { birthYear: 2004 });
    const other = await registerUser(t, { birthYear: 2004 });
    for (const u of [her, other]) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/cycles/periods',
        token: u.accessToken,
        body: { startDate: '2026-11-01', notes: 'private' },
      });
      assert.equal(res.statusCode, 201);
    }
    const inData = await data.raw<{ n: number }>('SELECT count(*)::int AS n FROM user_keys');
    assert.equal(inData[0]?.n, 0, 'no key is stored beside the data');

    const dump = execFileSync(server.tools.pgDump, ['--no-owner', '--no-privileges', data.url ?? ''], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    assert.equal(
      (
        await t.request({
          method: 'DELETE',
          url: '/api/v1/me',
          token: her.accessToken,
          body: { pin: her.pin },
        })
      ).statusCode,
      204,
    );
    execFileSync(server.tools.psql, ['--quiet', '--set', 'ON_ERROR_STOP=1', scratch.url ?? ''], {
      input: dump,
      stdio: ['pipe', 'ignore', 'pipe'],
    });

    const restored = await scratch.raw<{ n: number }>(
      'SELECT count(*)::int AS n FROM periods WHERE user_id::text = $1',
      [her.id],
    );
    assert.equal(restored[0]?.n, 1, 'her rows are in the old backup');
    const fromBackup = createServices({
      config: t.config,
      database: scratch.database,
      keystore: keys.database,
    });
    await assert.rejects(
      fromBackup.users.get(her.id),
      /no data key/,
      'her profile cannot be decrypted with the current keys',
    );
    await assert.rejects(fromBackup.cycles.allPeriods(her.id), /no data key/);
    assert.equal((await fromBackup.users.get(other.id)).name, other.name, "others' rows still open");
    assert.equal((await fromBackup.cycles.allPeriods(other.id))[0]?.notes, 'private');
  });
});
