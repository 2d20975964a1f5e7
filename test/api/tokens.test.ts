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
