import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { GOOD_PASSWORD, registerUser, uniqueEmail } from '../support/factories.ts';

type Raw = {
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  payload: string | Buffer;
  headers: Record<string, string>;
  token?: string;
};

async function send(t: TestApp, r: Raw) {
  return t.app.inject({
    method: r.method,
    url: r.url,
    payload: r.payload,
    headers: { ...r.headers, ...(r.token ? { authorization: `Bearer ${r.token}` } : {}) },
  });
}

function assertProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const body = JSON.parse(res.body);
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  assert.doesNotMatch(res.body, /at .*\.ts:\d+|node_modules|stack/i, 'no stack trace in answers');
}

const json = { 'content-type': 'application/json' };
const register = (extra: Record<string, unknown>) =>
  JSON.stringify({
    name: 'Hostile',
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    role: 'parent',
    acceptTerms: true,
    ...extra,
  });

describeEachDatabase('hostile input', (get) => {
  it('answers malformed JSON, wrong content types and oversized bodies with a 4xx problem', async () => {
    const t = get();
    const url = '/api/v1/auth/register';
    assertProblem(
      await send(t, { method: 'POST', url, payload: '{"name": ', headers: json }),
      400,
      'malformed_json',
    );
    assertProblem(await send(t, { method: 'POST', url, payload: '', headers: json }), 400, 'malformed_json');
    assertProblem(
      await send(t, {
        method: 'POST',
        url,
        payload: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
      'unsupported_media_type',
    );
    assertProblem(
      await send(t, {
        method: 'POST',
        url,
        payload: register({}),
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      'unsupported_media_type',
    );
    assertProblem(
      await send(t, { method: 'POST', url, payload: register({ name: 'x'.repeat(70_000) }), headers: json }),
      413,
      'payload_too_large',
    );
    assertProblem(
      await send(t, { method: 'POST', url, payload: '{"__proto__": {"admin": true}}', headers: json }),
      400,
      'malformed_json',
    );
  });

  it('refuses unknown fields and wrong types field by field, and stores nothing', async () => {
    const t = get();
    const url = '/api/v1/auth/register';
    const before = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM users');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ isAdmin: true }, 'body/isAdmin'],
      [{ role: 'admin' }, 'body/role'],
      [{ acceptTerms: 'true' }, 'body/acceptTerms'],
      [{ birthYear: '2009' }, 'body/birthYear'],
      [{ birthYear: 1850 }, 'body/birthYear'],
      [{ name: ['a'] }, 'body/name'],
      [{ language: 'de' }, 'body/language'],
      [{ email: 'not an email' }, 'body/email'],
      [{ password: 12345678 }, 'body/password'],
    ];
    for (const [extra, field] of cases) {
      const res = await send(t, { method: 'POST', url, payload: register(extra), headers: json });
      assertProblem(res, 400, 'validation_failed');
      const fields = (JSON.parse(res.body).errors as Array<{ field: string }>).map((e) => e.field);
      assert.ok(fields.includes(field), `${JSON.stringify(extra)} → ${fields.join(', ')}`);
    }
    assertProblem(
      await send(t, { method: 'POST', url, payload: '[]', headers: json }),
      400,
      'validation_failed',
    );
    assertProblem(
      await send(t, { method: 'POST', url, payload: '"text"', headers: json }),
      400,
      'validation_failed',
    );
    assertProblem(
      await send(t, { method: 'POST', url, payload: register({ phone: '12' }), headers: json }),
      400,
      'validation_failed',
    );
    assertProblem(
      await send(t, { method: 'POST', url, payload: register({ phone: '0799 999' }), headers: json }),
      400,
      'invalid_phone',
    );
    const after = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM users');
    assert.deepEqual(after, before, 'no account was created by a rejected request');
  });

  it('never answers 5xx to odd but well-formed input on any route', async () => {
    const t = get();
    // Her number left pending, so odd codes reach the check of the code texted to it.
    const user = await registerUser(t, {}, { verifyPhone: false });
    const odd = [
      '',
      ' ',
      '\u0000',
      '😀'.repeat(300),
      "' OR 1=1 --",
      '<script>alert(1)</script>',
      '\u202e',
      'a'.repeat(1000),
    ];
    const routes: Array<[Raw['method'], string, (v: string) => object]> = [
      ['POST', '/api/v1/auth/login', (v) => ({ identifier: v, password: v })],
      ['POST', '/api/v1/auth/login', (v) => ({ identifier: v, pin: v })],
      ['POST', '/api/v1/auth/refresh', (v) => ({ refreshToken: v })],
      [
        'POST',
        '/api/v1/auth/register',
        (v) => ({ name: v, phone: v, password: v, role: 'parent', acceptTerms: true }),
      ],
      ['PATCH', '/api/v1/me', (v) => ({ name: v })],
      ['PUT', '/api/v1/me/password', (v) => ({ currentPassword: v, newPassword: v })],
      ['PUT', '/api/v1/me/pin', (v) => ({ currentPin: v, newPin: v })],
      ['POST', '/api/v1/me/phone', (v) => ({ phone: v })],
      ['POST', '/api/v1/me/phone/verify', (v) => ({ code: v })],
      ['POST', '/api/v1/auth/recovery', (v) => ({ phone: v })],
      ['POST', '/api/v1/auth/recovery/complete', (v) => ({ phone: v, code: v, newPin: v })],
      ['POST', '/api/v1/auth/recovery/complete', (v) => ({ phone: user.phone, code: v, newPassword: v })],
    ];
    for (const [method, url, body] of routes) {
      for (const value of odd) {
        const res = await send(t, {
          method,
          url,
          payload: JSON.stringify(body(value)),
          headers: json,
          token: user.accessToken,
        });
        assert.ok(
          res.statusCode < 500,
          `${method} ${url} with ${JSON.stringify(value).slice(0, 20)} → ${res.statusCode} ${res.body}`,
        );
      }
    }
    const deep = `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const res = await send(t, {
      method: 'PATCH',
      url: '/api/v1/me',
      payload: deep,
      headers: json,
      token: user.accessToken,
    });
    assert.equal(res.statusCode, 400);
    const logoutWithBody = await send(t, {
      method: 'POST',
      url: '/api/v1/auth/logout',
      payload: '{"all":true}',
      headers: json,
      token: user.accessToken,
    });
    assertProblem(logoutWithBody, 400, 'validation_failed');
  });

  it('answers unknown paths and methods with problem+json', async () => {
    const t = get();
    const missing = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    assertProblem(missing, 404, 'not_found');
  });
});
