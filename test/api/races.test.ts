import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createServices } from '../../src/app.ts';
import { describeEachDatabase } from '../support/app.ts';
import { lastCodeTo, registerUser } from '../support/factories.ts';

const ussdCtx = {
  requestId: 'race',
  channel: 'ussd' as const,
  ip: '127.0.0.1',
  userAgent: undefined,
  principal: undefined,
};

describeEachDatabase('guessing in bursts and saving at once', (get) => {
  it('a burst of parallel wrong logins gets at most 5 verifications, then the account is locked', async () => {
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
    assert.ok(verified <= 5, `${verified} guesses were checked`);
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
    // Her account's one budget, as for a sign-in: 5 wrong answers lock it for 15 minutes, and 10
    // in a day lock it for the day.
    const guess = (token: string) =>
      t.request({
        method: 'PUT',
        url: '/api/v1/me/pin',
        token,
        body: { currentPin: '11122', newPin: '40719' },
      });
    /** Five wrong answers, then one more attempt: what each got (status and code). */
    const fiveWrongThenOne = async (token: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await guess(token);
        answers.push(`${res.statusCode} ${res.json().code}`);
      }
      return { answers, next: await guess(token) };
    };
    const wrong = Array.from({ length: 5 }, () => '401 invalid_credentials');
    const first = await fiveWrongThenOne(user.accessToken);
    assert.deepEqual(first.answers, wrong);
    assert.equal(first.next.statusCode, 429);
    assert.equal(first.next.headers['retry-after'], '900');
    t.clock.advance(900);
    // Her access token has expired by now: she signs in again (a right password spends nothing).
    const again = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(again.statusCode, 200, again.body);
    const second = await fiveWrongThenOne(again.json().accessToken);
    assert.deepEqual(second.answers, wrong);
    assert.equal(second.next.statusCode, 429);
    assert.equal(second.next.headers['retry-after'], String(24 * 3600), 'the 10th of the day locks the day');
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

  it('a burst of recovery codes gets at most 5 checks per number, and a right code works once', async () => {
    const t = get();
    const user = await registerUser(t);
    const recover = (code: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/recovery/complete',
        body: { phone: user.phone, code, newPin: '40719' },
      });
    const start = () =>
      t.request({ method: 'POST', url: '/api/v1/auth/recovery', body: { phone: user.phone } });
    assert.equal((await start()).statusCode, 202);
    const code = lastCodeTo(t, user.phone);
    const wrong = (i: number) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0');
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => recover(wrong(i))));
    const checked = burst.filter((r) => r.statusCode === 400).length;
    assert.ok(checked <= 5, `${checked} codes were checked`);
    assert.ok(burst.every((r) => r.statusCode === 400 || r.statusCode === 429));
    assert.equal((await recover(code)).statusCode, 429, 'the number is locked, the right code too');

    t.clock.advance(3600);
    assert.equal((await start()).statusCode, 202);
    const fresh = lastCodeTo(t, user.phone);
    const twice = await Promise.all([recover(fresh), recover(fresh)]);
    assert.deepEqual(twice.map((r) => r.statusCode).sort(), [200, 400], 'one code, one recovery');
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
