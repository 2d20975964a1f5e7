import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDatabase, type TestApp } from '../support/app.ts';
import { GOOD_PASSWORD, GOOD_PIN, type Registered, registerUser } from '../support/factories.ts';

/*
 * A shared phone (issue 12, item 3; decision 019). The web app keeps her signed in with a 30-day
 * refresh cookie, so whoever picks up the phone next would land in her diary. These tests play
 * that person: they hold her browser's cookie (and, while the tab is open, its access token) and
 * try to read her data after she has put the phone down.
 */

/** Her browser: the refresh cookie it holds, sent the way the web app sends it. */
type Browser = { cookie: string; accessToken: string };

function cookieFrom(res: LightMyRequestResponse): string | undefined {
  const header = res.headers['set-cookie'];
  const first = (Array.isArray(header) ? header : [header ?? '']).find((c) => c.startsWith('le_refresh='));
  return first?.split(';')[0];
}

/** She signs in on the web app (cookie mode), as on her phone's browser. */
async function signInOnWeb(t: TestApp, her: Registered): Promise<Browser> {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-session-mode': 'cookie' },
    body: { identifier: her.email, password: her.password },
  });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = cookieFrom(res);
  assert.ok(cookie, 'the refresh token comes as a cookie');
  return { cookie, accessToken: res.json().accessToken };
}

/** What a reload does: the refresh cookie for a new access token and her profile. */
async function reload(t: TestApp, browser: Browser) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers: { 'x-session-mode': 'cookie', cookie: browser.cookie },
    body: {},
  });
  const next = cookieFrom(res);
  if (res.statusCode === 200 && next) {
    browser.cookie = next;
    browser.accessToken = res.json().accessToken;
  }
  return res;
}

async function unlock(t: TestApp, browser: Browser, secret: { pin?: string; password?: string }) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/auth/unlock',
    headers: { 'x-session-mode': 'cookie', cookie: browser.cookie },
    body: secret,
  });
  const next = cookieFrom(res);
  if (res.statusCode === 200 && next) {
    browser.cookie = next;
    browser.accessToken = res.json().accessToken;
  }
  return res;
}

const lockNow = (t: TestApp, browser: Browser) =>
  t.request({
    method: 'POST',
    url: '/api/v1/auth/lock',
    headers: { 'x-session-mode': 'cookie', cookie: browser.cookie },
    body: {},
  });

const read = (t: TestApp, token: string, url: string) => t.request({ method: 'GET', url, token });

const codeOf = (res: LightMyRequestResponse) => `${res.statusCode} ${res.json().code ?? ''}`.trim();

async function herLog(t: TestApp, token: string) {
  const res = await read(t, token, '/api/v1/me/access-log');
  assert.equal(res.statusCode, 200, res.body);
  return res.json().entries as Array<{ action: string; outcome: string; actor: { label: string } }>;
}

/** A young woman with a period logged, signed in on her phone's browser. */
async function herWithDiary(t: TestApp) {
  const her = await registerUser(t, { birthYear: 2004 });
  const logged = await t.request({
    method: 'POST',
    url: '/api/v1/cycles/periods',
    token: her.accessToken,
    body: { startDate: '2026-11-20', endDate: '2026-11-24' },
  });
  assert.equal(logged.statusCode, 201, logged.body);
  return { her, browser: await signInOnWeb(t, her) };
}

const CYCLE_READS = [
  '/api/v1/cycles/periods',
  '/api/v1/cycles/days?from=2026-11-01&to=2026-11-28',
  '/api/v1/cycles/prediction',
  '/api/v1/cycles/calendar?month=2026-11',
  '/api/v1/cycles/stats',
];

