import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { buildApp } from '../../src/app.ts';
import { createTestClock, startTestApp, type TestApp } from '../support/app.ts';
import { openTestDatabase, type TestDatabase } from '../support/databases.ts';
import { registerUser } from '../support/factories.ts';

/** Fails logins alternately on two app instances; the lock must come after 10 failures in total. */
async function lockAcross(a: TestApp, b: TestApp) {
  const user = await registerUser(a);
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const app = i % 2 === 0 ? a : b;
    const res = await app.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { identifier: user.email, password: 'wrong wrong wrong' },
    });
    statuses.push(res.statusCode);
    if (res.statusCode === 429) {
      a.clock.advance(Number(res.headers['retry-after']));
      i--;
    }
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
    assert.equal(statuses.filter((s) => s === 401).length, 10);
    assert.equal(locked.statusCode, 429);
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
    const make = async () => {
      const redis = new Redis(redisUrl ?? '', { keyPrefix: `test:${Date.now()}:` });
      clients.push(redis);
      const app = await buildApp({
        config: base.config,
        database: db.database,
        clock: clock.now,
        redis,
      });
      await app.ready();
      return {
        ...base,
        app,
        request: (o: Parameters<TestApp['request']>[0]) =>
          app.inject({ method: o.method, url: o.url, ...(o.body ? { payload: o.body as object } : {}) }),
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
    assert.equal(statuses.filter((s) => s === 401).length, 10);
    assert.equal(locked.statusCode, 429);
    const rows = await db.raw<{ n: number }>('SELECT count(*)::int AS n FROM throttle_counters');
    assert.equal(rows[0]?.n, 0, 'no counter rows in PostgreSQL when Redis is configured');
    const keys = await clients[0]?.keys('*le:throttle:*');
    assert.ok((keys?.length ?? 0) >= 2);
  });
});
