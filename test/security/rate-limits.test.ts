import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app.ts';
import { createTestClock, startTestApp, type TestApp, type TestClock } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { GOOD_PASSWORD, GOOD_PIN, lastCodeTo, uniqueEmail, uniquePhone } from '../support/factories.ts';
import { phone } from '../support/ussd.ts';

/*
 * Request limits as a client meets them: through HTTP, against real PostgreSQL (and Redis), with
 * two app instances sharing the counters. Most suites run at RATE_LIMIT_SCALE 0.1 so that a
 * limit is reached in a few dozen calls; the defaults themselves are read from the headers.
 */

type Call = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  ip?: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
};

async function call(t: TestApp, c: Call): Promise<LightMyRequestResponse> {
  const res = await t.app.inject({
    method: c.method,
    url: c.url,
    remoteAddress: c.ip ?? '127.0.0.1',
    headers: { ...(c.token ? { authorization: `Bearer ${c.token}` } : {}), ...c.headers },
    ...(c.body === undefined ? {} : { payload: c.body as object }),
  });
  await t.app.settled(); // a recovery's text goes out after the answer
  return res;
}

/** `"a";q=1;w=2, "b";r=3;t=4` → { a: { q: 1, w: 2 }, b: { r: 3, t: 4 } } */
function fields(header: unknown): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const item of String(header ?? '').split(/,\s*/)) {
    const [name, ...params] = item.split(';');
    if (!name) continue;
    out[name.replaceAll('"', '')] = Object.fromEntries(
      params.map((p) => [p.split('=')[0], Number(p.split('=')[1])]),
    );
  }
  return out;
}

/** A refusal as the contract promises it: problem+json, Retry-After, RateLimit headers, no-store. */
function assertRefused(res: LightMyRequestResponse, policy: string): void {
  assert.equal(res.statusCode, 429, res.body);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.json().code, 'too_many_requests');
  assert.equal(res.headers['cache-control'], 'no-store');
  const remaining = fields(res.headers.ratelimit)[policy];
  assert.ok(remaining, `RateLimit names ${policy}: ${res.headers.ratelimit}`);
  assert.equal(remaining.r, 0);
  assert.equal(Number(res.headers['retry-after']), remaining.t, 'Retry-After is when the quota comes back');
  assert.ok(fields(res.headers['ratelimit-policy'])[policy], `RateLimit-Policy names ${policy}`);
}

