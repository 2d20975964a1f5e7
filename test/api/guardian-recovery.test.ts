import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import {
  GOOD_PASSWORD,
  GOOD_PIN,
  lastCodeTo,
  type Registered,
  registerUser,
  uniqueEmail,
  uniquePhone,
} from '../support/factories.ts';

/*
 * Issue 12, item 4: a forgotten PIN or password recovered through the guardian who gave consent
 * for her account (decision 020), tested from the attacker's side: a parent acting alone, a
 * stranger approving, a code used twice, an answer that tells whether she has a guardian.
 */

const YOUNG = 2012; // 14 at the test clock's date: a guardian must consent
const NEW_PIN = '71946';
const COOKIE_MODE = { 'x-session-mode': 'cookie' };

type Girl = Registered & { device: string };

/** The `le_device` cookie an answer set (a web sign-in remembers its browser). */
function deviceCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'le_device');
  assert.ok(cookie?.value, 'a web sign-in sets the device cookie');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.path, '/api/v1/auth');
  return cookie.value;
}

/** She registers on the web (her browser is remembered) and verifies her number. */
async function webGirl(t: TestApp, birthYear = YOUNG): Promise<Girl> {
  const body = {
    name: 'Ineza',
    phone: uniquePhone(),
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    pin: GOOD_PIN,
    role: 'adolescent',
    birthYear,
    acceptTerms: true,
  };
  const res = await t.request({ method: 'POST', url: '/api/v1/auth/register', body, headers: COOKIE_MODE });
  assert.equal(res.statusCode, 201, res.body);
  const { accessToken, user } = res.json();
  const verified = await t.request({
    method: 'POST',
    url: '/api/v1/me/phone/verify',
    token: accessToken,
    body: { code: lastCodeTo(t, body.phone) },
  });
  assert.equal(verified.statusCode, 200, verified.body);
  return { ...body, id: user.id, accessToken, refreshToken: '', device: deviceCookieOf(res) };
}

/** A parent with a verified number of her own gives consent for the girl. */
async function guardianOf(t: TestApp, girl: Girl): Promise<Registered> {
  const mother = await registerUser(t, { role: 'parent', birthYear: 1984 });
  const issued = await t.request({
    method: 'POST',
    url: '/api/v1/me/guardian-code',
    token: girl.accessToken,
  });
  assert.equal(issued.statusCode, 201, issued.body);
  const given = await t.request({
    method: 'POST',
    url: '/api/v1/guardian/consent',
    token: mother.accessToken,
    body: { code: issued.json().code },
  });
  assert.equal(given.statusCode, 204, given.body);
  return mother;
}

type Started = { requestId: string; code: string; requestToken: string; expiresAt: string };

async function start(t: TestApp, identifier: string, device?: string) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/recovery/guardian',
    body: { identifier },
    headers: { ...COOKIE_MODE, ...(device ? { cookie: `le_device=${device}` } : {}) },
  });
  assert.equal(res.statusCode, 202, res.body);
  return { res, started: res.json() as Started };
}

const status = async (t: TestApp, s: Started, secret = s.requestToken) => {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/recovery/guardian/status',
    body: { requestId: s.requestId, requestToken: secret },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().status as string;
};

const approve = (t: TestApp, token: string, code: string) =>
  t.request({ method: 'POST', url: '/api/v1/guardian/recovery-approvals', token, body: { code } });

const complete = (t: TestApp, s: Started, secret = s.requestToken, newPin = NEW_PIN) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/recovery/guardian/complete',
    body: { requestId: s.requestId, requestToken: secret, newPin },
    headers: COOKIE_MODE,
  });

const signIn = (t: TestApp, identifier: string, secret: { pin?: string; password?: string }) =>
  t.request({ method: 'POST', url: '/api/v1/auth/login', body: { identifier, ...secret } });

async function accessLog(t: TestApp, token: string) {
  const res = await t.request({ method: 'GET', url: '/api/v1/me/access-log', token });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().entries as Array<{
    action: string;
    outcome: string;
    resource: string | null;
    actor: { role: string | null; label: string };
  }>;
}

/** What a refusal says, without what differs on every request (its id). */
const refusal = (res: LightMyRequestResponse) => {
  const { instance: _instance, ...rest } = res.json();
  return { status: res.statusCode, ...rest };
};

