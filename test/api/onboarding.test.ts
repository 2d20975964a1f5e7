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

  it('without a year of birth she is not turned away (the contract keeps it optional) but counted as under the consent age, and told so', async () => {
    const t = get();
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/register', body: body({}) });
    assert.equal(res.statusCode, 201, res.body);
    const token = res.json().accessToken;
    const status = await t.request({ method: 'GET', url: '/api/v1/me/consents', token });
    assert.deepEqual(status.json().guardian, { required: true, given: false, at: null });
    // Nothing of her health is kept until then, and the refusal names the next step.
    const period = await t.request({
      method: 'POST',
      url: '/api/v1/cycles/periods',
      token,
      body: { startDate: '2026-11-20' },
    });
    assert.equal(period.statusCode, 403, period.body);
    assert.equal(period.json().code, 'guardian_consent_required');
    // A parent is never asked.
    const parent = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: body({ role: 'parent' }),
    });
    assert.equal(parent.statusCode, 201, parent.body);
    const parentStatus = await t.request({
      method: 'GET',
      url: '/api/v1/me/consents',
      token: parent.json().accessToken,
    });
    assert.equal(parentStatus.json().guardian.required, false);
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
