import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { sql } from 'kysely';
import { createServices } from '../../src/app.ts';
import type { KeptHead } from '../../src/modules/audit/service.ts';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import { describeEachDatabase, type TestApp, testConfig } from '../support/app.ts';
import { type DatabaseKind, openTestDatabase } from '../support/databases.ts';
import { secretEnv } from '../support/env.ts';
import { registerUser } from '../support/factories.ts';

type RawRow = {
  seq: number;
  id: string;
  at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_id: string | null;
  resource: string | null;
  outcome: string;
  channel: string;
  request_id: string | null;
  prev_hash: Uint8Array;
  hash: Uint8Array;
};

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const DAY = 86_400_000;

/** The chain as `npm run audit:verify` sees it, from a fresh set of services. */
function verifyNow(t: TestApp, kept?: KeptHead) {
  return createServices({ config: t.config, database: t.db.database }).audit.verify(kept);
}

/**
 * A database writer's tampering (raw SQL as a superuser), checked, then undone: the tests of a
 * suite share one database and each starts from an intact trail.
 */
async function asDbWriter(t: TestApp, tamper: () => Promise<unknown>, check: () => Promise<void>) {
  await t.db.raw(`CREATE TABLE saved_log AS SELECT * FROM audit_log;
    CREATE TABLE saved_head AS SELECT * FROM audit_head;
    CREATE TABLE saved_anchor AS SELECT * FROM audit_anchor`);
  try {
    await tamper();
    await check();
  } finally {
    await t.db.raw(`DELETE FROM audit_log; INSERT INTO audit_log OVERRIDING SYSTEM VALUE SELECT * FROM saved_log;
      DELETE FROM audit_head; INSERT INTO audit_head SELECT * FROM saved_head;
      DELETE FROM audit_anchor; INSERT INTO audit_anchor SELECT * FROM saved_anchor;
      DROP TABLE saved_log, saved_head, saved_anchor`);
  }
  assert.equal((await verifyNow(t)).ok, true, 'the trail is back as it was');
}

/** The hash the code before the keyed chain computed: SHA-256(prev || canonical row), no key. */
function unkeyedHash(prevHex: string, r: RawRow): string {
  const text = JSON.stringify([
    r.id,
    new Date(r.at).toISOString(),
    r.actor_id,
    r.actor_role,
    r.action,
    r.subject_id,
    r.resource,
    r.outcome,
    r.channel,
    r.request_id,
  ]);
  return createHash('sha256').update(Buffer.from(prevHex, 'hex')).update(text, 'utf8').digest('hex');
}

