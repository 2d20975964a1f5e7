import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import { GOOD_PASSWORD, registerUser, uniqueEmail, uniquePhone } from '../support/factories.ts';

describeEachDatabase('accounts and sessions', (get) => {
  it('registers, signs in with password or PIN, and shows the profile', async () => {
    const t = get();
    const user = await registerUser(t, { phone: uniquePhone() });
    const me = await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().name, user.name);
    assert.equal(me.json().role, 'adolescent');

    const local = `0${user.phone.slice(4)}`; // the same number typed the Rwandan way
    const byPin = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: local, pin: user.pin },
    });
    assert.equal(byPin.statusCode, 200, byPin.body);
    assert.equal(byPin.json().user.id, user.id);
    assert.equal(byPin.json().expiresIn, 900);
  });

  it('refuses self-registration of staff roles and duplicate identifiers', async () => {
    const t = get();
    const provider = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: {
        name: 'Dr X',
        email: uniqueEmail(),
        password: GOOD_PASSWORD,
        role: 'provider',
        acceptTerms: true,
      },
    });
    assert.equal(provider.statusCode, 400);
    const first = await registerUser(t);
    const sameEmail = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { name: 'Other', email: first.email, password: GOOD_PASSWORD, role: 'parent', acceptTerms: true },
    });
    assert.equal(sameEmail.statusCode, 409);
    assert.equal(sameEmail.json().code, 'identifier_taken');
    // A phone number is not an identifier until its owner proves it: registering a number that
    // already has an account answers exactly like a new one, and gives the newcomer nothing.
    const body = (phone: string) => ({
      name: 'Keza',
      phone,
      password: 'another long passphrase',
      role: 'parent',
      acceptTerms: true,
    });
    const taken = await t.request({ method: 'POST', url: '/api/v1/auth/register', body: body(first.phone) });
    const fresh = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: body(uniquePhone()),
    });
    assert.equal(taken.statusCode, 201);
    assert.equal(fresh.statusCode, 201);
    assert.deepEqual(Object.keys(taken.json()).sort(), Object.keys(fresh.json()).sort());
    assert.equal(taken.json().user.phone, undefined);
    assert.equal(taken.json().user.pendingPhone, first.phone);
    const asNewcomer = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: first.phone, password: 'another long passphrase' },
    });
    assert.equal(asNewcomer.statusCode, 401);
    const owner = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: first.phone, password: first.password },
    });
    assert.equal(owner.statusCode, 200);
  });

  it('answers an unknown account and a wrong password identically', async () => {
    const t = get();
    const user = await registerUser(t);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: 'not the password at all' },
    });
    const unknown = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: uniqueEmail(), password: 'not the password at all' },
    });
    const noPin = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: 'not-a-phone', pin: '12345' },
    });
    for (const res of [wrong, unknown, noPin]) {
      assert.equal(res.statusCode, 401);
      const { instance: _ignored, ...rest } = res.json();
      assert.deepEqual(rest, {
        type: 'urn:ladys-essence:problem:invalid_credentials',
        title: 'The identifier or secret is not correct',
        status: 401,
        detail: 'The identifier or secret is not correct',
        code: 'invalid_credentials',
      });
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
    }
  });

  it('locks the account for 15 minutes at the 5th wrong password, and the right password waits too', async () => {
    const t = get();
    const user = await registerUser(t);
    const attempt = () =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: user.email, password: 'wrong guess number' },
      });
    for (let i = 0; i < 5; i++) assert.equal((await attempt()).statusCode, 401);
    const locked = await attempt();
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['retry-after'], '900');
    const right = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(right.statusCode, 429, 'a locked account stays locked even for the right password');
    t.clock.advance(900);
    const later = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(later.statusCode, 200);
  });

  it('rotates refresh tokens and revokes the session when a spent one is replayed', async () => {
    const t = get();
    const user = await registerUser(t);
    const first = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: user.refreshToken },
    });
    assert.equal(first.statusCode, 200);
    const rotated = first.json();
    assert.notEqual(rotated.refreshToken, user.refreshToken);
    // Her own profile comes with the new pair (a reopening web app needs both), nothing more.
    assert.equal(rotated.user.id, user.id);
    assert.equal(rotated.user.email, user.email);
    assert.deepEqual(Object.keys(rotated).sort(), [
      'accessToken',
      'expiresIn',
      'refreshToken',
      'tokenType',
      'user',
    ]);
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: rotated.accessToken })).statusCode,
      200,
    );

    t.clock.advance(31); // past the retry window: a replay, not a retry
    const replay = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: user.refreshToken },
    });
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().code, 'session_revoked');
    // The whole session is gone: the thief's and the owner's newest tokens alike.
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: rotated.accessToken })).statusCode,
      401,
    );
    const owner = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: rotated.refreshToken },
    });
    assert.equal(owner.statusCode, 401);
    const garbage = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: 'made-up' },
    });
    assert.equal(garbage.statusCode, 401);
    assert.equal(garbage.json().code, 'invalid_token');
  });

  it('logout stops the access token at once and leaves other sessions alone', async () => {
    const t = get();
    const user = await registerUser(t);
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    const out = await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.accessToken });
    assert.equal(out.statusCode, 204);
    const after = await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().code, 'session_revoked');
    assert.equal(
      (
        await t.request({
          method: 'POST',
          url: '/api/v1/auth/refresh',
          body: { refreshToken: user.refreshToken },
        })
      ).statusCode,
      401,
    );
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: other.json().accessToken })).statusCode,
      200,
    );
  });

  it('a password change ends the other sessions but keeps this one; the old password stops working', async () => {
    const t = get();
    const user = await registerUser(t);
    const other = (
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: user.email, password: user.password },
      })
    ).json();
    const weak = await t.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      token: user.accessToken,
      body: { currentPassword: user.password, newPassword: 'password1' },
    });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, 'weak_password');
    const wrong = await t.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      token: user.accessToken,
      body: { currentPassword: 'not my password', newPassword: 'a brand new pass phrase' },
    });
    assert.equal(wrong.statusCode, 401);
    const ok = await t.request({
      method: 'PUT',
      url: '/api/v1/me/password',
      token: user.accessToken,
      body: { currentPin: user.pin, newPassword: 'a brand new pass phrase' },
    });
    assert.equal(ok.statusCode, 204, ok.body);
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken })).statusCode,
      200,
    );
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: other.accessToken })).statusCode,
      401,
    );
    const oldLogin = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(oldLogin.statusCode, 401);
    const newLogin = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: 'a brand new pass phrase' },
    });
    assert.equal(newLogin.statusCode, 200);
  });

  it('a PIN change refuses weak PINs, including the birth year, and ends other sessions', async () => {
    const t = get();
    const user = await registerUser(t, { birthYear: 2008 });
    const other = (
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: user.phone, pin: user.pin },
      })
    ).json();
    for (const newPin of ['11111', '12345', '54321', '20087', '1234', 'abcde']) {
      const res = await t.request({
        method: 'PUT',
        url: '/api/v1/me/pin',
        token: user.accessToken,
        body: { currentPin: user.pin, newPin },
      });
      assert.equal(res.statusCode, 400, `PIN ${newPin} must be refused`);
      assert.equal(res.json().code, 'weak_pin');
    }
    const ok = await t.request({
      method: 'PUT',
      url: '/api/v1/me/pin',
      token: user.accessToken,
      body: { currentPassword: user.password, newPin: '40719' },
    });
    assert.equal(ok.statusCode, 204);
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: other.accessToken })).statusCode,
      401,
    );
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.phone, pin: '40719' },
    });
    assert.equal(login.statusCode, 200);
  });

  it('lists sessions and signs out one of them or all the others', async () => {
    const t = get();
    const user = await registerUser(t);
    const login = () =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: user.email, password: user.password },
        headers: { 'user-agent': 'Feature phone browser' },
      });
    const second = (await login()).json();
    const third = (await login()).json();
    const list = await t.request({ method: 'GET', url: '/api/v1/me/sessions', token: user.accessToken });
    assert.equal(list.statusCode, 200);
    const sessions = list.json().sessions as Array<{ id: string; current: boolean; device: string | null }>;
    assert.equal(sessions.length, 3);
    assert.equal(sessions.filter((s) => s.current).length, 1);
    assert.ok(sessions.some((s) => s.device === 'Feature phone browser'));
    const secondId = sessions.find((s) => !s.current && s.device)?.id;
    assert.ok(secondId);
    const revoke = await t.request({
      method: 'DELETE',
      url: `/api/v1/me/sessions/${secondId}`,
      token: user.accessToken,
    });
    assert.equal(revoke.statusCode, 204);
    const alive = [];
    for (const s of [second, third]) {
      alive.push((await t.request({ method: 'GET', url: '/api/v1/me', token: s.accessToken })).statusCode);
    }
    assert.deepEqual(alive.sort(), [200, 401], 'exactly the chosen session ended');
    const others = await t.request({
      method: 'POST',
      url: '/api/v1/me/sessions/revoke-others',
      token: user.accessToken,
    });
    assert.equal(others.json().revoked, 1);
    for (const s of [second, third]) {
      assert.equal(
        (await t.request({ method: 'GET', url: '/api/v1/me', token: s.accessToken })).statusCode,
        401,
      );
    }
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken })).statusCode,
      200,
    );
  });
});