let ipCounter = 0;
/** A fresh client address, so one test's counts never spill into another's. */
const freshIp = () => `10.77.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

async function register(t: TestApp, overrides: Record<string, unknown> = {}, ip = freshIp()) {
  const body = {
    name: 'Rate Test',
    phone: uniquePhone(),
    email: uniqueEmail(),
    password: GOOD_PASSWORD,
    pin: GOOD_PIN,
    role: 'adolescent',
    birthYear: 2008,
    acceptTerms: true,
    ...overrides,
  };
  const res = await call(t, { method: 'POST', url: '/api/v1/auth/register', body, ip });
  assert.equal(res.statusCode, 201, res.body);
  return {
    ...body,
    accessToken: res.json().accessToken as string,
    refreshToken: res.json().refreshToken as string,
  };
}

async function startPair(db: TestDatabase, scale: number): Promise<[TestApp, TestApp]> {
  const clock = createTestClock();
  const a = await startTestApp(db, { clock, config: { rateLimitScale: scale } });
  const b = await startTestApp(db, { clock, config: { ...a.config } });
  return [a, b];
}

describe('default request limits, as the RateLimit headers report them', () => {
  let db: TestDatabase;
  let t: TestApp;
  before(async () => {
    db = await openTestDatabase('postgres');
    t = await startTestApp(db);
  });
  after(async () => {
    await t.app.close();
    await db.close();
  });

  it('counts calls without a session per IP (300 a minute) and calls with one per account (300 a minute)', async () => {
    const anonymous = await call(t, { method: 'GET', url: '/api/v1/policies' });
    assert.equal(anonymous.statusCode, 200);
    assert.deepEqual(fields(anonymous.headers['ratelimit-policy']), { 'api-ip': { q: 300, w: 60 } });
    const left = fields(anonymous.headers.ratelimit)['api-ip'];
    assert.equal(left?.r, 299);
    assert.ok((left?.t ?? 0) >= 1 && (left?.t ?? 0) <= 60);

    const user = await register(t, {}, '127.0.0.1');
    const me = await call(t, { method: 'GET', url: '/api/v1/me', token: user.accessToken });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(fields(me.headers['ratelimit-policy']), { 'api-user': { q: 300, w: 60 } });
    assert.equal(fields(me.headers.ratelimit)['api-user']?.r, 299, 'her first signed-in call');
  });

  it('adds a per-IP quota on the routes that spend or guess credentials', async () => {
    const ip = freshIp();
    const registered = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      ip,
      body: {
        name: 'Quota',
        email: uniqueEmail(),
        password: GOOD_PASSWORD,
        role: 'parent',
        acceptTerms: true,
      },
    });
    assert.equal(registered.statusCode, 201);
    assert.deepEqual(fields(registered.headers['ratelimit-policy']), {
      'api-ip': { q: 300, w: 60 },
      'register-ip': { q: 30, w: 3600 },
    });
    const refreshed = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      ip,
      body: { refreshToken: registered.json().refreshToken },
    });
    assert.equal(refreshed.statusCode, 200);
    assert.deepEqual(fields(refreshed.headers['ratelimit-policy'])['refresh-ip'], { q: 60, w: 60 });
    const change = await call(t, {
      method: 'PUT',
      url: '/api/v1/me/password',
      ip,
      token: refreshed.json().accessToken,
      body: { currentPassword: 'not my password at all', newPassword: 'a different long phrase' },
    });
    assert.equal(change.statusCode, 401);
    assert.deepEqual(fields(change.headers['ratelimit-policy'])['credential-ip'], { q: 30, w: 900 });
  });

  it('locks an account after 5 wrong guesses for 15 minutes and after 10 in a day, from any address', async () => {
    const user = await register(t);
    // A guesser moving from address to address still spends her account's one budget.
    const login = (password: string) =>
      call(t, {
        method: 'POST',
        url: '/api/v1/auth/login',
        ip: freshIp(),
        body: { identifier: user.email, password },
      });
    for (let i = 0; i < 5; i++) assert.equal((await login('wrong wrong wrong')).statusCode, 401);
    const locked = await login(user.password);
    assertRefused(locked, 'credential-account');
    assert.deepEqual(fields(locked.headers['ratelimit-policy'])['credential-account'], { q: 5, w: 900 });
    assert.equal(locked.headers['retry-after'], '900');
    t.clock.advance(900);
    for (let i = 0; i < 5; i++) assert.equal((await login('wrong wrong wrong')).statusCode, 401);
    const day = await login(user.password);
    assertRefused(day, 'credential-account-day');
    assert.deepEqual(fields(day.headers['ratelimit-policy'])['credential-account-day'], { q: 10, w: 86_400 });
  });

  it('locks the codes texted to a number for an hour after 5 wrong ones, the right one too', async () => {
    const her = await register(t);
    const code = lastCodeTo(t, her.phone);
    const verify = (c: string) =>
      call(t, { method: 'POST', url: '/api/v1/me/phone/verify', token: her.accessToken, body: { code: c } });
    for (let i = 1; i <= 5; i++) {
      const wrong = String((Number(code) + i) % 1_000_000).padStart(6, '0');
      const res = await verify(wrong);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'invalid_code');
    }
    const locked = await verify(code);
    assertRefused(locked, 'sms-code');
    assert.deepEqual(fields(locked.headers['ratelimit-policy'])['sms-code'], { q: 5, w: 3600 });
  });

  it('publishes the 429 answer on every API route of the OpenAPI document', async () => {
    const doc = (await call(t, { method: 'GET', url: '/api/v1/openapi.json' })).json();
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    )) {
      if (!path.startsWith('/api/')) continue;
      for (const [method, op] of Object.entries(ops))
        if (!('429' in op.responses)) missing.push(`${method} ${path}`);
    }
    assert.deepEqual(missing, []);
  });
});

describe('request limits reached (RATE_LIMIT_SCALE 0.1)', () => {
  let db: TestDatabase;
  let t: TestApp;
  before(async () => {
    db = await openTestDatabase('postgres');
    t = await startTestApp(db, { config: { rateLimitScale: 0.1 } });
  });
  after(async () => {
    await t.app.close();
    await db.close();
  });

  it('refuses the 31st call of a minute from one account, not her neighbour, and lets her in next minute', async () => {
    const ip = freshIp();
    const her = await register(t);
    const neighbour = await register(t);
    for (let i = 0; i < 30; i++) {
      const res = await call(t, { method: 'GET', url: '/api/v1/me', token: her.accessToken, ip });
      assert.equal(res.statusCode, 200, `call ${i + 1}`);
    }
    const refused = await call(t, { method: 'GET', url: '/api/v1/me', token: her.accessToken, ip });
    assertRefused(refused, 'api-user');
    assert.deepEqual(fields(refused.headers['ratelimit-policy'])['api-user'], { q: 30, w: 60 });
    const other = await call(t, { method: 'GET', url: '/api/v1/me', token: neighbour.accessToken, ip });
    assert.equal(other.statusCode, 200, 'the quota is hers, not the address');
    t.clock.advance(Number(refused.headers['retry-after']));
    const later = await call(t, { method: 'GET', url: '/api/v1/me', token: her.accessToken, ip });
    assert.equal(later.statusCode, 200);
  });

  it('counts every call without a session per IP, bad tokens included', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) {
      assert.equal((await call(t, { method: 'GET', url: '/api/v1/policies', ip })).statusCode, 200);
      assert.equal((await call(t, { method: 'GET', url: '/api/v1/me', ip })).statusCode, 401);
      const forged = await call(t, { method: 'GET', url: '/api/v1/me', ip, token: `x.${randomUUID()}.y` });
      assert.equal(forged.statusCode, 401);
    }
    assertRefused(await call(t, { method: 'GET', url: '/api/v1/policies', ip }), 'api-ip');
    assertRefused(await call(t, { method: 'GET', url: '/api/v1/nowhere', ip }), 'api-ip');
    // Guessing tokens is refused like any other call, and an unknown path with a token still counts.
    assertRefused(
      await call(t, { method: 'GET', url: '/api/v1/me', ip, token: `x.${randomUUID()}.y` }),
      'api-ip',
    );
    assertRefused(await call(t, { method: 'GET', url: '/api/v1/nowhere', ip, token: 'x.y.z' }), 'api-ip');
    const elsewhere = await call(t, { method: 'GET', url: '/api/v1/policies', ip: freshIp() });
    assert.equal(elsewhere.statusCode, 200, 'another address has its own quota');
  });

  it('limits registrations and refreshes per IP', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await register(t, {}, ip);
    const fourth = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/register',
      ip,
      body: {
        name: 'Four',
        email: uniqueEmail(),
        password: GOOD_PASSWORD,
        role: 'parent',
        acceptTerms: true,
      },
    });
    assertRefused(fourth, 'register-ip');

    const guesser = freshIp();
    for (let i = 0; i < 6; i++) {
      const res = await call(t, {
        method: 'POST',
        url: '/api/v1/auth/refresh',
        ip: guesser,
        body: { refreshToken: randomUUID() },
      });
      assert.equal(res.statusCode, 401);
    }
    const seventh = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      ip: guesser,
      body: { refreshToken: randomUUID() },
    });
    assertRefused(seventh, 'refresh-ip');
  });

  it('shares one per-IP quota between password, PIN, deletion and guardian-code attempts', async () => {
    const ip = freshIp();
    const wrong = { currentPassword: 'not my password at all' };
    const attempts: Call[] = [
      { method: 'PUT', url: '/api/v1/me/password', body: { ...wrong, newPassword: 'another long phrase' } },
      { method: 'PUT', url: '/api/v1/me/pin', body: { ...wrong, newPin: '48213' } },
      { method: 'DELETE', url: '/api/v1/me', body: { password: 'not my password at all' } },
    ];
    for (const attempt of attempts) {
      const user = await register(t);
      const res = await call(t, { ...attempt, ip, token: user.accessToken });
      assert.equal(res.statusCode, 401, `${attempt.method} ${attempt.url}: ${res.body}`);
    }
    const parent = await register(t, { role: 'parent', birthYear: 1985 });
    const guess = await call(t, {
      method: 'POST',
      url: '/api/v1/guardian/consent',
      ip,
      token: parent.accessToken,
      body: { code: '12345678' },
    });
    assertRefused(guess, 'credential-ip');
  });

  it('reports the login lock and the export quota in the same headers', async () => {
    const user = await register(t);
    const ip = freshIp();
    const login = (password: string) =>
      call(t, { method: 'POST', url: '/api/v1/auth/login', ip, body: { identifier: user.email, password } });
    assert.equal((await login('wrong wrong wrong')).statusCode, 401);
    // At this scale both account budgets (5 in 15 minutes, 10 a day) are one guess: the refusal
    // names the longer lock, the day's.
    assertRefused(await login(user.password), 'credential-account-day');

    const first = await call(t, { method: 'GET', url: '/api/v1/me/export', token: user.accessToken });
    assert.equal(first.statusCode, 200);
    const second = await call(t, { method: 'GET', url: '/api/v1/me/export', token: user.accessToken });
    assertRefused(second, 'export');
    assert.deepEqual(fields(second.headers['ratelimit-policy']).export, { q: 1, w: 3600 });
  });

  it('limits texted codes per account and per number, whoever asks for them', async () => {
    const sent = () => t.sms.messages.length;
    // Registering texted her first code: her account's and her number's one text this hour.
    const her = await register(t);
    const before = sent();
    const resend = (token: string, body: object) =>
      call(t, { method: 'POST', url: '/api/v1/me/phone', ip: freshIp(), token, body });
    assertRefused(await resend(her.accessToken, {}), 'sms-account');
    // Someone else naming her number cannot have it texted either: the number has its own quota.
    const other = await register(t, { phone: undefined });
    assertRefused(
      await resend(other.accessToken, { phone: her.phone, currentPassword: GOOD_PASSWORD }),
      'sms-number',
    );
    assert.equal(sent(), before, 'no text went out');
    t.clock.advance(3600);
    const refreshed = await call(t, {
      method: 'POST',
      url: '/api/v1/auth/refresh',
      ip: freshIp(),
      body: { refreshToken: her.refreshToken },
    });
    assert.equal(refreshed.statusCode, 200, 'her access token expired meanwhile');
    const later = await resend(refreshed.json().accessToken, {});
    assert.equal(later.statusCode, 202, `a new hour, a new text: ${later.body}`);
    assert.equal(sent(), before + 1);
  });

  it('limits recovery texts per number and per address, the same for a number with no account', async () => {
    const start = (phoneNumber: string, ip = freshIp()) =>
      call(t, { method: 'POST', url: '/api/v1/auth/recovery', ip, body: { phone: phoneNumber } });
    const her = await register(t);
    const nobody = uniquePhone();
    for (const number of [her.phone, nobody]) {
      const first = await start(number);
      assert.equal(first.statusCode, 202, first.body);
      assertRefused(await start(number), 'recovery-number');
    }
    const ip = freshIp();
    for (let i = 0; i < 3; i++) assert.equal((await start(uniquePhone(), ip)).statusCode, 202);
    assertRefused(await start(uniquePhone(), ip), 'recovery-ip');
  });

  it('limits USSD dials per phone number with a polite END, other phones unaffected', async () => {
    // One dial a minute at this scale; the hops of a session that got through are not counted.
    const caller = phone(() => t.app, uniquePhone());
    assert.match(await caller.dial(), /^CON /);
    assert.match(await caller.send('1'), /^CON /);
    for (let i = 0; i < 3; i++) assert.match(await caller.retry(), /^CON /);
    assert.match(await caller.send('1'), /^CON /);
    await caller.hangUp();
    assert.equal(await caller.dial(), 'END The service is busy. Please try again in a few minutes.');
    // A new session that starts with an answer already in its text is a dial all the same.
    const forged = await t.request({
      method: 'POST',
      url: '/ussd',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        sessionId: 'forged-1',
        serviceCode: '*123#',
        phoneNumber: caller.number,
        text: '1',
      }).toString(),
    });
    assert.equal(forged.body, 'END The service is busy. Please try again in a few minutes.');
    const other = phone(() => t.app, uniquePhone());
    assert.match(await other.dial(), /^CON /);
    t.clock.advance(60);
    assert.match(await caller.dial(), /^CON /, 'a new minute, a new quota');
  });
});

describe('request limits shared by two instances through PostgreSQL', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    db = await openTestDatabase('postgres');
    [a, b] = await startPair(db, 0.1);
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await db.close();
  });

  it('counts calls made on either instance toward one quota', async () => {
    await expectSharedQuota(a, b);
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe('request limits shared by two instances through Redis', {
  skip: redisUrl ? false : 'TEST_REDIS_URL is not set (CI sets it)',
}, () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let observer: Redis;
  const prefix = `test:rl:${randomUUID()}:`;
  before(async () => {
    db = await openTestDatabase('postgres');
    const clock = createTestClock();
    const base = await startTestApp(db, { clock, config: { rateLimitScale: 0.1 } });
    await base.app.close();
    observer = new Redis(redisUrl ?? '');
    [a, b] = await Promise.all([withRedis(base, db, clock), withRedis(base, db, clock)]);
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await observer.quit();
    await db.close();
  });

  async function withRedis(base: TestApp, database: TestDatabase, clock: TestClock): Promise<TestApp> {
    const app = await buildApp({
      config: base.config,
      database: database.database,
      clock: clock.now,
      redis: new Redis(redisUrl ?? '', { keyPrefix: prefix }),
    });
    await app.ready();
    return { ...base, app };
  }

  it('counts calls made on either instance toward one quota, in Redis and not in PostgreSQL', async () => {
    await expectSharedQuota(a, b);
    const rows = await db.raw<{ n: number }>('SELECT count(*)::int AS n FROM throttle_counters');
    assert.equal(rows[0]?.n, 0, 'no counter rows in PostgreSQL when Redis is configured');
    const keys = await observer.keys(`${prefix}le:throttle:rl:api-ip:*`);
    assert.equal(keys.length, 1, 'one counter for the address, in Redis');
  });
});

/** 30 anonymous calls a minute at scale 0.1, alternating instances: the 31st is refused on both. */
async function expectSharedQuota(a: TestApp, b: TestApp): Promise<void> {
  const ip = freshIp();
  for (let i = 0; i < 30; i++) {
    const res = await call(i % 2 === 0 ? a : b, { method: 'GET', url: '/api/v1/policies', ip });
    assert.equal(res.statusCode, 200, `call ${i + 1}`);
    assert.equal(fields(res.headers.ratelimit)['api-ip']?.r, 29 - i, 'each instance sees the other’s calls');
  }
  assertRefused(await call(a, { method: 'GET', url: '/api/v1/policies', ip }), 'api-ip');
  assertRefused(await call(b, { method: 'GET', url: '/api/v1/policies', ip }), 'api-ip');
}

describe('RATE_LIMIT_SCALE=0', () => {
  let db: TestDatabase;
  let t: TestApp;
  before(async () => {
    db = await openTestDatabase('postgres');
    t = await startTestApp(db, { config: { rateLimitScale: 0 } });
  });
  after(async () => {
    await t.app.close();
    await db.close();
  });

  it('turns every limit off (load tests and benchmarks)', async () => {
    const ip = freshIp();
    for (let i = 0; i < 70; i++) {
      const res = await call(t, {
        method: 'POST',
        url: '/api/v1/auth/refresh',
        ip,
        body: { refreshToken: 'x' },
      });
      assert.equal(res.statusCode, 401, `refresh ${i + 1} is not limited`);
      assert.equal(res.headers.ratelimit, undefined);
    }
    const user = await register(t, {}, ip);
    for (let i = 0; i < 12; i++) {
      const res = await call(t, {
        method: 'POST',
        url: '/api/v1/auth/login',
        ip,
        body: { identifier: user.email, password: 'wrong wrong wrong' },
      });
      assert.equal(res.statusCode, 401, 'no login lock either');
    }
  });
});