describeEachDatabase('recovery through her guardian', (get) => {
  it('she starts it on her phone, her guardian approves the code, she chooses a new PIN: every other session ends and each step is in her access log', async () => {
    const t = get();
    const girl = await webGirl(t);
    const mother = await guardianOf(t, girl);
    const { started } = await start(t, girl.phone, girl.device);
    assert.match(started.code, /^[0-9]{8}$/);
    assert.equal(await status(t, started), 'waiting');
    // She cannot finish before her guardian approves.
    assert.equal((await complete(t, started)).statusCode, 400);

    // Her guardian may type the code with the spaces it is shown with.
    const spaced = `${started.code.slice(0, 4)} ${started.code.slice(4)}`;
    assert.equal((await approve(t, mother.accessToken, spaced)).statusCode, 204);
    assert.equal(await status(t, started), 'approved');
    // A weak PIN is refused without spending the approval.
    assert.equal((await complete(t, started, started.requestToken, '11111')).json().code, 'weak_pin');
    const done = await complete(t, started);
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().user.id, girl.id);
    assert.ok(done.json().accessToken);

    const old = await t.request({ method: 'GET', url: '/api/v1/me', token: girl.accessToken });
    assert.equal(old.statusCode, 401, 'her other sessions ended');
    const motherStill = await t.request({ method: 'GET', url: '/api/v1/me', token: mother.accessToken });
    assert.equal(motherStill.statusCode, 200, "the guardian's own session is untouched");
    assert.equal((await signIn(t, girl.phone, { pin: NEW_PIN })).statusCode, 200);
    assert.equal(
      (await signIn(t, girl.email, { password: GOOD_PASSWORD })).statusCode,
      401,
      'every old secret is replaced: whoever knew it is out',
    );

    const entries = await accessLog(t, done.json().accessToken);
    const find = (action: string) => entries.find((e) => e.action === action);
    assert.equal(find('auth.guardian_recovery_start')?.outcome, 'success');
    const approval = find('auth.guardian_recovery_approve');
    assert.equal(approval?.outcome, 'success');
    assert.equal(approval?.actor.role, 'parent', 'who approved is shown as a parent, by pseudonym');
    assert.ok(!JSON.stringify(approval).includes(mother.id), "the guardian's id is not shown");
    const recovery = entries.find((e) => e.action === 'auth.recovery');
    assert.equal(recovery?.resource, 'guardian');
    assert.equal(recovery?.actor.label, 'you');
  });

  it('a parent takes over his daughter’s account alone: a request from his own phone can never be approved', async () => {
    const t = get();
    const girl = await webGirl(t);
    const father = await guardianOf(t, girl);
    // His own phone has a remembered browser too (his own sign-in): it is not one of hers.
    const hisSignIn = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: father.phone, password: GOOD_PASSWORD },
      headers: COOKIE_MODE,
    });
    const hisDevice = deviceCookieOf(hisSignIn);
    for (const device of [hisDevice, undefined]) {
      const { started } = await start(t, girl.phone, device);
      const refused = await approve(t, father.accessToken, started.code);
      assert.equal(refused.statusCode, 404);
      assert.equal(await status(t, started), 'waiting');
      assert.equal((await complete(t, started)).statusCode, 400);
    }
    // Nor can he finish a request she started, having approved it: the secret is on her device.
    const { started: hers } = await start(t, girl.phone, girl.device);
    assert.equal((await approve(t, father.accessToken, hers.code)).statusCode, 204);
    assert.equal((await complete(t, hers, 'A'.repeat(43))).statusCode, 400);
    assert.equal(await status(t, hers, 'A'.repeat(43)), 'waiting', 'a wrong secret learns nothing');
    assert.equal((await signIn(t, girl.phone, { pin: GOOD_PIN })).statusCode, 200, 'her PIN is unchanged');
    // What he tried is in her access log.
    const entries = await accessLog(t, girl.accessToken);
    assert.ok(entries.some((e) => e.action === 'auth.guardian_recovery_start' && e.outcome === 'denied'));
  });

  it('a stranger approves: only the guardian who consented can, and the stranger gets the answer a wrong code gets', async () => {
    const t = get();
    const girl = await webGirl(t);
    const mother = await guardianOf(t, girl);
    const stranger = await registerUser(t, { role: 'parent', birthYear: 1980 });
    const { started } = await start(t, girl.phone, girl.device);
    const byStranger = await approve(t, stranger.accessToken, started.code);
    const wrongCode = await approve(
      t,
      stranger.accessToken,
      started.code === '00000000' ? '11111111' : '00000000',
    );
    assert.equal(byStranger.statusCode, 404);
    assert.deepEqual(refusal(byStranger), refusal(wrongCode));
    assert.equal(await status(t, started), 'waiting');
    // She cannot approve her own request, by her own account or by a second parent account without the link.
    assert.equal((await approve(t, girl.accessToken, started.code)).statusCode, 403);
    const herSecondAccount = await registerUser(t, { role: 'parent', birthYear: 1990 });
    assert.equal((await approve(t, herSecondAccount.accessToken, started.code)).statusCode, 404);
    // Her real guardian still can; the stranger's try is in her access log.
    assert.equal((await approve(t, mother.accessToken, started.code)).statusCode, 204);
    assert.equal((await complete(t, started)).statusCode, 200);
    const entries = await accessLog(t, (await signIn(t, girl.phone, { pin: NEW_PIN })).json().accessToken);
    assert.ok(entries.some((e) => e.action === 'auth.guardian_recovery_approve' && e.outcome === 'denied'));
  });

  it('a code is used twice: an approval and a request each work once, and not after 30 minutes', async () => {
    const t = get();
    const girl = await webGirl(t);
    const mother = await guardianOf(t, girl);
    const { started } = await start(t, girl.phone, girl.device);
    assert.equal((await approve(t, mother.accessToken, started.code)).statusCode, 204);
    assert.equal((await approve(t, mother.accessToken, started.code)).statusCode, 404, 'approved once');
    assert.equal((await complete(t, started)).statusCode, 200);
    const again = await complete(t, started, started.requestToken, '38261');
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().code, 'invalid_code');
    assert.equal(await status(t, started), 'expired');
    assert.equal(
      (await signIn(t, girl.phone, { pin: NEW_PIN })).statusCode,
      200,
      'the second try changed nothing',
    );

    // A request waits 30 minutes at most.
    const { started: late } = await start(t, girl.phone, girl.device);
    t.clock.advance(31 * 60);
    assert.equal(await status(t, late), 'expired');
    const motherAgain = (await signIn(t, mother.phone, { password: GOOD_PASSWORD })).json().accessToken;
    assert.equal((await approve(t, motherAgain, late.code)).statusCode, 404);
    assert.equal((await complete(t, late)).statusCode, 400);
  });

  it('the answer reveals whether she has a guardian: it does not, at any step', async () => {
    const t = get();
    const withGuardian = await webGirl(t);
    const mother = await guardianOf(t, withGuardian);
    const withoutGuardian = await webGirl(t, 2004); // old enough: no guardian ever consented
    const cases = [
      await start(t, withGuardian.phone, withGuardian.device),
      await start(t, withoutGuardian.phone, withoutGuardian.device),
      await start(t, uniquePhone(), withGuardian.device),
      await start(t, 'nobody@test.invalid'),
    ];
    const shape = ({ res, started }: (typeof cases)[number]) => ({
      status: res.statusCode,
      keys: Object.keys(started).sort(),
      code: /^[0-9]{8}$/.test(started.code),
      secret: started.requestToken.length,
      minutes: Math.round((Date.parse(started.expiresAt) - t.clock.now().getTime()) / 60_000),
      cookies: res.cookies.length,
    });
    const first = shape(cases[0] as (typeof cases)[number]);
    for (const c of cases) assert.deepEqual(shape(c), first);
    for (const c of cases) assert.equal(await status(t, c.started), 'waiting');
    // Another parent entering each code: one answer for all (only the guardian would succeed).
    const stranger = await registerUser(t, { role: 'parent', birthYear: 1979 });
    const answers = [];
    for (const c of cases) answers.push(refusal(await approve(t, stranger.accessToken, c.started.code)));
    for (const a of answers) assert.deepEqual(a, answers[0]);
    // Completing without approval: one answer for all.
    const completions = [];
    for (const c of cases) completions.push(refusal(await complete(t, c.started)));
    for (const c of completions) assert.deepEqual(c, completions[0]);
    assert.equal(
      (await approve(t, mother.accessToken, (cases[0] as (typeof cases)[number]).started.code)).statusCode,
      204,
    );
  });

  it('counts wrong codes on the guardian’s code budget: 5 an hour', async () => {
    const t = get();
    const parent = await registerUser(t, { role: 'parent', birthYear: 1984 });
    for (let i = 0; i < 5; i++)
      assert.equal((await approve(t, parent.accessToken, `1234567${i}`)).statusCode, 404);
    const locked = await approve(t, parent.accessToken, '12345679');
    assert.equal(locked.statusCode, 429);
    assert.ok(locked.headers['retry-after']);
  });

  it('flooding her access log by writing her number differently: 5 starts an hour per number, however written', async () => {
    const t = get();
    t.clock.advance(3600); // a fresh hour: the earlier tests' starts count on the same test address
    const forms = ['0788123001', ' 0788123001', '250788123001', '+250 788 123 001', '+250788123001'];
    for (const identifier of forms) await start(t, identifier);
    const sixth = await t.request({
      method: 'POST',
      url: '/api/v1/auth/recovery/guardian',
      body: { identifier: '+250-788-123-001' },
      headers: COOKIE_MODE,
    });
    assert.equal(sixth.statusCode, 429, sixth.body);
    // Another number is not held back by hers.
    await start(t, '0788123002');
  });
});
