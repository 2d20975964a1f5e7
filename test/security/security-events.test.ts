import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';
import { createPseudonymizer } from '../../src/platform/security/pseudonym.ts';
import { createTestClock, startTestApp, type TestApp, testConfig } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { secretEnv } from '../support/env.ts';
import { lastCodeTo, registerUser, uniqueEmail } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

type Line = Record<string, unknown>;

function logCapture() {
  const lines: Line[] = [];
  let text = '';
  const stream = new Writable({
    write(chunk, _e, done) {
      text += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream, text: () => text };
}

/** A webhook receiver on 127.0.0.1 (nothing leaves the machine); it can hold its answers back. */
async function fakeWebhook() {
  const received: Array<{ contentType: string | undefined; json: Record<string, unknown> }> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const held: http.ServerResponse[] = [];
  let holding = false;
  let abandoned = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ contentType: req.headers['content-type'], json: JSON.parse(body) });
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      if (holding) held.push(res);
      else res.writeHead(204).end();
    });
    // The sender gave up (its timeout) before we answered.
    res.on('close', () => {
      if (!res.writableEnded) abandoned++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`,
    received,
    abandoned: () => abandoned,
    /** Resolves once `count` alerts have arrived (the test's own timeout bounds the wait). */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (received.length >= count) resolve();
        else waiters.push({ count, resolve });
      }),
    hold: () => {
      holding = true;
    },
    release(status: number) {
      holding = false;
      for (const res of held.splice(0)) res.writeHead(status).end();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const SECRET = `ussd-${randomUUID()}`;

describe('security events: one structured log line each, nothing identifying', () => {
  let db: TestDatabase;
  let t: TestApp;
  const logs = logCapture();
  const events = (type: string) => logs.lines.filter((l) => l.event === 'security' && l.type === type);
  before(async () => {
    db = await openTestDatabase('postgres');
    // RATE_LIMIT_SCALE 0.1: the first wrong password, PIN or texted code locks, so locks are quick
    // to reach (an account's two budgets, 5 in 15 minutes and 10 a day, are both one guess).
    t = await startTestApp(db, {
      config: { rateLimitScale: 0.1, logLevel: 'warn', ussdSecret: SECRET },
      logStream: logs.stream,
    });
  });
  after(async () => {
    await t.app.close();
    await db.close();
  });

  it('records failed and locked sign-ins, refresh-token reuse, 401, 403 and 429 with a pseudonymous subject', async () => {
    const pseudonym = createPseudonymizer(t.config.blindIndexKey);
    const user = await registerUser(t);
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email.toUpperCase(), password: 'not her password' },
    });
    assert.equal(wrong.statusCode, 401);
    const [failed] = events('login_failed');
    assert.ok(failed, 'a failed login is a security event');
    assert.equal(failed.route, 'POST /api/v1/auth/login');
    assert.equal(failed.subject, pseudonym('subject', user.email), 'the account tried, pseudonymised');
    assert.equal(failed.source, pseudonym('ip', '127.0.0.1'));
    assert.equal(failed.level, 40, 'logged as a warning');
    assert.equal(events('account_locked')[0]?.subject, failed.subject);

    const locked = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: user.password },
    });
    assert.equal(locked.statusCode, 429);
    assert.equal(events('rate_limited')[0]?.detail, 'credential-account-day', 'the longer of the two locks');

    const first = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: user.refreshToken },
    });
    assert.equal(first.statusCode, 200);
    // Past the 30-second grace for a client's own retry (decision 015), a spent token is a replay.
    t.clock.advance(31);
    const reused = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      body: { refreshToken: user.refreshToken },
    });
    assert.equal(reused.statusCode, 401);
    const [reuse] = events('refresh_token_reuse');
    assert.equal(reuse?.subject, pseudonym('subject', user.id));
    assert.equal(reuse?.route, 'POST /api/v1/auth/refresh');

    await t.request({ method: 'GET', url: '/api/v1/me' });
    assert.ok(
      events('unauthenticated').some((e) => e.detail === 'unauthenticated' && e.route === 'GET /api/v1/me'),
    );

    const other = await registerUser(t);
    const admin = await t.request({
      method: 'GET',
      url: `/api/v1/admin/users/${user.id}`,
      token: other.accessToken,
    });
    assert.equal(admin.statusCode, 403);
    assert.equal(events('forbidden')[0]?.subject, pseudonym('subject', other.id));
    assert.equal(
      events('forbidden')[0]?.route,
      'GET /api/v1/admin/users/:id',
      'the route pattern, not the URL',
    );

    const change = await t.request({
      method: 'PUT',
      url: '/api/v1/me/pin',
      token: other.accessToken,
      body: { currentPin: '97531', newPin: '48213' },
    });
    assert.equal(change.statusCode, 401);
    assert.equal(events('credential_failed')[0]?.subject, pseudonym('subject', other.id));

    for (const secret of [
      user.email,
      user.phone,
      user.password,
      user.pin,
      user.refreshToken,
      user.accessToken,
      user.id,
    ]) {
      assert.ok(!logs.text().includes(secret), 'no identifier, secret or token in any log line');
    }
  });

  it('records wrong texted codes and the lock they cause, with no number or code in the logs', async () => {
    const pseudonym = createPseudonymizer(t.config.blindIndexKey);
    // A new hour: at this scale one address registers 3 accounts an hour, and this suite needs 4.
    t.clock.advance(3600);
    const user = await registerUser(t, {}, { verifyPhone: false });
    const code = lastCodeTo(t, user.phone);
    const verify = (c: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/me/phone/verify',
        token: user.accessToken,
        body: { code: c },
      });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    assert.equal((await verify(wrong)).statusCode, 400);
    const locked = await verify(code);
    assert.equal(locked.statusCode, 429, locked.body);
    // Codes count per number and on the account's own guess budget: at this scale either locks first.
    const event = events('rate_limited').find((e) => e.route === 'POST /api/v1/me/phone/verify');
    assert.ok(event, 'the lock is a security event');
    assert.ok(['sms-code', 'credential-account', 'credential-account-day'].includes(String(event.detail)));
    assert.ok(
      events('code_failed').some((e) => e.detail === 'phone'),
      'the wrong code itself is an event',
    );
    assert.equal(event.route, 'POST /api/v1/me/phone/verify');
    assert.equal(event.subject, pseudonym('subject', user.id));
    for (const secret of [user.phone, user.phone.slice(4), code, wrong]) {
      assert.ok(!logs.text().includes(secret), 'no number or code in any log line');
    }
  });

  it('records wrong PINs and PIN locks on USSD, and callers without the gateway secret', async () => {
    const pseudonym = createPseudonymizer(t.config.blindIndexKey);
    const user = await registerUser(t);
    const caller = phone(() => t.app, user.phone, { headers: { 'x-ussd-secret': SECRET } });
    assert.match(await caller.dial(), /PIN/);
    assert.match(await caller.send('97531'), /^END /, 'locked at once at this scale');
    const [wrongPin] = events('login_failed').filter((e) => e.channel === 'ussd');
    assert.equal(wrongPin?.route, 'POST /ussd');
    assert.equal(wrongPin?.subject, pseudonym('subject', user.phone));
    assert.equal(events('pin_locked')[0]?.subject, wrongPin?.subject);

    const intruder = phone(() => t.app, user.phone, { headers: { 'x-ussd-secret': 'guessed' } });
    assert.equal((await intruder.raw('')).statusCode, 401);
    const [gateway] = events('ussd_gateway_auth_failed');
    assert.equal(gateway?.route, 'POST /ussd');
    assert.equal(gateway?.subject, undefined);
    assert.ok(!logs.text().includes(user.phone.slice(4)), 'no phone number in the logs');
    assert.ok(!logs.text().includes(SECRET));
  });
});

describe('security alerts from two instances sharing PostgreSQL', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let webhook: Awaited<ReturnType<typeof fakeWebhook>>;
  const logsA = logCapture();
  const logsB = logCapture();
  before(async () => {
    db = await openTestDatabase('postgres');
    webhook = await fakeWebhook();
    const clock = createTestClock();
    const config = { logLevel: 'warn', securityAlertWebhookUrl: webhook.url };
    a = await startTestApp(db, { clock, config, logStream: logsA.stream });
    b = await startTestApp(db, { clock, config: { ...a.config }, logStream: logsB.stream });
  });
  after(async () => {
    await Promise.all([a.app.close(), b.app.close()]).catch(() => undefined);
    await webhook.close();
    await db.close();
  });

  const login = (t: TestApp, ip: string, identifier: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: ip,
      payload: { identifier, password: 'guessed password 1' },
    });

  it('raises one alert per window for failures against many accounts, or many failures, from one address', async () => {
    const stuffer = '203.0.113.66';
    const tried = Array.from({ length: 14 }, () => uniqueEmail());
    for (const [i, identifier] of tried.entries()) {
      assert.equal((await login(i % 2 ? a : b, stuffer, identifier)).statusCode, 401);
    }
    await webhook.until(1);
    const [stuffing] = webhook.received;
    assert.equal(stuffing?.contentType, 'application/json');
    assert.equal(stuffing?.json.rule, 'ip_accounts');
    assert.equal(stuffing?.json.ip, stuffer, 'operators are told which address to block');
    assert.equal(stuffing?.json.count, 10);
    assert.equal(stuffing?.json.threshold, 10);
    assert.ok(!tried.some((email) => JSON.stringify(stuffing?.json).includes(email)), 'no account named');

    const scanner = '198.51.100.99';
    for (let i = 0; i < 60; i++) {
      const res = await (i % 2 ? a : b).app.inject({
        method: 'GET',
        url: '/api/v1/me',
        remoteAddress: scanner,
        headers: { authorization: `Bearer forged.${i}.token` },
      });
      assert.equal(res.statusCode, 401);
    }
    await webhook.until(2);
    assert.equal(webhook.received[1]?.json.rule, 'ip_failures');
    assert.equal(webhook.received[1]?.json.ip, scanner);
    assert.equal(webhook.received[1]?.json.count, 50);

    // Closing waits for deliveries in flight: after it, every alert raised has arrived.
    await Promise.all([a.app.close(), b.app.close()]);
    assert.deepEqual(
      webhook.received.map((r) => `${r.json.rule} ${r.json.ip}`),
      [`ip_accounts ${stuffer}`, `ip_failures ${scanner}`],
      'one alert per rule and window, whichever instance counted the last failure',
    );
    const alertLines = [...logsA.lines, ...logsB.lines].filter((l) => l.event === 'security_alert');
    assert.deepEqual(alertLines.map((l) => l.rule).sort(), ['ip_accounts', 'ip_failures']);
    assert.ok(
      alertLines.every((l) => l.level === 50),
      'alerts are logged as errors',
    );
    const logged = JSON.stringify(alertLines);
    assert.ok(
      !logged.includes(stuffer) && !logged.includes(scanner),
      'log lines name addresses by pseudonym only',
    );
    assert.ok(alertLines.every((l) => typeof l.source === 'string' && l.source.length > 0));
  });
});

describe('the alert webhook never holds a request up', () => {
  let db: TestDatabase;
  let t: TestApp;
  let webhook: Awaited<ReturnType<typeof fakeWebhook>>;
  const logs = logCapture();
  before(async () => {
    db = await openTestDatabase('postgres');
    webhook = await fakeWebhook();
    t = await startTestApp(db, {
      config: { logLevel: 'warn', securityAlertWebhookUrl: webhook.url },
      logStream: logs.stream,
    });
  });
  after(async () => {
    await t.app.close().catch(() => undefined);
    await webhook.close();
    await db.close();
  });

  it('answers while the webhook hangs, then logs and drops the failed delivery', async () => {
    webhook.hold();
    for (let i = 0; i < 10; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '192.0.2.10',
        payload: { identifier: uniqueEmail(), password: 'guessed password 1' },
      });
      assert.equal(res.statusCode, 401);
    }
    // The 10th failure raised the alert and was answered while the webhook still holds the delivery:
    // had the request waited, its answer would have come only after the sender gave up on the webhook.
    await webhook.until(1);
    assert.equal(webhook.abandoned(), 0, 'the delivery is still open');
    webhook.release(500);
    await t.app.close();
    const undelivered = logs.lines.filter((l) => l.event === 'security_alert_undelivered');
    assert.equal(undelivered.length, 1);
    assert.match(String(undelivered[0]?.reason), /500/);
    assert.ok(!logs.text().includes(webhook.url), 'the webhook address (it may hold a token) is not logged');
  });
});

describe('security alert configuration', () => {
  it('takes SECURITY_ALERT_WEBHOOK_URL from the environment and refuses anything but http(s)', () => {
    const env = secretEnv(testConfig());
    assert.equal(
      loadConfig({ ...env, SECURITY_ALERT_WEBHOOK_URL: 'https://alerts.example.test/hook' })
        .securityAlertWebhookUrl,
      'https://alerts.example.test/hook',
    );
    assert.throws(
      () => loadConfig({ ...env, SECURITY_ALERT_WEBHOOK_URL: 'file:///etc/passwd' }),
      (e: unknown) =>
        e instanceof ConfigError && e.problems.some((p) => p.includes('SECURITY_ALERT_WEBHOOK_URL')),
    );
  });
});
