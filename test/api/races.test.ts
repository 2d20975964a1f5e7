import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { describeEachDatabase } from '../support/app.ts';
import { registerUser } from '../support/factories.ts';

const ussdCtx = {
  requestId: 'race',
  channel: 'ussd' as const,
  ip: '127.0.0.1',
  userAgent: undefined,
  principal: undefined,
};

describeEachDatabase('guessing in bursts and saving at once', (get) => {
  it('a burst of parallel wrong logins gets at most 10 verifications, then the account is locked', async () => {
    const t = get();
    const user = await registerUser(t);
    const burst = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          body: { identifier: user.email, password: 'a wrong guess here' },
        }),
      ),
    );
    const verified = burst.filter((r) => r.statusCode === 401).length;
    assert.ok(verified <= 10, `${verified} guesses were checked`);
    assert.ok(burst.every((r) => r.statusCode === 401 || r.statusCode === 429));
    const right = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(right.statusCode, 429, 'locked');
  });

  it('a burst of phone PIN guesses gets at most 5 verifications', async () => {
    const t = get();
    const user = await registerUser(t);
    const { auth } = createServices({ config: t.config, database: t.db.database, clock: t.clock.now });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => auth.verifyPhonePin(user.phone, '11122', ussdCtx)),
    );
    const checked = results.filter((r) => r.outcome === 'wrong').length;
    assert.ok(checked <= 4, `${checked} answered "wrong"`);
    assert.ok(results.some((r) => r.outcome === 'locked'));
    const failures = await t.db.raw<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE subject_id::text = $1 AND action = 'auth.login' AND outcome = 'failure'",
      [user.id],
    );
    assert.ok((failures[0]?.n ?? 0) <= 5, `${failures[0]?.n} PINs were verified`);
    assert.equal((await auth.verifyPhonePin(user.phone, user.pin, ussdCtx)).outcome, 'locked');
  });

  it('limits guesses of her current PIN while signed in, and of guardian codes', async () => {
    const t = get();
    const user = await registerUser(t);
    // Same rule as a login: growing waits, then a 15-minute lock after 10 wrong answers.
    let wrong = 0;
    let last = 0;
    let retryAfter = '';
    for (let i = 0; i < 40 && retryAfter !== '900'; i++) {
      const res = await t.request({
        method: 'PUT',
        url: '/api/v1/me/pin',
        token: user.accessToken,
        body: { currentPin: '11122', newPin: '40719' },
      });
      last = res.statusCode;
      if (res.statusCode === 401) wrong += 1;
      retryAfter = String(res.headers['retry-after'] ?? '');
      if (res.statusCode === 429 && retryAfter !== '900') t.clock.advance(Number(retryAfter));
    }
    assert.equal(wrong, 10);
    assert.equal(last, 429);
    assert.equal(retryAfter, '900');
    const parent = await registerUser(t, { role: 'parent' });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/guardian/consent',
        token: parent.accessToken,
        body: { code: String(10_000_000 + i) },
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [404, 404, 404, 404, 404, 429]);
  });

  it('two saves of the same day at once leave a readable log', async () => {
    const t = get();
    const user = await registerUser(t, { birthYear: 2004 });
    const save = (pain: number) =>
      t.request({
        method: 'PUT',
        url: '/api/v1/cycles/days/2026-11-20',
        token: user.accessToken,
        body: { pain },
      });
    const [a, b] = await Promise.all([save(3), save(6)]);
    assert.equal(a?.statusCode, 200);
    assert.equal(b?.statusCode, 200);
    const read = await t.request({
      method: 'GET',
      url: '/api/v1/cycles/days?from=2026-11-20&to=2026-11-20',
      token: user.accessToken,
    });
    assert.equal(read.statusCode, 200, read.body);
    assert.ok([3, 6].includes(read.json().days[0].pain));
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/cycles/prediction', token: user.accessToken }))
        .statusCode,
      200,
    );
  });
});
