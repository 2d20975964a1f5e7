import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import {
  acceptCurrentPolicies,
  createAdmin,
  GOOD_PASSWORD,
  GOOD_PIN,
  lastCodeTo,
  registerUser,
  uniqueEmail,
  uniquePhone,
} from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

/*
 * Issue 11, items 2, 3, 4 and 6, each from the attacker's (or the wronged person's) side: who
 * can speak for a child, who owns a phone number, and how many guesses a PIN really gets.
 */

const YOUNG = 2012; // 14 at the test clock's date: a guardian must consent
const logToday = (t: TestApp, token: string) =>
  t.request({ method: 'PUT', url: '/api/v1/cycles/days/2026-11-27', token, body: { mood: 'happy' } });

async function guardianCode(t: TestApp, token: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/v1/me/guardian-code', token });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().code;
}

const redeem = (t: TestApp, token: string, code: string) =>
  t.request({ method: 'POST', url: '/api/v1/guardian/consent', token, body: { code } });

describeEachDatabase('who may give a guardian consent', (get) => {
  it('a girl cannot be her own guardian through a second account without a phone of its own', async () => {
    const t = get();
    const girl = await registerUser(t, { birthYear: YOUNG });
    const code = await guardianCode(t, girl.accessToken);
    // Her second account: a parent, another email, no phone.
    const fake = await registerUser(t, { role: 'parent', phone: undefined, birthYear: 1990 });
    const tried = await redeem(t, fake.accessToken, code);
    assert.equal(tried.statusCode, 403);
    assert.equal(tried.json().code, 'guardian_phone_required');
    assert.equal((await logToday(t, girl.accessToken)).statusCode, 403, 'still no health data kept');
    // With her own number on the parent account: the code goes to HER phone, and the number is hers.
    const withHerNumber = await registerUser(
      t,
      { role: 'parent', phone: girl.phone, birthYear: 1990 },
      { verifyPhone: false },
    );
    const proof = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone/verify',
      token: withHerNumber.accessToken,
      body: { code: lastCodeTo(t, girl.phone) },
    });
    assert.equal(proof.statusCode, 409);
    assert.equal(proof.json().code, 'phone_taken');
    assert.equal((await redeem(t, withHerNumber.accessToken, code)).statusCode, 403);
    assert.equal((await logToday(t, girl.accessToken)).statusCode, 403);
  });

  it("a guardian with a verified phone of their own consents; who gave it is sealed and survives the guardian's erasure", async () => {
    const t = get();
    const girl = await registerUser(t, { birthYear: YOUNG });
    const mother = await registerUser(t, { role: 'parent', birthYear: 1985 });
    assert.equal(
      (await redeem(t, mother.accessToken, await guardianCode(t, girl.accessToken))).statusCode,
      204,
    );
    assert.equal((await logToday(t, girl.accessToken)).statusCode, 200);

    const rows = await t.db.raw<Record<string, unknown>>(
      `SELECT * FROM consent_records WHERE user_id = '${girl.id}' AND purpose = 'guardian'`,
    );
    assert.equal(rows.length, 1);
    const row = rows[0] as Record<string, unknown>;
    assert.equal(row.granted_by, null, 'the guardian is not named in clear');
    assert.ok(row.granted_by_enc, 'who gave it is kept, sealed');
    const clear = JSON.stringify(rows, (_k, v) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    assert.ok(!clear.includes(mother.id), "no column holds the guardian's id in clear");
    assert.ok(!clear.includes(mother.phone.slice(1)), "no column holds the guardian's number in clear");

    const exported = async () =>
      (await t.request({ method: 'GET', url: '/api/v1/me/export', token: girl.accessToken })).json();
    const given = (data: { consents: Array<{ purpose: string; givenBy: string }> }) =>
      data.consents.find((c) => c.purpose === 'guardian')?.givenBy;
    assert.equal(given(await exported()), 'guardian');
    // The guardian erases her own account: the record still says a guardian gave it.
    const erased = await t.request({
      method: 'DELETE',
      url: '/api/v1/me',
      token: mother.accessToken,
      body: { password: GOOD_PASSWORD },
    });
    assert.equal(erased.statusCode, 204);
    assert.equal(given(await exported()), 'guardian');
    const status = (
      await t.request({ method: 'GET', url: '/api/v1/me/consents', token: girl.accessToken })
    ).json();
    assert.equal(status.guardian.given, true);
  });

  it('a girl with one phone cannot be both: her code needs a verified number of her own, and the guardian a different one', async () => {
    const t = get();
    // Her account by email only; "a parent" account on her one phone, proven by dialling from it.
    const number = uniquePhone();
    const girl = await registerUser(t, { birthYear: YOUNG, phone: undefined });
    const p = phone(() => t.app, number);
    await p.dial();
    await p.send('1', 'Mama', '2', '1985', '1', '71946');
    assert.match(await p.send('71946'), /account is ready/);
    const refused = await t.request({
      method: 'POST',
      url: '/api/v1/me/guardian-code',
      token: girl.accessToken,
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'phone_required');
    // Her number given on the web waits for its code; the pending number alone is not enough.
    const pending = await registerUser(t, { birthYear: YOUNG, phone: uniquePhone() }, { verifyPhone: false });
    const alsoRefused = await t.request({
      method: 'POST',
      url: '/api/v1/me/guardian-code',
      token: pending.accessToken,
    });
    assert.equal(alsoRefused.json().code, 'phone_required');
    // The one phone cannot be verified for her too: it already signs the "parent" in.
    const mine = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: girl.accessToken,
      body: { phone: number, currentPassword: girl.password },
    });
    assert.equal(mine.statusCode, 202);
    const proof = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone/verify',
      token: girl.accessToken,
      body: { code: lastCodeTo(t, number) },
    });
    assert.equal(proof.json().code, 'phone_taken');
    assert.equal((await logToday(t, girl.accessToken)).statusCode, 403);
  });

  it('over USSD the carrier vouches for the guardian’s own number', async () => {
    const t = get();
    const girl = await registerUser(t, { birthYear: YOUNG });
    const code = await guardianCode(t, girl.accessToken);
    const mother = phone(() => t.app, uniquePhone());
    await mother.dial();
    await mother.send('1', 'Mama', '2', '1985', '1', '71946');
    await mother.send('71946');
    assert.doesNotMatch(await mother.send('1', code), /not valid|own phone/);
    assert.equal((await logToday(t, girl.accessToken)).statusCode, 200);
  });

  it('one guardian number consenting for many children is flagged for an admin', async () => {
    const t = get();
    const guardian = await registerUser(t, { role: 'parent', birthYear: 1980 });
    for (let i = 0; i < 3; i++) {
      const child = await registerUser(t, { birthYear: YOUNG });
      assert.equal(
        (await redeem(t, guardian.accessToken, await guardianCode(t, child.accessToken))).statusCode,
        204,
      );
    }
    const admin = await createAdmin(t);
    const flags = await t.request({
      method: 'GET',
      url: '/api/v1/admin/review-flags',
      token: admin.accessToken,
    });
    assert.equal(flags.statusCode, 200);
    const mine = flags.json().filter((f: { accountId: string }) => f.accountId === guardian.id);
    assert.equal(mine.length, 1);
    assert.equal(mine[0].kind, 'guardian_many_children');
    assert.equal(mine[0].count, 3);
    const asParent = await t.request({
      method: 'GET',
      url: '/api/v1/admin/review-flags',
      token: guardian.accessToken,
    });
    assert.equal(asParent.statusCode, 403);
  });
});

