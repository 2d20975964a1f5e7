import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase } from '../support/databases.ts';
import { GOOD_PASSWORD, lastCodeTo, registerUser, uniqueEmail, uniquePhone } from '../support/factories.ts';

describe('HTTP baseline: headers, CORS and logs', () => {
  let t: TestApp;
  let logs = '';
  before(async () => {
    const db = await openTestDatabase('postgres');
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    t = await startTestApp(db, {
      config: { allowedOrigins: ['https://app.example.rw'], logLevel: 'debug' },
      logStream: stream,
    });
  });
  after(async () => {
    await t.app.close();
    await t.db.close();
  });

  it('sends a strict CSP, security headers, a request id and no-store on API answers', async () => {
    const res = await t.request({ method: 'GET', url: '/health/live' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.match(String(res.headers['x-request-id']), /^[0-9a-f-]{36}$/);
    const api = await t.request({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(api.headers['cache-control'], 'no-store');
  });

  it('allows only listed origins cross-origin', async () => {
    const preflight = (origin?: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/login',
        headers: { ...(origin ? { origin } : {}), 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('https://app.example.rw');
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://app.example.rw');
    const other = await preflight('https://evil.example');
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    const none = await preflight();
    assert.equal(none.headers['access-control-allow-origin'], undefined);
    const simple = await t.app.inject({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(simple.headers['access-control-allow-origin'], undefined);
  });

  it('keeps passwords, PINs, tokens, texted codes, phones, emails and names out of the logs', async () => {
    const phone = uniquePhone();
    const otherPhone = uniquePhone();
    const email = uniqueEmail();
    const user = await registerUser(t, { phone, email, name: 'Clarisse Ingabire' });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: phone, pin: user.pin },
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: email, password: 'wrong and logged?' },
    });
    await t.request({
      method: 'GET',
      url: `/api/v1/me?phone=${encodeURIComponent(phone)}`,
      token: user.accessToken,
    });
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { name: 'Clarisse Ingabire', phone, password: GOOD_PASSWORD, role: 'parent', acceptTerms: true },
    });
    // The codes texted to her number (to verify it, then to recover her account) and what they unlock.
    const verifyCode = lastCodeTo(t, phone);
    await t.request({ method: 'POST', url: '/api/v1/auth/recovery', body: { phone } });
    const recoveryCode = lastCodeTo(t, phone);
    assert.notEqual(recoveryCode, verifyCode, 'a new code was texted');
    const recovered = await t.request({
      method: 'POST',
      url: '/api/v1/auth/recovery/complete',
      body: { phone, code: recoveryCode, newPin: '71946' },
    });
    assert.equal(recovered.statusCode, 200, recovered.body);
    await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: recovered.json().accessToken,
      body: { phone: otherPhone, currentPin: '71946' },
    });
    assert.ok(logs.length > 500, 'requests were logged');
    for (const secret of [
      phone,
      phone.slice(4),
      otherPhone,
      otherPhone.slice(4),
      email,
      'Clarisse',
      user.pin,
      user.password,
      'wrong and logged?',
      user.accessToken,
      user.refreshToken,
      recovered.json().accessToken,
      recovered.json().refreshToken,
    ]) {
      const line = logs.split('\n').find((l) => l.includes(secret));
      assert.equal(line, undefined, `log contains ${secret.slice(0, 4)}…`);
    }
    // A few digits alone: found as a number of their own, not inside a timestamp or a request id.
    for (const digits of [verifyCode, recoveryCode, lastCodeTo(t, otherPhone), '71946']) {
      const alone = new RegExp(`(?<![0-9A-Za-z.])${digits}(?![0-9])`);
      const line = logs.split('\n').find((l) => alone.test(l));
      assert.equal(line, undefined, `log contains a texted code or the new PIN: ${line?.slice(0, 200)}`);
    }
  });
});