describeEachDatabase('audit trail', (get, kind) => {
  it('records authentication events without personal data', async () => {
    const t = get();
    const user = await registerUser(t);
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: 'a wrong password' },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.accessToken });
    const rows = await t.db.raw<{ action: string; outcome: string; subject_id: string }>(
      `SELECT action, outcome, subject_id FROM audit_log
       WHERE subject_id = $1 AND (action LIKE 'auth.%' OR action = 'account.register') ORDER BY seq`,
      [user.id],
    );
    assert.deepEqual(
      rows.map((r) => `${r.action}:${r.outcome}`),
      ['account.register:success', 'auth.login:failure', 'auth.login:success', 'auth.logout:success'],
    );
    const all = JSON.stringify(await t.db.raw('SELECT * FROM audit_log'));
    assert.ok(!all.includes(user.email) && !all.includes(user.phone.slice(4)) && !all.includes(user.name));
  });

  it('verifies an untouched chain, names the row altered by SQL, and prints the head to keep', async () => {
    const t = get();
    for (let i = 0; i < 3; i++) await registerUser(t);
    const { audit } = createServices({ config: t.config, database: t.db.database });
    const intact = await audit.verify();
    assert.equal(intact.ok, true);
    assert.ok(intact.rows >= 3);

    const [victim] = await t.db.raw<{ seq: number; id: string; action: string }>(
      'SELECT seq::int AS seq, id, action FROM audit_log ORDER BY seq OFFSET 1 LIMIT 1',
    );
    assert.ok(victim);
    await t.db.raw(`UPDATE audit_log SET action = 'auth.nothing_to_see' WHERE id = $1`, [victim.id]);
    const broken = await audit.verify();
    assert.equal(broken.ok, false);
    assert.equal(!broken.ok && broken.brokenAt.id, victim.id);

    if (kind === 'postgres' && t.db.url) {
      // The operator's command says the same, naming the row, and exits non-zero.
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['src/cli/audit-verify.ts', ...args], {
          env: { ...process.env, DATABASE_URL: t.db.url, ...secretEnv(t.config) },
          encoding: 'utf8',
        });
      const cli = run();
      assert.equal(cli.status, 1, cli.stderr);
      assert.match(cli.stderr, new RegExp(`seq=${victim.seq} id=${victim.id}`));
      await t.db.raw('UPDATE audit_log SET action = $2 WHERE id = $1', [victim.id, victim.action]);
      const ok = run();
      assert.equal(ok.status, 0, ok.stderr);
      assert.match(ok.stdout, /intact/);
      // The head line an operator keeps, and gives back later.
      const head = /Head: (\d+:[0-9a-f]{16})/.exec(ok.stdout)?.[1];
      assert.ok(head, ok.stdout);
      const later = run('--head', head);
      assert.equal(later.status, 0, later.stderr);
      assert.match(later.stdout, /The head you kept is still in the chain/);
      const forged = run('--head', `${head.split(':')[0]}:${'0'.repeat(16)}`);
      assert.equal(forged.status, 1, forged.stdout);
    }
    await t.db.raw('UPDATE audit_log SET action = $2 WHERE id = $1', [victim.id, victim.action]);
    assert.equal((await audit.verify()).ok, true, 'restoring the row mends the chain');
  });

  it('keeps one unbroken chain under concurrent writers on several instances', async () => {
    const t = get();
    // On PostgreSQL the second writer has a pool of its own, as another server instance would.
    const other: Database =
      kind === 'postgres' && t.db.url
        ? await openDatabase({ kind: 'postgres', url: t.db.url, poolSize: 4 })
        : t.db.database;
    try {
      const writers = [t.db.database, other].map(
        (database) => createServices({ config: t.config, database }).audit,
      );
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          writers[i % 2]?.record(
            { channel: 'api', requestId: `r${i}` },
            { action: 'test.concurrent', outcome: 'success' },
          ),
        ),
      );
      const result = await writers[0]?.verify();
      assert.equal(result?.ok, true, JSON.stringify(result));
      const rows = await t.db.raw<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.concurrent'",
      );
      assert.equal(rows[0]?.n, 60);
    } finally {
      if (other !== t.db.database) await other.close();
    }
  });

  it('detects a deleted row in the middle of the chain', async () => {
    const t = get();
    for (let i = 0; i < 3; i++) await registerUser(t);
    const [victim] = await t.db.raw<{ seq: number }>(
      'SELECT seq::int AS seq FROM audit_log ORDER BY seq DESC OFFSET 1 LIMIT 1',
    );
    assert.ok(victim);
    await asDbWriter(
      t,
      () => t.db.raw('DELETE FROM audit_log WHERE seq = $1', [victim.seq]),
      async () => {
        const result = await verifyNow(t);
        assert.equal(result.ok, false);
        assert.ok(!result.ok && result.brokenAt.seq > victim.seq);
      },
    );
  });

  it('a writer who deletes the newest rows is caught by the head, even after moving the head', async () => {
    const t = get();
    for (let i = 0; i < 2; i++) await registerUser(t);
    assert.equal((await verifyNow(t)).ok, true);
    const newest = await t.db.raw<{ seq: number }>(
      'SELECT seq::int AS seq FROM audit_log ORDER BY seq DESC LIMIT 2',
    );
    const [last, beforeLast] = newest;
    assert.ok(last && beforeLast);

    await asDbWriter(
      t,
      () => t.db.raw('DELETE FROM audit_log WHERE seq >= $1', [beforeLast.seq]),
      async () => {
        const result = await verifyNow(t);
        assert.equal(result.ok, false, 'two newest rows deleted');
        assert.equal(!result.ok && result.brokenAt.seq, last.seq, 'names the head row that is gone');
        assert.match(!result.ok ? result.brokenAt.reason : '', /newest rows were deleted/);
      },
    );
    // Moving the head to the new last row needs the server's key for the head's tag.
    await asDbWriter(
      t,
      () =>
        t.db.raw(`DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);
          UPDATE audit_head SET seq = l.seq, hash = l.hash FROM (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) l`),
      async () => {
        const result = await verifyNow(t);
        assert.equal(result.ok, false, 'head moved onto the new last row');
        assert.match(!result.ok ? result.brokenAt.reason : '', /tag/);
      },
    );
  });

  it('a writer who also puts back an old copy of the head is caught only by the head the operator kept', async () => {
    const t = get();
    await registerUser(t);
    // The head as a backup of the database holds it.
    const [copy] = await t.db.raw<{ seq: number; hash: string; mac: string }>(
      `SELECT seq::int AS seq, encode(hash, 'hex') AS hash, encode(mac, 'hex') AS mac FROM audit_head`,
    );
    assert.ok(copy);
    await registerUser(t);
    const now = await verifyNow(t);
    assert.equal(now.ok, true);
    const kept: KeptHead = { seq: now.head.seq, hashPrefix: now.head.hash.slice(0, 16) };
    assert.equal((await verifyNow(t, kept)).kept, 'found');
    await asDbWriter(
      t,
      async () => {
        await t.db.raw('DELETE FROM audit_log WHERE seq > $1', [copy.seq]);
        await t.db.raw(`UPDATE audit_head SET seq = $1, hash = decode($2, 'hex'), mac = decode($3, 'hex')`, [
          copy.seq,
          copy.hash,
          copy.mac,
        ]);
      },
      async () => {
        // The limit decision 012 states: the database alone cannot tell this from the past.
        assert.equal((await verifyNow(t)).ok, true);
        const checked = await verifyNow(t, kept);
        assert.equal(checked.ok, false, 'the head the operator kept is gone');
        assert.equal(!checked.ok && checked.brokenAt.seq, kept.seq);
      },
    );
  });

  it('a writer who deletes the oldest rows, not through purge_audit_log(), is caught', async () => {
    const t = get();
    for (let i = 0; i < 2; i++) await registerUser(t);
    const oldest = await t.db.raw<{ seq: number }>(
      'SELECT seq::int AS seq FROM audit_log ORDER BY seq LIMIT 3',
    );
    const firstKept = oldest[2];
    assert.ok(firstKept);
    await asDbWriter(
      t,
      () => t.db.raw('DELETE FROM audit_log WHERE seq < $1', [firstKept.seq]),
      async () => {
        const result = await verifyNow(t);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.brokenAt.seq, firstKept.seq);
        assert.match(!result.ok ? result.brokenAt.reason : '', /older rows were deleted/);
      },
    );
  });

  it('a writer who deletes a middle row and recomputes every later hash without the key is caught', async () => {
    const t = get();
    for (let i = 0; i < 2; i++) await registerUser(t);
    const rows =
      await t.db.raw<RawRow>(`SELECT seq::int AS seq, id, at, actor_id, actor_role, action, subject_id, resource, outcome, channel,
       request_id, prev_hash, hash FROM audit_log ORDER BY seq`);
    const victim = rows.at(-4);
    assert.ok(victim);
    const later = rows.filter((r) => r.seq > victim.seq);
    await asDbWriter(
      t,
      async () => {
        await t.db.raw('DELETE FROM audit_log WHERE seq = $1', [victim.seq]);
        // Exactly what the code before the keyed chain would have accepted: SHA-256 links.
        let prev = hex(victim.prev_hash);
        for (const r of later) {
          const hash = unkeyedHash(prev, r);
          await t.db.raw(
            `UPDATE audit_log SET prev_hash = decode($1, 'hex'), hash = decode($2, 'hex') WHERE seq = $3`,
            [prev, hash, r.seq],
          );
          prev = hash;
        }
        await t.db.raw(`UPDATE audit_head SET hash = decode($1, 'hex')`, [prev]);
      },
      async () => {
        const result = await verifyNow(t);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.brokenAt.seq, later[0]?.seq);
        assert.match(!result.ok ? result.brokenAt.reason : '', /server's key/);
      },
    );
  });

  it('erasure removes her id from every audit row and the chain still verifies', async () => {
    const t = get();
    const her = await registerUser(t, { birthYear: 2004 });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: her.email, password: 'not her password' },
    });
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: her.email, password: her.password },
    });
    assert.equal(login.statusCode, 200, login.body);
    const period = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token: her.accessToken,
      body: { startDate: '2026-11-20' },
    });
    assert.equal(period.statusCode, 201, period.body);
    const named = async () =>
      (
        await t.db.raw<{ n: number }>(
          `SELECT count(*)::int AS n FROM audit_log a WHERE a::text LIKE '%' || $1 || '%'`,
          [her.id],
        )
      )[0]?.n;
    assert.ok(((await named()) ?? 0) >= 4, 'her id is in the trail while she has an account');

    const erased = await t.request({
      method: 'DELETE',
      url: '/api/v1/me',
      token: her.accessToken,
      body: { password: her.password },
    });
    assert.equal(erased.statusCode, 204, erased.body);
    assert.equal(await named(), 0, 'no audit row holds her id in any column');
    const tombstones = await t.db.raw<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_id IS NULL AND subject_commitment IS NOT NULL`,
    );
    assert.ok((tombstones[0]?.n ?? 0) >= 4, 'her rows stay, without her id');
    const result = await verifyNow(t);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.ok(result.erasedIds >= 4);
  });
});

/** A database of its own (tests that need the chain to start in a particular way). */
async function withOwnDatabase(kind: DatabaseKind, run: (database: Database) => Promise<void>) {
  const db = await openTestDatabase(kind);
  try {
    await run(db.database);
  } finally {
    await db.close();
  }
}

/** A database migrated only up to (not including) `version`: one the old code wrote. */
async function withDatabaseBefore(
  kind: DatabaseKind,
  version: number,
  run: (database: Database) => Promise<void>,
) {
  const own = kind === 'postgres' ? await openTestDatabase('postgres', { migrations: false }) : undefined;
  const database = own?.database ?? (await openDatabase({ kind: 'pglite', dataDir: undefined }));
  try {
    await migrate(
      database.db,
      readMigrations().filter((m) => m.version < version),
    );
    await run(database);
  } finally {
    await (own ? own.close() : database.close());
  }
}

/** The append of the code before migration 0008 (SHA-256 computed by the database). */
async function appendUnkeyed(
  database: Database,
  e: { actorId: string | null; subjectId: string | null; action: string },
) {
  const id = randomUUID();
  const at = new Date();
  const text = JSON.stringify([
    id,
    at.toISOString(),
    e.actorId,
    'adolescent',
    e.action,
    e.subjectId,
    null,
    'success',
    'api',
    null,
  ]);
  await sql`
    WITH head AS (
      UPDATE audit_head SET prev = hash, hash = sha256(hash || convert_to(${text}, 'UTF8')) WHERE id = 1 RETURNING prev, hash
    )
    INSERT INTO audit_log (id, at, actor_id, actor_role, action, subject_id, resource, outcome, channel, request_id, prev_hash, hash)
    SELECT ${id}, ${at}, ${e.actorId}, 'adolescent', ${e.action}, ${e.subjectId}, NULL, 'success', 'api', NULL, head.prev, head.hash
    FROM head`.execute(database.db);
}

for (const kind of ['pglite', 'postgres'] as const) {
  it(`purge_audit_log() removes only the oldest rows and anchors the chain to them [${kind}]`, async () => {
    await withOwnDatabase(kind, async (database) => {
      const config = testConfig();
      const auditAt = (at: Date) => createServices({ config, database, clock: () => at }).audit;
      const long = new Date(Date.now() - 4000 * DAY);
      const record = (at: Date, action: string) =>
        auditAt(at).record({ channel: 'api' }, { action, outcome: 'success' });
      await record(long, 'test.old');
      await record(long, 'test.old');
      await record(new Date(), 'test.recent');
      // An instance whose clock ran far behind: an old time on a recent row.
      await record(long, 'test.late_clock');
      const run = async () =>
        Number(
          (await sql<{ n: number }>`SELECT purge_audit_log(now()) AS n`.execute(database.db)).rows[0]?.n,
        );
      assert.equal(await run(), 2, 'the two oldest rows, never one behind a row that must stay');
      const rows = await sql<{
        seq: number;
        action: string;
      }>`SELECT seq, action FROM audit_log ORDER BY seq`.execute(database.db);
      assert.deepEqual(
        rows.rows.map((r) => r.action),
        ['test.recent', 'test.late_clock'],
      );
      const anchor = await sql<{ purged_seq: number }>`SELECT purged_seq FROM audit_anchor`.execute(
        database.db,
      );
      assert.equal(anchor.rows[0]?.purged_seq, 2);
      const result = await auditAt(new Date()).verify();
      assert.equal(result.ok, true, JSON.stringify(result));
      assert.equal(result.purgedThrough, 2);
      assert.equal(await run(), 0, 'nothing more is old enough');
    });
  });

  it(`rows the old code wrote keep verifying, link to the first keyed row, and lose erased ids [${kind}]`, async () => {
    await withDatabaseBefore(kind, 8, async (database) => {
      const her = randomUUID();
      const gone = randomUUID(); // erased before the upgrade: no users row any more
      await sql`INSERT INTO users (id, role, name_enc, email_bidx, password_hash, created_at, updated_at)
        VALUES (${her}, 'adolescent', decode('00', 'hex'), decode(md5(${her}), 'hex'), 'x', now(), now())`.execute(
        database.db,
      );
      await appendUnkeyed(database, { actorId: null, subjectId: null, action: 'test.first' });
      await appendUnkeyed(database, { actorId: her, subjectId: her, action: 'account.register' });
      await appendUnkeyed(database, { actorId: null, subjectId: her, action: 'auth.login' });
      await appendUnkeyed(database, { actorId: null, subjectId: gone, action: 'auth.login' });
      await appendUnkeyed(database, { actorId: null, subjectId: null, action: 'test.unrelated' });
      // The old retention removed the oldest row before the upgrade: that start is trusted once.
      await sql`DELETE FROM audit_log WHERE seq = 1`.execute(database.db);
      await migrate(database.db);
      const naming = async (id: string) =>
        (
          await sql<{
            n: number;
          }>`SELECT count(*)::int AS n FROM audit_log a WHERE a::text LIKE ${`%${id}%`}`.execute(database.db)
        ).rows[0]?.n;
      assert.equal(await naming(gone), 0, 'the upgrade removed the id of an account erased before it');

      const config = testConfig();
      const { audit } = createServices({ config, database });
      await audit.record(
        { channel: 'api', actorId: her },
        { action: 'auth.logout', outcome: 'success', subjectId: her },
      );
      await audit.record({ channel: 'api' }, { action: 'test.keyed', outcome: 'success' });
      const upgraded = await audit.verify();
      assert.equal(upgraded.ok, true, JSON.stringify(upgraded));
      assert.equal(upgraded.legacyRows, 4);
      assert.equal(upgraded.rows, 6);
      assert.equal(upgraded.purgedThrough, 1);
      assert.equal(upgraded.erasedIds, 1);

      // Erasure deletes her account first; tombstones are only ever made for an account that is gone.
      await sql`DELETE FROM users WHERE id = ${her}`.execute(database.db);
      await audit.forgetSubject(her);
      assert.equal(await naming(her), 0, 'no row, old or keyed, holds her id');
      const erased = await audit.verify();
      assert.equal(erased.ok, true, JSON.stringify(erased));
      assert.equal(erased.erasedIds, 6, 'hers: two in an old row, one in another, two in a keyed row');

      // An old row without an erased id is still checked by content; and no row after the old ones
      // may be passed off as old-format.
      await sql`UPDATE audit_log SET action = 'test.changed' WHERE action = 'test.unrelated'`.execute(
        database.db,
      );
      const altered = await audit.verify();
      assert.equal(altered.ok, false);
      assert.equal(!altered.ok && altered.brokenAt.seq, 5);
      await sql`UPDATE audit_log SET action = 'test.unrelated' WHERE action = 'test.changed'`.execute(
        database.db,
      );
      await sql`UPDATE audit_log SET chain_version = 1 WHERE action = 'test.keyed'`.execute(database.db);
      const downgraded = await audit.verify();
      assert.equal(downgraded.ok, false);
      assert.match(!downgraded.ok ? downgraded.brokenAt.reason : '', /old unkeyed format/);
    });
  });
}