describeEachDatabase('who owns a phone number', (get) => {
  it('someone registering her number gets nothing: her USSD call does not ask for a PIN she never set', async () => {
    const t = get();
    const number = uniquePhone();
    const squatter = await registerUser(t, { phone: number, email: uniqueEmail() }, { verifyPhone: false });
    const herPhone = phone(() => t.app, number);
    assert.match(await herPhone.dial(), /Choose a language/, 'an unverified number is unknown to USSD');
    await herPhone.send('1', 'Aline', '1', '2006', '1', GOOD_PIN);
    assert.match(await herPhone.send(GOOD_PIN), /account is ready/);
    // The number is hers now: the squatter cannot verify it (not holding the phone) or sign in with it.
    const guessed = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone/verify',
      token: squatter.accessToken,
      body: { code: '123456' },
    });
    assert.equal(guessed.statusCode, 400);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: number, password: squatter.password },
    });
    assert.equal(login.statusCode, 401);
  });

  it('sends the code through the SMS provider and makes the number a sign-in identifier only after it', async () => {
    const t = get();
    const user = await registerUser(t, {}, { verifyPhone: false });
    const sms = t.sms.lastTo(user.phone);
    assert.ok(sms, 'a code was texted to the number');
    assert.doesNotMatch(sms, /Lady|period|menstru/i, 'the text is discreet');
    const byPhone = () =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login',
        body: { identifier: user.phone, pin: GOOD_PIN },
      });
    assert.equal((await byPhone()).statusCode, 401);
    const me = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone/verify',
      token: user.accessToken,
      body: { code: lastCodeTo(t, user.phone) },
    });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().phone, user.phone);
    assert.equal(me.json().pendingPhone, undefined);
    assert.equal((await byPhone()).statusCode, 200);
  });

  it('recovers a forgotten PIN by a code to her verified number, signs out other sessions, and says the same for unknown numbers', async () => {
    const t = get();
    const user = await registerUser(t);
    const start = (phoneNumber: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/recovery', body: { phone: phoneNumber } });
    const known = await start(user.phone);
    const unknownNumber = uniquePhone();
    const unknown = await start(unknownNumber);
    assert.equal(known.statusCode, 202);
    assert.equal(unknown.statusCode, 202);
    assert.equal(known.body, unknown.body);
    assert.equal(t.sms.lastTo(unknownNumber), undefined);

    const complete = (code: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/recovery/complete',
        body: { phone: user.phone, code, newPin: '71946' },
      });
    assert.equal((await complete('000000')).statusCode, 400);
    const weak = await t.request({
      method: 'POST',
      url: '/api/v1/auth/recovery/complete',
      body: { phone: user.phone, code: lastCodeTo(t, user.phone), newPin: '11111' },
    });
    assert.equal(weak.json().code, 'weak_pin', 'a refused new PIN does not use up her code');
    const done = await complete(lastCodeTo(t, user.phone));
    assert.equal(done.statusCode, 200, done.body);
    assert.ok(done.json().accessToken);
    const old = await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken });
    assert.equal(old.statusCode, 401, 'her other sessions ended');
    assert.equal((await complete(lastCodeTo(t, user.phone))).statusCode, 400, 'a code works once');
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
    assert.ok(JSON.stringify(log.json()).includes('auth.recovery'), 'the recovery is in her access log');
  });

  it('lets her back in when she registered with only a phone and lost the session before entering the code', async () => {
    const t = get();
    const user = await registerUser(t, { email: undefined }, { verifyPhone: false });
    await t.request({ method: 'POST', url: '/api/v1/auth/logout', token: user.accessToken });
    assert.equal(
      (await t.request({ method: 'POST', url: '/api/v1/auth/recovery', body: { phone: user.phone } }))
        .statusCode,
      202,
    );
    const done = await t.request({
      method: 'POST',
      url: '/api/v1/auth/recovery/complete',
      body: { phone: user.phone, code: lastCodeTo(t, user.phone), newPin: '71946' },
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().user.id, user.id);
    assert.equal(done.json().user.phone, user.phone, 'the code proved the number: it is verified now');
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.phone, pin: '71946' },
    });
    assert.equal(login.statusCode, 200);
  });

  it('someone with her open session cannot switch her recovery number without her PIN; a switch signs out the rest and tells the old number', async () => {
    const t = get();
    const user = await registerUser(t);
    const other = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    const theirs = uniquePhone();
    const borrowed = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: user.accessToken,
      body: { phone: theirs },
    });
    assert.equal(borrowed.statusCode, 400, 'her PIN or password is required');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: user.accessToken,
      body: { phone: theirs, currentPin: '13572' },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(t.sms.lastTo(theirs), undefined, 'no code went to the new number');
    // She does it herself: the new number is verified, her other session ends, the old number is told.
    const newNumber = uniquePhone();
    const asked = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: user.accessToken,
      body: { phone: newNumber, currentPin: GOOD_PIN },
    });
    assert.equal(asked.statusCode, 202);
    const oldTexts = t.sms.messages.filter((m) => m.to === user.phone).length;
    const verified = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone/verify',
      token: user.accessToken,
      body: { code: lastCodeTo(t, newNumber) },
    });
    assert.equal(verified.json().phone, newNumber);
    assert.equal(
      t.sms.messages.filter((m) => m.to === user.phone).length,
      oldTexts + 1,
      'the old number is told',
    );
    const otherSession = await t.request({
      method: 'GET',
      url: '/api/v1/me',
      token: other.json().accessToken,
    });
    assert.equal(otherSession.statusCode, 401);
    assert.equal(
      (await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken })).statusCode,
      200,
    );
  });

  it('texts codes only to numbers in the allowed countries (no SMS pumping abroad)', async () => {
    const t = get();
    const abroad = '+447911123456';
    const registered = await t.request({
      method: 'POST',
      url: '/api/v1/auth/register',
      body: { name: 'Keza', phone: abroad, password: GOOD_PASSWORD, role: 'parent', acceptTerms: true },
    });
    assert.equal(registered.statusCode, 400);
    assert.equal(registered.json().code, 'invalid_phone');
    const recovery = await t.request({
      method: 'POST',
      url: '/api/v1/auth/recovery',
      body: { phone: abroad },
    });
    assert.equal(recovery.statusCode, 202);
    const user = await registerUser(t);
    const added = await t.request({
      method: 'POST',
      url: '/api/v1/me/phone',
      token: user.accessToken,
      body: { phone: abroad, currentPin: GOOD_PIN },
    });
    assert.equal(added.statusCode, 400);
    assert.equal(t.sms.messages.filter((m) => m.to === abroad).length, 0);
  });

  it('answers a recovery request before the text is sent, so a slow provider does not tell who has an account', async () => {
    const t = get();
    const user = await registerUser(t);
    let release = () => {};
    t.sms.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const answered = await Promise.race([
        t.app.inject({ method: 'POST', url: '/api/v1/auth/recovery', payload: { phone: user.phone } }),
        new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000)),
      ]);
      assert.notEqual(answered, 'timeout', 'the answer did not wait for the provider');
      assert.equal(typeof answered === 'string' ? 0 : answered.statusCode, 202);
    } finally {
      t.sms.hold = undefined;
      release();
      await t.app.settled();
    }
    assert.ok(lastCodeTo(t, user.phone), 'the code still went out');
  });

  it('recovers a forgotten PIN over USSD from her own number', async () => {
    const t = get();
    const user = await registerUser(t);
    const p = phone(() => t.app, user.phone);
    assert.match(await p.dial(), /forgot it\? send 9/);
    assert.match(await p.send('9'), /Choose a new 5-digit PIN/);
    await p.send('71946');
    assert.match(await p.send('71946'), /PIN is changed/);
    assert.match(await p.send('71946'), /Main menu/);
    const old = await t.request({ method: 'GET', url: '/api/v1/me', token: user.accessToken });
    assert.equal(old.statusCode, 401);
  });
});