describeEachDatabase('app lock on a shared phone', (get) => {
  it('someone picks up her phone after 10 minutes and reloads: the refresh gives session_locked and no health data', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    const profile = await read(t, browser.accessToken, '/api/v1/me');
    assert.equal(profile.json().lockMinutes, 5, 'the lock is on by default, at 5 minutes');

    t.clock.advance(10 * 60);
    const reloaded = await reload(t, browser);
    assert.equal(codeOf(reloaded), '401 session_locked');
    assert.equal(reloaded.headers['set-cookie'], undefined, 'no new cookie, no access token');
    for (const secret of [her.name, her.email, '2026-11-20', 'accessToken']) {
      assert.ok(!reloaded.body.includes(secret), `the answer does not carry ${secret}`);
    }
    // The access token the open tab still held (15 minutes) opens nothing either.
    assert.equal(codeOf(await read(t, browser.accessToken, '/api/v1/cycles/periods')), '401 session_locked');
    assert.equal(
      codeOf(await reload(t, browser)),
      '401 session_locked',
      'a second reload, a new tab: still locked',
    );
  });

  it('a locked session cannot read /cycles/*, whether it locked itself when idle or she locked it', async () => {
    const t = get();
    const idle = await herWithDiary(t);
    const onPurpose = await herWithDiary(t);
    for (const url of CYCLE_READS) assert.equal(codeOf(await read(t, idle.browser.accessToken, url)), '200');

    assert.equal((await lockNow(t, onPurpose.browser)).statusCode, 204, 'quick exit locks her session');
    t.clock.advance(6 * 60 + 1); // her 5 minutes, and the minute activity is rounded to
    for (const { browser } of [idle, onPurpose]) {
      for (const url of CYCLE_READS) {
        assert.equal(codeOf(await read(t, browser.accessToken, url)), '401 session_locked', url);
      }
      const write = await t.request({
        method: 'PUT',
        url: '/api/v1/cycles/days/2026-11-27',
        token: browser.accessToken,
        body: { pain: 2 },
      });
      assert.equal(codeOf(write), '401 session_locked');
      assert.equal(codeOf(await reload(t, browser)), '401 session_locked');
    }
  });

  it('guessing the PIN at the lock screen locks the account like sign-in does', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    assert.equal((await lockNow(t, browser)).statusCode, 204);
    const guesses: string[] = [];
    for (const pin of ['11111', '12345', '54321', '00000', '24680']) {
      guesses.push(codeOf(await unlock(t, browser, { pin })));
    }
    assert.deepEqual(guesses, Array(5).fill('401 invalid_credentials'));
    const sixth = await unlock(t, browser, { pin: her.pin });
    assert.equal(sixth.statusCode, 429, 'locked: even her right PIN waits');
    assert.equal(sixth.headers['retry-after'], '900');
    const signIn = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: her.email, password: her.password },
    });
    assert.equal(signIn.statusCode, 429, 'the same budget as sign-in: the whole account is locked');

    t.clock.advance(900);
    assert.equal((await unlock(t, browser, { pin: her.pin })).statusCode, 200);
    const log = await herLog(t, browser.accessToken);
    assert.equal(log.filter((e) => e.action === 'session.unlock' && e.outcome === 'failure').length, 5);
    assert.ok(log.some((e) => e.action === 'auth.lock' && e.outcome === 'denied'));
  });

  it('unlock with a correct PIN works, is in her access log, and a password works for her too', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    t.clock.advance(10 * 60);
    assert.equal(codeOf(await reload(t, browser)), '401 session_locked');
    const before = browser.cookie;
    const opened = await unlock(t, browser, { pin: GOOD_PIN });
    assert.equal(opened.statusCode, 200, opened.body);
    assert.equal(opened.json().user.id, her.id);
    assert.equal(opened.json().refreshToken, '', 'cookie mode: the token stays in its cookie');
    assert.notEqual(browser.cookie, before, 'the refresh token was spent and replaced');
    assert.equal(codeOf(await read(t, browser.accessToken, '/api/v1/cycles/periods')), '200');
    assert.equal(codeOf(await reload(t, browser)), '200', 'a reload now opens her diary');

    const log = await herLog(t, browser.accessToken);
    const unlocked = log.find((e) => e.action === 'session.unlock' && e.outcome === 'success');
    assert.equal(unlocked?.actor.label, 'you');

    assert.equal((await lockNow(t, browser)).statusCode, 204);
    assert.equal(codeOf(await unlock(t, browser, { password: GOOD_PASSWORD })), '200');
    assert.equal(
      codeOf(await unlock(t, browser, {})),
      '400 validation_failed',
      'exactly one of pin or password',
    );
    const lockEntries = (await herLog(t, browser.accessToken)).filter((e) => e.action === 'session.lock');
    assert.equal(lockEntries.length, 1, 'locking it is in her access log too');
  });

  it('"Not you? Sign out" ends the locked session without its PIN', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    t.clock.advance(10 * 60);
    const out = await t.request({
      method: 'POST',
      url: '/api/v1/auth/lock/sign-out',
      headers: { 'x-session-mode': 'cookie', cookie: browser.cookie },
      body: {},
    });
    assert.equal(out.statusCode, 204);
    assert.match(String(out.headers['set-cookie']), /le_refresh=;/, 'the cookie is cleared');
    assert.equal(codeOf(await unlock(t, browser, { pin: her.pin })), '401 session_revoked');
    assert.equal(codeOf(await reload(t, browser)), '401 session_revoked');
  });

  it('a stolen or made-up token cannot lock, unlock or sign out a session', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    const forged = `${browser.cookie.split('.')[0]}.${'A'.repeat(43)}`;
    for (const url of ['/api/v1/auth/lock', '/api/v1/auth/lock/sign-out', '/api/v1/auth/unlock']) {
      const res = await t.request({
        method: 'POST',
        url,
        headers: { 'x-session-mode': 'cookie', cookie: forged },
        body: url.endsWith('/unlock') ? { pin: her.pin } : {},
      });
      assert.equal(codeOf(res), '401 invalid_token', url);
    }
    const spent = browser.cookie;
    assert.equal(codeOf(await reload(t, browser)), '200');
    t.clock.advance(31); // past the retry window: an old copy, not the same browser
    const replay = await t.request({
      method: 'POST',
      url: '/api/v1/auth/unlock',
      headers: { 'x-session-mode': 'cookie', cookie: spent },
      body: { pin: her.pin },
    });
    assert.equal(codeOf(replay), '401 invalid_token', 'only the current token of the session');
    assert.equal(
      codeOf(await read(t, browser.accessToken, '/api/v1/cycles/periods')),
      '200',
      'nothing was locked',
    );
  });

  it('the quick exit locks even when it leaves while a refresh is on its way (the new cookie never arrives)', async () => {
    const t = get();
    const { browser } = await herWithDiary(t);
    const before = browser.cookie;
    assert.equal(
      codeOf(await reload(t, browser)),
      '200',
      'the server spent it; the browser left before the answer',
    );
    const next = browser.cookie;
    browser.cookie = before;
    t.clock.advance(5);
    assert.equal((await lockNow(t, browser)).statusCode, 204);
    assert.equal(codeOf(await reload(t, browser)), '401 session_locked', 'reopened with the cookie it kept');
    browser.cookie = next;
    assert.equal(codeOf(await reload(t, browser)), '401 session_locked');
    browser.cookie = before;
    assert.equal(codeOf(await unlock(t, browser, { pin: GOOD_PIN })), '200', 'her PIN opens it from either');
  });

  it('while she uses the app it stays open, and her activity is written at most once a minute', async () => {
    const t = get();
    const { browser } = await herWithDiary(t);
    const lastSeen = async () => {
      const res = await read(t, browser.accessToken, '/api/v1/me/sessions');
      return (res.json().sessions as Array<{ current: boolean; lastSeenAt: string }>).find((s) => s.current)
        ?.lastSeenAt;
    };
    const signedInAt = await lastSeen();
    t.clock.advance(30);
    assert.equal(await lastSeen(), signedInAt, 'a request 30 s later writes nothing');
    t.clock.advance(31);
    assert.notEqual(await lastSeen(), signedInAt, 'a minute later it is written');
    // Reading one page for 20 minutes: the app says every few minutes that she is still there.
    for (let i = 0; i < 5; i++) {
      t.clock.advance(4 * 60);
      const still = await t.request({
        method: 'POST',
        url: '/api/v1/auth/activity',
        token: browser.accessToken,
      });
      assert.equal(still.statusCode, 204);
      if (i === 2) assert.equal(codeOf(await reload(t, browser)), '200');
    }
    assert.equal(codeOf(await read(t, browser.accessToken, '/api/v1/cycles/prediction')), '200');
  });

  it('her choice of minutes applies to every web session; no "off"; apps holding their own token are not idle-locked', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    for (const lockMinutes of [0, 7, 120, '5']) {
      const refused = await t.request({
        method: 'PATCH',
        url: '/api/v1/me',
        token: browser.accessToken,
        body: { lockMinutes },
      });
      assert.equal(codeOf(refused), '400 validation_failed', String(lockMinutes));
    }
    const set = await t.request({
      method: 'PATCH',
      url: '/api/v1/me',
      token: browser.accessToken,
      body: { lockMinutes: 60 },
    });
    assert.equal(set.statusCode, 200, set.body);
    assert.equal(set.json().lockMinutes, 60);
    t.clock.advance(45 * 60);
    assert.equal(codeOf(await reload(t, browser)), '200', 'idle 45 minutes with a 60-minute lock');

    const oneMinute = await t.request({
      method: 'PATCH',
      url: '/api/v1/me',
      token: browser.accessToken,
      body: { lockMinutes: 1 },
    });
    assert.equal(oneMinute.statusCode, 200);
    t.clock.advance(2 * 60 + 1);
    assert.equal(codeOf(await reload(t, browser)), '401 session_locked');
    // Her API session (the token in the body, kept by an app on her own device) is not idle-locked.
    assert.equal(codeOf(await read(t, her.accessToken, '/api/v1/me')), '401 invalid_token');
    const apiRefresh = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: her.refreshToken },
    });
    assert.equal(apiRefresh.statusCode, 200, apiRefresh.body);
  });

  it('raising her minutes from another device does not reopen a diary already left idle on a shared phone', async () => {
    const t = get();
    const { her, browser } = await herWithDiary(t);
    t.clock.advance(10 * 60); // the phone sits idle past her 5 minutes; nobody has used it since
    const raised = await t.request({
      method: 'PATCH',
      url: '/api/v1/me',
      token: her.accessToken, // her own app, on another device
      body: { lockMinutes: 60 },
    });
    assert.equal(raised.statusCode, 200, raised.body);
    assert.equal(codeOf(await reload(t, browser)), '401 session_locked', 'the phone left idle stays locked');
    assert.equal(codeOf(await read(t, browser.accessToken, '/api/v1/cycles/periods')), '401 session_locked');
  });
});
