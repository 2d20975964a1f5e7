import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase } from '../support/app.ts';
import { GOOD_PASSWORD, registerUser, uniqueEmail } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

/*
 * Issue 12, items 1 and 4: what a 15-year-old is told before she registers, an honest year of
 * birth, and every recovery in her access log.
 */

describeEachDatabase('a young woman registering', (get) => {
  const body = (overrides: Record<string, unknown>) => ({
    name: 'Uwase',
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    role: 'adolescent',
    acceptTerms: true,
    ...overrides,
  });

  it('must give her year of birth (a blank one used to count silently as too young), and is told why', async () => {
    const t = get();
    const before = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM users');
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/register', body: body({}) });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().code, 'validation_failed');
    assert.deepEqual(
      res.json().errors.map((e: { field: string }) => e.field),
      ['body/birthYear'],
    );
    const after = await t.db.raw<{ n: number }>('SELECT count(*)::int AS n FROM users');
    assert.equal(Number(after[0]?.n), Number(before[0]?.n), 'no account was made');
    // A parent may leave it out.
    const parent = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: body({ role: 'parent' }),
    });
    assert.equal(parent.statusCode, 201, parent.body);
  });

  it('is told the consent age the server uses, and at 15 her account waits for a parent', async () => {
    const t = get();
    const policies = await t.request({ method: 'GET', url: '/api/v1/policies' });
    assert.equal(policies.json().guardianConsentAge, 16);
    // The test clock is in 2026: born 2011, she is 14 or 15.
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: body({ birthYear: 2011 }),
    });
    assert.equal(res.statusCode, 201, res.body);
    const status = await t.request({
      method: 'GET',
      url: '/api/v1/me/consents',
      token: res.json().accessToken,
    });
    assert.deepEqual(status.json().guardian, { required: true, given: false, at: null });
  });
});

describeEachDatabase('every recovery', (get) => {
  it('over USSD from her own number signs out her other sessions and is in her access log', async () => {
    const t = get();
    const user = await registerUser(t);
    const p = phone(() => t.app, user.phone);
    assert.match(await p.dial(), /forgot it\? send 9/);
    await p.send('9', '71946', '71946');
    const old = await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken });
    assert.equal(old.statusCode, 401, 'her other sessions ended');
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.phone, pin: '71946' },
    });
    assert.equal(login.statusCode, 200);
    const log = await t.request({
      method: 'GET',
      url: '/api/v1/me/access-log',
      token: login.json().accessToken,
    });
    const entries = log.json().entries as Array<{ action: string; resource: string; channel: string }>;
    assert.ok(
      entries.some((e) => e.action === 'auth.recovery' && e.resource === 'ussd' && e.channel === 'ussd'),
      JSON.stringify(entries),
    );
  });
});