describeEachDatabase('one guess budget per account', (get) => {
  const login = (t: TestApp, identifier: string, pin: string) =>
    t.request({ method: 'POST', url: '/api/v1/auth/login', body: { identifier, pin } });

  it('counts wrong guesses by phone, by email and on USSD against one lock', async () => {
    const t = get();
    const user = await registerUser(t);
    for (let i = 0; i < 2; i++) assert.equal((await login(t, user.phone, '13572')).statusCode, 401);
    for (let i = 0; i < 2; i++) assert.equal((await login(t, user.email, '13572')).statusCode, 401);
    const p = phone(() => t.app, user.phone);
    await p.dial();
    assert.match(await p.send('13572'), /Too many wrong PINs/, 'the 5th wrong guess, on USSD, locks');
    assert.equal((await login(t, user.email, GOOD_PIN)).statusCode, 429, 'one lock for every channel');
  });

  it('does not give a guesser a fresh budget when she signs in on another channel', async () => {
    const t = get();
    const user = await registerUser(t);
    for (let i = 0; i < 4; i++) assert.equal((await login(t, user.email, '13572')).statusCode, 401);
    const p = phone(() => t.app, user.phone);
    await p.dial();
    assert.match(await p.send(GOOD_PIN), /Main menu/);
    assert.equal((await login(t, user.phone, '13572')).statusCode, 401);
    assert.equal((await login(t, user.phone, '24681')).statusCode, 429);
  });

  it('caps wrong guesses at 10 a day however they are spaced', async () => {
    const t = get();
    const user = await registerUser(t);
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) assert.equal((await login(t, user.email, '13572')).statusCode, 401);
      t.clock.advance(16 * 60);
    }
    assert.equal((await login(t, user.email, '13572')).statusCode, 401);
    assert.equal((await login(t, user.email, '13572')).statusCode, 401);
    t.clock.advance(16 * 60);
    const capped = await login(t, user.email, GOOD_PIN);
    assert.equal(capped.statusCode, 429);
    assert.ok(Number(capped.headers['retry-after']) > 3600, 'locked for the day, not 15 minutes');
  });
});

