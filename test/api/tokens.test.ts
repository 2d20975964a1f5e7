import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { it } from 'node:test';
import { SignJWT } from 'jose';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { createAdmin, GOOD_PASSWORD, registerUser, uniqueEmail } from '../support/factories.ts';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
}

/** Sends a request with the path exactly as written (no client-side normalisation). */
function rawStatus(address: string, method: string, path: string, body?: string): Promise<number> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, method, path, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function meStatus(t: TestApp, token: string) {
  const res = await t.request({ method: 'GET', url: '/api/v1/me', token });
  return { status: res.statusCode, code: res.statusCode === 200 ? undefined : res.json().code };
}

describeEachDatabase('access tokens', (get) => {
  it('refuses tampered, unsigned, foreign and expired tokens', async () => {
    const t = get();
    const user = await registerUser(t);
    const claims = claimsOf(user.accessToken);
    const [header, payload] = user.accessToken.split('.');

    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const wrongKey = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'.repeat(32)));
    const wrongAudience = await new SignJWT({ ...claims, aud: 'someone-else' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(t.config.jwtSecret);
    const elevated = `${header}.${b64({ ...claims, role: 'admin' })}.${user.accessToken.split('.')[2]}`;
    const hmacWithPublicText = `${header}.${payload}.${createHmac('sha256', 'public').update(`${header}.${payload}`).digest('base64url')}`;

    for (const [label, token] of Object.entries({
      unsigned,
      wrongKey,
      wrongAudience,
      elevated,
      hmacWithPublicText,
    })) {
      assert.deepEqual(await meStatus(t, token), { status: 401, code: 'invalid_token' }, label);
    }
    assert.deepEqual(await meStatus(t, 'not-a-jwt'), { status: 401, code: 'invalid_token' });
    const noHeader = await t.request({ method: 'GET', url: '/api/v1/me' });
    assert.equal(noHeader.json().code, 'unauthenticated');

    assert.equal((await meStatus(t, user.accessToken)).status, 200);
    t.clock.advance(901);
    assert.deepEqual(
      await meStatus(t, user.accessToken),
      { status: 401, code: 'invalid_token' },
      'expired after 15 min',
    );
    const refreshed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: user.refreshToken },
    });
    assert.equal(refreshed.statusCode, 200, 'the session outlives its access token');
  });

  it('a deactivated account can neither use its tokens nor sign in, until re-activated', async () => {
    const t = get();
    const admin = await createAdmin(t);
    const user = await registerUser(t);
    const off = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${user.id}/deactivate`,
      token: admin.accessToken,
    });
    assert.equal(off.statusCode, 204);
    assert.equal((await meStatus(t, user.accessToken)).status, 401);
    const refresh = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: user.refreshToken },
    });
    assert.equal(refresh.statusCode, 401);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(login.statusCode, 401);
    assert.equal(login.json().code, 'invalid_credentials', 'same answer as a wrong password');
    const on = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${user.id}/activate`,
      token: admin.accessToken,
    });
    assert.equal(on.statusCode, 204);
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(again.statusCode, 200);
  });

  it('a role change ends the sessions so no token carries the old rights', async () => {
    const t = get();
    const admin = await createAdmin(t);
    const staff = await t.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      token: admin.accessToken,
      body: { name: 'Nurse Grace', email: uniqueEmail(), password: GOOD_PASSWORD, role: 'provider' },
    });
    assert.equal(staff.statusCode, 201, staff.body);
    assert.equal(staff.json().role, 'provider');
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: staff.json().email, password: GOOD_PASSWORD },
    });
    const token = login.json().accessToken;
    const change = await t.request({
      method: 'PATCH',
      url: `/api/v1/admin/users/${staff.json().id}`,
      token: admin.accessToken,
      body: { role: 'writer' },
    });
    assert.equal(change.statusCode, 200);
    assert.equal(change.json().role, 'writer');
    assert.equal((await meStatus(t, token)).status, 401);
  });

  it('keeps admin functions from every other role and from anonymous callers', async () => {
    const t = get();
    const user = await registerUser(t);
    const body = { name: 'Sneaky', email: uniqueEmail(), password: GOOD_PASSWORD, role: 'admin' };
    const asUser = await t.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      token: user.accessToken,
      body,
    });
    assert.equal(asUser.statusCode, 403);
    assert.equal(asUser.json().code, 'forbidden');
    const anonymous = await t.request({ method: 'POST', url: '/api/v1/admin/users', body });
    assert.equal(anonymous.statusCode, 401);
    const read = await t.request({
      method: 'GET',
      url: `/api/v1/admin/users/${user.id}`,
      token: user.accessToken,
    });
    assert.equal(read.statusCode, 403);
  });

  it('applies the same checks to percent-encoded paths, over a real socket', async () => {
    const t = get();
    const user = await registerUser(t);
    const body = JSON.stringify({
      name: 'Sneaky',
      email: uniqueEmail(),
      password: GOOD_PASSWORD,
      role: 'admin',
    });
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    try {
      // The router decodes "%61" to "a", so these reach /api/v1/... routes: they must meet the same checks.
      for (const path of ['/%61pi/v1/admin/users', '/api/v1/%61dmin/users', '/%61%70%69/v1/admin/users']) {
        assert.equal(await rawStatus(address, 'POST', path, body), 401, path);
      }
      assert.equal(await rawStatus(address, 'GET', `/%61pi/v1/admin/users/${user.id}`), 401);
      assert.equal(await rawStatus(address, 'GET', '/%61pi/v1/me'), 401);
    } finally {
      t.app.server.close();
    }
  });
});

