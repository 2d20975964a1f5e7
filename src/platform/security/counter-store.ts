import type { Redis } from 'ioredis';
import type { Db } from '../db/database.ts';

export type CounterState = { failures: number; lastFailureAt: Date };

/**
 * Failure counters shared by every instance: in PostgreSQL by default, in Redis when configured.
 * A counter forgets itself `ttlSeconds` after its last failure.
 */
export type CounterStore = {
  get(key: string, now: Date): Promise<CounterState | undefined>;
  increment(key: string, now: Date, ttlSeconds: number): Promise<CounterState>;
  /** Takes back one count (an attempt counted in advance that turned out right); never below 0. */
  decrement(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

export function createDbCounterStore(db: Db): CounterStore {
  return {
    async get(key, now) {
      const row = await db
        .selectFrom('throttle_counters')
        .select(['failures', 'last_failure_at'])
        .where('key', '=', key)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row && { failures: row.failures, lastFailureAt: row.last_failure_at };
    },
    async increment(key, now, ttlSeconds) {
      const expires = new Date(now.getTime() + ttlSeconds * 1000);
      // One atomic upsert: concurrent failures on several instances all count.
      const row = await db
        .insertInto('throttle_counters')
        .values({ key, failures: 1, last_failure_at: now, expires_at: expires })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when('throttle_counters.expires_at', '<=', now)
              .then(1)
              .else(eb('throttle_counters.failures', '+', 1))
              .end(),
            last_failure_at: now,
            expires_at: expires,
          })),
        )
        .returning(['failures', 'last_failure_at'])
        .executeTakeFirstOrThrow();
      return { failures: row.failures, lastFailureAt: row.last_failure_at };
    },
    async decrement(key) {
      await db
        .updateTable('throttle_counters')
        .set((eb) => ({ failures: eb('failures', '-', 1) }))
        .where('key', '=', key)
        .where('failures', '>', 0)
        .execute();
    },
    async reset(key) {
      await db.deleteFrom('throttle_counters').where('key', '=', key).execute();
    },
  };
}

export function createRedisCounterStore(redis: Redis, prefix = 'le:throttle:'): CounterStore {
  return {
    async get(key) {
      const data = await redis.hgetall(prefix + key);
      if (data.failures === undefined || data.last === undefined) return undefined;
      return { failures: Number(data.failures), lastFailureAt: new Date(Number(data.last)) };
    },
    async increment(key, now, ttlSeconds) {
      const k = prefix + key;
      const result = await redis
        .multi()
        .hincrby(k, 'failures', 1)
        .hset(k, 'last', String(now.getTime()))
        .pexpire(k, ttlSeconds * 1000)
        .exec();
      const failures = Number(result?.[0]?.[1] ?? 1);
      return { failures, lastFailureAt: now };
    },
    async decrement(key) {
      // Only an existing counter above zero goes down (a Lua script keeps the check and the change atomic).
      await redis.eval(
        "if (tonumber(redis.call('hget', KEYS[1], 'failures') or '0') > 0) then return redis.call('hincrby', KEYS[1], 'failures', -1) end return 0",
        1,
        prefix + key,
      );
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
