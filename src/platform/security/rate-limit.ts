import { AppError } from '../http/errors.ts';
import type { CounterStore } from './counter-store.ts';

/** A named quota: at most `limit` uses per fixed window of `windowSeconds` (before RATE_LIMIT_SCALE). */
export type RatePolicy = { name: string; limit: number; windowSeconds: number };

/** Where one key stands in its current window: what the RateLimit headers report. */
export type RateStatus = {
  policy: string;
  /** The limit after RATE_LIMIT_SCALE. */
  quota: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the current window ends and the count starts again. */
  resetSeconds: number;
};

/** A 429 that knows which quota refused it, so the answer can carry Retry-After and RateLimit headers. */
export class RateLimitExceeded extends AppError {
  readonly rate: RateStatus;
  constructor(rate: RateStatus, detail?: string) {
    super('too_many_requests', detail ?? `Too many requests; try again in ${rate.resetSeconds} seconds`, {
      retryAfterSeconds: rate.resetSeconds,
    });
    this.rate = rate;
  }
}

/** The limit once RATE_LIMIT_SCALE is applied; never below one use per window. */
export function scaledQuota(limit: number, scale: number): number {
  return Math.max(1, Math.floor(limit * scale));
}

/**
 * Fixed-window request counting in the shared CounterStore, so every instance sees the same
 * count. Each use is counted before it is allowed (one atomic increment, no read-then-write
 * race), and the window index is part of the key, so a steady client below the limit is never
 * refused and a refused one gets in again when the window turns. `scale` is RATE_LIMIT_SCALE:
 * it multiplies every limit, and 0 turns them all off.
 */
export function createQuotas(deps: { store: CounterStore; clock: () => Date; scale: number }) {
  const { store, clock, scale } = deps;
  return {
    enabled: scale !== 0,
    /**
     * Counts one use of `key` (already a pseudonym: no raw IP, phone or identifier) under `policy`.
     * Throws RateLimitExceeded past the limit; undefined when limits are off.
     */
    async hit(policy: RatePolicy, key: string): Promise<RateStatus | undefined> {
      if (scale === 0) return undefined;
      const now = clock();
      const windowMs = policy.windowSeconds * 1000;
      const index = Math.floor(now.getTime() / windowMs);
      const quota = scaledQuota(policy.limit, scale);
      const counted = await store.increment(`rl:${policy.name}:${key}:${index}`, now, policy.windowSeconds);
      const status: RateStatus = {
        policy: policy.name,
        quota,
        windowSeconds: policy.windowSeconds,
        remaining: Math.max(0, quota - counted.failures),
        resetSeconds: Math.max(1, Math.ceil(((index + 1) * windowMs - now.getTime()) / 1000)),
      };
      if (counted.failures > quota) throw new RateLimitExceeded(status);
      return status;
    },
  };
}
export type Quotas = ReturnType<typeof createQuotas>;

/** A per-key limit on an expensive action, e.g. `rateLimit('export:<userId>', 5, 3600)`. */
export type RateLimiter = (key: string, limit: number, windowSeconds: number) => Promise<void>;

/** The services' form of a quota: the policy is named after the key's first segment ("export"). */
export function createRateLimiter(quotas: Quotas): RateLimiter {
  return async (key, limit, windowSeconds) => {
    const name = key.split(':')[0] ?? key;
    await quotas.hit({ name, limit, windowSeconds }, key.slice(name.length + 1));
  };
}
