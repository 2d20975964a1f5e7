import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';

describeEachDatabase('personal data at rest', (get, kind) => {
  it('stores no name, phone number or email in readable form in any table', async () => {
    const t = get();
    const users = [await registerUser(t), await registerUser(t, { role: 'parent' })];
    const tables = await t.db.raw<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    assert.ok(tables.length >= 7);
    let dump = '';
    for (const { table_name } of tables) {
      // Every column as text, bytea included (hex) and decoded as latin1 below.
      const rows = await t.db.raw(`SELECT t::text AS line FROM ${table_name} t`);
      dump += rows.map((r) => String(r.line)).join('\n');
    }
    assert.ok(dump.length > 1000, 'the dump has content');
    const readable = dump + Buffer.from(dump.replace(/[^0-9a-f]/g, ''), 'hex').toString('latin1');
    for (const u of users) {
      for (const secret of [u.name, u.phone, u.phone.slice(4), u.email, u.email.split('@')[0] ?? '']) {
        assert.ok(!readable.includes(secret), `found ${secret.slice(0, 3)}… in plaintext`);
      }
    }
  });

  if (kind !== 'postgres') return; // pg_dump needs a PostgreSQL server
  it('pg_dump of the database holds none of them either', async (ctx) => {
    const t = get();
    const u = await registerUser(t);
    const url = t.db.url;
    assert.ok(url);
    const unusable = pgDumpUnusable(url);
    if (unusable) return ctx.skip(unusable);
    const dump = execFileSync('pg_dump', ['--data-only', '--no-owner', url], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.match(dump, /COPY public\.users/);
    const decoded = Buffer.from(dump.replace(/[^0-9a-f]/g, ''), 'hex').toString('latin1');
    for (const secret of [u.name, u.phone, u.phone.slice(4), u.email]) {
      assert.ok(!dump.includes(secret) && !decoded.includes(secret), 'plaintext personal data in pg_dump');
    }
  });
});

/** pg_dump must exist and be at least as new as the server (CI's is; a local embedded server may be newer). */
function pgDumpUnusable(url: string): string | undefined {
  const probe = spawnSync('pg_dump', ['--schema-only', url], { encoding: 'utf8' });
  if (probe.error) return 'pg_dump is not installed on this machine';
  if (probe.status !== 0) return `pg_dump cannot dump this server: ${probe.stderr.split('\n')[0]}`;
  return undefined;
}
