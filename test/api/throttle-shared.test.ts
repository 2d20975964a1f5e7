import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app.ts';
import { createTestClock, startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { registerUser } from '../support/factories.ts';

/**
 * Fails logins alternately on two app instances: the account must lock after 5 failures in total
 * (had each instance counted alone, neither would have reached 5 and the right password would pass).
 */
async function lockAcross(a: TestApp, b: TestApp) {
  const user = await registerUser(a);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) {
    const app = i % 2 === 0 ? a : b;
    const res = await app.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: 'wrong wrong wrong' },
    });
    statuses.push(res.statusCode);
  }
  const locked = await b.request({
    method: 'POST',
    url: '/api/v1/auth/login',
    body: { identifier: user.email, password: user.password },
  });
  return { statuses, locked };
}

describe('login throttling shared by two instances through PostgreSQL', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  before(async () => {
    db = await openTestDatabase('postgres');
    const clock = createTestClock();
    a = await startTestApp(db, { clock });
    b = await startTestApp(db, { clock, config: { ...a.config } });
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await db.close();
  });

  it('counts failures from both instances toward one lock', async () => {
    const { statuses, locked } = await lockAcross(a, b);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    assert.equal(locked.statusCode, 429, 'the right password waits out the lock too');
    assert.equal(locked.headers['retry-after'], '900');
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
describe('login throttling shared by two instances through Redis', {
  skip: redisUrl ? false : 'TEST_REDIS_URL is not set (CI sets it)',
}, () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  const clients: Redis[] = [];
  before(async () => {
    db = await openTestDatabase('postgres');
    const clock = createTestClock(new Date());
    const base = await startTestApp(db, { clock });
    await base.app.close();
    // One prefix for both instances: they must share the counters, not each keep their own.
    const keyPrefix = `test:${randomUUID()}:`;
    const make = async () => {
      const redis = new Redis(redisUrl ?? '', { keyPrefix });
      clients.push(redis);
      // Both instances hand their texts to one capturing provider, where a test reads the codes.
      const app = await buildApp({
        config: base.config,
        database: db.database,
        clock: clock.now,
        redis,
        smsProvider: base.sms,
      });
      await app.ready();
      return {
        ...base,
        app,
        request: (o: Parameters<TestApp['request']>[0]) =>
          app.inject({
            method: o.method,
            url: o.url,
            headers: { ...(o.token ? { authorization: `Bearer ${o.token}` } : {}), ...o.headers },
            ...(o.body ? { payload: o.body as object } : {}),
          }),
      } as TestApp;
    };
    a = await make();
    b = await make();
  });
  after(async () => {
    await a.app.close();
    await b.app.close();
    await db.close();
  });

  it('keeps the counters in Redis, not in the database, and both instances agree', async () => {
    const { statuses, locked } = await lockAcross(a, b);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['retry-after'], '900');
    const rows = await db.raw<{ n: number }>('SELECT count(*)::int AS n FROM throttle_counters');
    assert.equal(rows[0]?.n, 0, 'no counter rows in PostgreSQL when Redis is configured');
    const keys = await clients[0]?.keys('*le:throttle:*');
    assert.ok((keys?.length ?? 0) >= 2);
  });
});