function refresh(t: TestApp, refreshToken: string) {
  return t.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refreshToken } });
}

/** A new pair for her (status 200), or the test stops with the answer she got. */
async function refreshed(
  t: TestApp,
  refreshToken: string,
): Promise<{ accessToken: string; refreshToken: string }> {
  const res = await refresh(t, refreshToken);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** The session is over: its newest access token and refresh token are both refused. */
async function assertSessionEnded(t: TestApp, latest: { accessToken: string; refreshToken: string }) {
  assert.deepEqual(await meStatus(t, latest.accessToken), { status: 401, code: 'session_revoked' });
  assert.equal((await refresh(t, latest.refreshToken)).statusCode, 401);
}

async function herRefreshes(t: TestApp, token: string) {
  const res = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().entries as Array<{ action: string }>).filter((e) => e.action === 'auth.refresh');
}

describeEachDatabase('refresh tokens', (get) => {
  it('two refreshes racing with one token both get the same successor and the session lives on', async () => {
    const t = get();
    const her = await registerUser(t);
    let token = her.refreshToken;
    // Several rounds, each with the newest token: two tabs, or a retry, at once; then four.
    for (const racers of [2, 2, 4]) {
      const answers = await Promise.all(Array.from({ length: racers }, () => refresh(t, token)));
      for (const answer of answers) assert.equal(answer.statusCode, 200, answer.body);
      const pairs = answers.map((a) => a.json() as { accessToken: string; refreshToken: string });
      const successors = new Set(pairs.map((p) => p.refreshToken));
      assert.equal(successors.size, 1, 'the same successor for every one of them');
      assert.ok(!successors.has(token));
      for (const pair of pairs) assert.equal((await meStatus(t, pair.accessToken)).status, 200);
      token = pairs[0]?.refreshToken ?? '';
    }
    const next = await refreshed(t, token);
    assert.equal((await meStatus(t, next.accessToken)).status, 200, 'the session still works');
  });

  it('a retry within 30 s gets the same successor; a replay after that ends the session', async () => {
    const t = get();
    const her = await registerUser(t);
    const rotated = await refreshed(t, her.refreshToken);
    t.clock.advance(29);
    const retry = await refreshed(t, her.refreshToken);
    assert.equal(retry.refreshToken, rotated.refreshToken, 'a lost answer is given again');

    t.clock.advance(2);
    const replay = await refresh(t, her.refreshToken);
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().code, 'session_revoked');
    await assertSessionEnded(t, retry);
  });

  it('once the successor was used, a replay of its parent ends the session, even within 30 s', async () => {
    const t = get();
    const her = await registerUser(t);
    const rotated = await refreshed(t, her.refreshToken);
    assert.equal((await refreshed(t, her.refreshToken)).refreshToken, rotated.refreshToken);
    const newest = await refreshed(t, rotated.refreshToken);

    const replay = await refresh(t, her.refreshToken);
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().code, 'session_revoked');
    await assertSessionEnded(t, newest);
  });

  it('a retry through the cookie gets the same cookie back', async () => {
    const t = get();
    const her = await registerUser(t);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-session-mode': 'cookie' },
      payload: { identifier: her.email, password: her.password },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const viaCookie = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        headers: { 'x-session-mode': 'cookie', cookie },
        payload: {},
      });
    const [a, b] = await Promise.all([viaCookie(), viaCookie()]);
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(b.statusCode, 200, b.body);
    const next = String(a.headers['set-cookie']).split(';')[0];
    assert.notEqual(next, cookie);
    assert.equal(String(b.headers['set-cookie']).split(';')[0], next);
  });

  it('every refresh appears in her access log as her own', async () => {
    const t = get();
    const her = await registerUser(t);
    assert.deepEqual(await herRefreshes(t, her.accessToken), []);
    const rotated = await refreshed(t, her.refreshToken);
    const entries = await herRefreshes(t, rotated.accessToken);
    assert.deepEqual(entries, [
      {
        at: t.clock.now().toISOString(),
        actor: { role: 'adolescent', label: 'you' },
        action: 'auth.refresh',
        resource: 'session',
        outcome: 'success',
        channel: 'api',
      },
    ]);
    const retried = await refreshed(t, her.refreshToken);
    assert.equal(
      (await herRefreshes(t, retried.accessToken)).length,
      2,
      'the retry too: it gave out a new access token',
    );
    const rows = await t.db.raw<{ actor_id: string; subject_id: string }>(
      "SELECT actor_id::text AS actor_id, subject_id::text AS subject_id FROM audit_log WHERE action = 'auth.refresh' AND subject_id::text = $1",
      [her.id],
    );
    assert.deepEqual(rows, [
      { actor_id: her.id, subject_id: her.id },
      { actor_id: her.id, subject_id: her.id },
    ]);
  });
});
