import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase, openTestKeystore, type TestDatabase } from '../support/databases.ts';
import { registerUser } from '../support/factories.ts';

/** pg_dump and psql must exist and be at least as new as the server (CI's are). */
function toolsUnusable(url: string): string | undefined {
  const probe = spawnSync('pg_dump', ['--schema-only', url], { encoding: 'utf8' });
  if (probe.error) return 'pg_dump is not installed on this machine';
  if (probe.status !== 0) return `pg_dump cannot dump this server: ${probe.stderr.split('\n')[0]}`;
  if (spawnSync('psql', ['--version']).error) return 'psql is not installed on this machine';
  return undefined;
}

describe('erasure is key destruction: an old backup cannot bring her back', () => {
  let data: TestDatabase;
  let keys: TestDatabase;
  let scratch: TestDatabase;
  let t: TestApp;
  before(async () => {
    data = await openTestDatabase('postgres');
    keys = await openTestKeystore();
    scratch = await openTestDatabase('postgres', { migrations: false });
    t = await startTestApp(data, { keystore: keys });
  });
  after(async () => {
    await t.app.close();
    await Promise.all([data.close(), keys.close(), scratch.close()]);
  });

  it('restores a dump taken before her erasure: her rows are there but unreadable; others still read', async (ctx) => {
    const unusable = toolsUnusable(data.url ?? '');
    if (unusable) return ctx.skip(unusable);
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

    const dump = execFileSync('pg_dump', ['--no-owner', '--no-privileges', data.url ?? ''], {
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
    execFileSync('psql', ['--quiet', '--set', 'ON_ERROR_STOP=1', scratch.url ?? ''], {
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
