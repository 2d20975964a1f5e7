import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/databases.ts';
import { type Registered, registerUser } from '../support/factories.ts';

/*
 * The attacker holds the database password (a leaked backup job, a stolen runtime credential) but
 * not the server's secrets. His goal: an access token as her, through POST /api/v1/auth/refresh,
 * by writing rows himself. Every way he can write them without the server's key must fail, and
 * her access log must show nothing of his attempts.
 */

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function refresh(t: TestApp, refreshToken: string) {
  return t.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken } });
}

async function accessLog(t: TestApp, her: Registered) {
  const res = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token: her.accessToken });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().entries as Array<{ action: string; actor: { label: string } }>;
}

async function sessionOf(t: TestApp, user: Registered): Promise<string> {
  const rows = await t.db.raw<{ id: string }>(
    'SELECT id::text AS id FROM sessions WHERE user_id::text = $1 ORDER BY created_at LIMIT 1',
    [user.id],
  );
  assert.ok(rows[0], 'a session was started at registration');
  return rows[0].id;
}

/** Her refreshes still work afterwards: the attack neither succeeded nor broke her session. */
async function assertHerSessionIntact(t: TestApp, her: Registered) {
  const own = await refresh(t, her.refreshToken);
  assert.equal(own.statusCode, 200, own.body);
  assert.equal(own.json().user.id, her.id);
}

describeEachDatabase('a database writer without the server key', (get) => {
  it('cannot sign in as her with a session and refresh token he inserted', async () => {
    const t = get();
    const her = await registerUser(t);
    const before = await accessLog(t, her);

    // His own session for her account, as the service would have written it.
    const sessionId = randomUUID();
    await t.db.raw(
      `INSERT INTO sessions (id, user_id, channel, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, 'api', now(), now(), now() + interval '30 days')`,
      [sessionId, her.id],
    );
    const plant = (tokenHashHex: string) =>
      t.db.raw(
        `INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (decode($1, 'hex'), $2, now())`,
        [tokenHashHex, sessionId],
      );

    // The old way: the token is random text, the row its SHA-256.
    const oldStyle = randomBytes(32).toString('base64url');
    await plant(sha256(oldStyle));
    // Tokens shaped like the service's, stored under every keyless scheme he might guess.
    const secret = randomBytes(32).toString('base64url');
    const shaped = `${sessionId}.${secret}`;
    const guessedKey = randomBytes(32);
    for (const stored of [
      sha256(shaped),
      sha256(secret),
      sha256(`${sessionId}${secret}`),
      sha256(`${sessionId}\u0000${her.id}\u0000${secret}`),
      createHmac('sha256', guessedKey).update(shaped).digest('hex'),
      createHmac('sha256', '').update(`${sessionId}\u0000${her.id}\u0000${secret}`).digest('hex'),
    ]) {
      await plant(stored);
    }

    for (const token of [oldStyle, shaped, secret]) {
      const res = await refresh(t, token);
      assert.equal(res.statusCode, 401, `${token === oldStyle ? 'SHA-256 row' : 'keyless row'}: ${res.body}`);
      assert.equal(res.json().code, 'invalid_token');
    }
    assert.deepEqual(await accessLog(t, her), before, 'nothing of his appears in her access log');
    await assertHerSessionIntact(t, her);
  });

  it('cannot move his own valid refresh token onto her session', async () => {
    const t = get();
    const her = await registerUser(t);
    const him = await registerUser(t);
    const hisSession = await sessionOf(t, him);
    const herSession = await sessionOf(t, her);
    const before = await accessLog(t, her);

    await t.db.raw('UPDATE refresh_tokens SET session_id = $1 WHERE session_id = $2', [
      herSession,
      hisSession,
    ]);
    const moved = await refresh(t, him.refreshToken);
    assert.equal(moved.statusCode, 401, moved.body);
    // Nor with her session id written in front of his secret.
    const secret = him.refreshToken.split('.').at(-1) ?? '';
    const relabelled = await refresh(t, `${herSession}.${secret}`);
    assert.equal(relabelled.statusCode, 401, relabelled.body);

    assert.deepEqual(await accessLog(t, her), before, 'nothing of his appears in her access log');
    await assertHerSessionIntact(t, her);
  });

  it('cannot hand his own session to her account', async () => {
    const t = get();
    const her = await registerUser(t);
    const him = await registerUser(t);
    const hisSession = await sessionOf(t, him);
    const before = await accessLog(t, her);

    await t.db.raw('UPDATE sessions SET user_id = $1 WHERE id = $2', [her.id, hisSession]);
    const res = await refresh(t, him.refreshToken);
    assert.equal(res.statusCode, 401, res.body);
    assert.notEqual(res.json().user?.id, her.id);

    assert.deepEqual(await accessLog(t, her), before, 'nothing of his appears in her access log');
    await assertHerSessionIntact(t, her);
  });
});

it('migration 0011 ends the sessions whose refresh tokens were stored the old way', async () => {
  const db = await openTestDatabase('postgres', { migrations: false });
  try {
    await migrate(
      db.database.db,
      readMigrations().filter((m) => m.version < 11),
    );
    const userId = randomUUID();
    const sessionId = randomUUID();
    await db.raw(
      `INSERT INTO users (id, role, name_enc, email_bidx, password_hash, created_at, updated_at)
       VALUES ($1, 'adolescent', '\\x00', decode($2, 'hex'), 'x', now(), now())`,
      [userId, sha256(userId)],
    );
    await db.raw(
      `INSERT INTO sessions (id, user_id, channel, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, 'web', now(), now(), now() + interval '30 days')`,
      [sessionId, userId],
    );
    await db.raw(
      `INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (decode($1, 'hex'), $2, now())`,
      [sha256('an old token'), sessionId],
    );

    await migrate(db.database.db);
    assert.deepEqual(await db.raw('SELECT * FROM refresh_tokens'), [], 'old rows are gone');
    const [session] = await db.raw<{ revoked_at: Date | null; revoked_reason: string | null }>(
      'SELECT revoked_at, revoked_reason FROM sessions WHERE id = $1',
      [sessionId],
    );
    assert.ok(session?.revoked_at, 'her session ended: she signs in again');
    assert.equal(session.revoked_reason, 'refresh_token_upgrade');
  } finally {
    await db.close();
  }
});