describeEachDatabase('accounts made by an admin', (get) => {
  it('carry no consent she never gave: she is asked at her first sign-in', async () => {
    const t = get();
    const admin = await createAdmin(t);
    const email = uniqueEmail();
    const made = await t.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      token: admin.accessToken,
      body: { name: 'Dr Uwase', role: 'provider', email, password: GOOD_PASSWORD },
    });
    assert.equal(made.statusCode, 201);
    const rows = await t.db.raw(`SELECT 1 FROM consent_records WHERE user_id = '${made.json().id}'`);
    assert.equal(rows.length, 0);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: email, password: GOOD_PASSWORD },
    });
    const token = login.json().accessToken;
    const status = (await t.request({ method: 'GET', url: '/api/v1/me/consents', token })).json();
    assert.ok(status.policies.every((p: { accepted: boolean }) => !p.accepted));
    await acceptCurrentPolicies(t, token);
    const after = (await t.request({ method: 'GET', url: '/api/v1/me/consents', token })).json();
    assert.ok(after.policies.every((p: { accepted: boolean }) => p.accepted));
  });
});

describeEachDatabase('a database writer without the server secrets', (get) => {
  it('cannot sign in as her by copying his own PIN or password hash onto her row', async () => {
    const t = get();
    const her = await registerUser(t);
    const him = await registerUser(t, { pin: '71946', password: 'his own long passphrase' });
    await t.db.raw(
      `UPDATE users SET pin_hash = (SELECT pin_hash FROM users WHERE id = '${him.id}'),
                        password_hash = (SELECT password_hash FROM users WHERE id = '${him.id}')
       WHERE id = '${her.id}'`,
    );
    const byPin = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: her.phone, pin: '71946' },
    });
    const byPassword = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: her.email, password: 'his own long passphrase' },
    });
    assert.equal(byPin.statusCode, 401);
    assert.equal(byPassword.statusCode, 401);
    const p = phone(() => t.app, her.phone);
    await p.dial();
    assert.doesNotMatch(await p.send('71946'), /Main menu/, 'nor on her phone line');
  });

  it('cannot take her account over by moving his own phone lookup value onto her row', async () => {
    const t = get();
    const her = await registerUser(t);
    const him = await registerUser(t, { pin: '71946', password: 'his own long passphrase' });
    const [his] = await t.db.raw<{ hex: string }>(
      `SELECT encode(phone_bidx, 'hex') AS hex FROM users WHERE id = '${him.id}'`,
    );
    await t.db.raw(`UPDATE users SET phone_bidx = NULL WHERE id = '${him.id}'`);
    await t.db.raw(`UPDATE users SET phone_bidx = decode('${his?.hex}', 'hex') WHERE id = '${her.id}'`);
    const textsToHim = () => t.sms.messages.filter((m) => m.to === him.phone).length;
    const before = textsToHim();
    const start = await t.request({
      method: 'POST',
      url: '/api/v1/auth/recovery',
      body: { phone: him.phone },
    });
    assert.equal(start.statusCode, 202);
    assert.equal(textsToHim(), before, 'no recovery code for her account goes to his phone');
    // Nor on USSD from his number: "forgot PIN" does not reach her account.
    const p = phone(() => t.app, him.phone);
    await p.dial();
    await p.send('9', '40719');
    assert.doesNotMatch(await p.send('40719'), /PIN is changed/);
    const hers = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: her.email, pin: GOOD_PIN },
    });
    assert.equal(hers.statusCode, 200, 'her own PIN still opens her account');
  });

  it('cannot make himself an admin, nor hide what a living account did', async () => {
    const t = get();
    const him = await registerUser(t, { role: 'parent', birthYear: 1980 });
    const her = await registerUser(t);
    await t.db.raw(`UPDATE users SET role = 'admin' WHERE id = '${him.id}'`);
    const asAdmin = await t.request({
      method: 'GET',
      url: `/api/v1/admin/users/${her.id}`,
      token: him.accessToken,
    });
    assert.equal(asAdmin.statusCode, 401, 'a role not set by the server is refused');
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: him.email, password: him.password },
    });
    assert.equal(login.statusCode, 401);
    const before = await t.db.raw(`SELECT 1 FROM audit_log WHERE subject_id::text = '${her.id}'`);
    await t.db.raw(`SELECT forget_audit_subject('${her.id}')`);
    const after = await t.db.raw(`SELECT 1 FROM audit_log WHERE subject_id::text = '${her.id}'`);
    assert.ok(before.length > 0);
    assert.equal(after.length, before.length, 'erasure tombstones only for an account that is gone');
  });
});