describeEachDatabase('web sessions with the refresh token in a cookie', (get) => {
  it('keeps the refresh token out of scripts: httpOnly, Secure, SameSite=Strict, rotated, cleared at sign-out', async () => {
    const t = get();
    const user = await registerUser(t);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-session-mode': 'cookie' },
      payload: { identifier: user.email, password: user.password },
    });
    assert.equal(login.statusCode, 200);
    assert.equal(login.json().refreshToken, '', 'not in the JSON a script can read');
    const cookie = String(login.headers['set-cookie']);
    assert.match(cookie, /^le_refresh=[^;]+;/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/api/v1/auth'])
      assert.ok(cookie.includes(flag), flag);
    const first = cookie.split(';')[0] ?? '';

    const refreshed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { 'x-session-mode': 'cookie', cookie: first },
      payload: {},
    });
    assert.equal(refreshed.statusCode, 200, refreshed.body);
    assert.equal(refreshed.json().refreshToken, '');
    const second = String(refreshed.headers['set-cookie']).split(';')[0] ?? '';
    assert.notEqual(second, first, 'rotated');
    t.clock.advance(31); // past the retry window: a replay, not a retry
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { 'x-session-mode': 'cookie', cookie: first },
      payload: {},
    });
    assert.equal(replay.statusCode, 401, 'a spent cookie ends the session');

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-session-mode': 'cookie' },
      payload: { identifier: user.email, password: user.password },
    });
    const sessions = await t.request({
      method: 'GET',
      url: '/api/v1/me/sessions',
      token: again.json().accessToken,
    });
    assert.ok(
      sessions
        .json()
        .sessions.some((s: { channel: string; current: boolean }) => s.current && s.channel === 'web'),
    );
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { authorization: `Bearer ${again.json().accessToken}` },
    });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /le_refresh=;.*Expires=Thu, 01 Jan 1970/);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: {} });
    assert.equal(none.statusCode, 401);
  });
});
