import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CounterState, CounterStore } from '../../platform/security/counter-store.ts';

export type ThrottlePolicy = {
  /** Failures after which each new attempt must wait, the wait doubling every time. */
  delayAfter: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures after which the key is locked for lockSeconds. */
  lockAfter: number;
  lockSeconds: number;
};

/**
 * Per account: a growing delay from the 4th failure, a 15-minute lock at the 10th.
 * Per IP: only a lock, and a high one, because many of our users share one carrier-grade NAT
 * address; a low per-IP limit would lock out a whole town.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  delayAfter: 3,
  baseDelaySeconds: 1,
  maxDelaySeconds: 60,
  lockAfter: 10,
  lockSeconds: 15 * 60,
};
export const IP_POLICY: ThrottlePolicy = {
  delayAfter: Number.POSITIVE_INFINITY,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
  lockAfter: 100,
  lockSeconds: 15 * 60,
};

/** Per phone number on USSD: 5 wrong PINs lock the number for 15 minutes. */
export const USSD_PIN_POLICY: ThrottlePolicy = {
  delayAfter: Number.POSITIVE_INFINITY,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
  lockAfter: 5,
  lockSeconds: 15 * 60,
};

type Key = { key: string; policy: ThrottlePolicy };

export function createLoginThrottle(deps: {
  store: CounterStore;
  blindIndex: BlindIndex;
  clock: () => Date;
  /** RATE_LIMIT_SCALE: multiplies the failure thresholds; 0 turns throttling off. */
  scale: number;
}) {
  const { store, clock, scale } = deps;
  const hashed = (value: string) => deps.blindIndex('throttle', value).toString('hex');

  function keysFor(accountIdentifier: string, ip: string): Key[] {
    return [
      { key: `login:acct:${hashed(accountIdentifier)}`, policy: ACCOUNT_POLICY },
      { key: `login:ip:${hashed(ip)}`, policy: IP_POLICY },
    ];
  }

  function waitSeconds(state: CounterState, policy: ThrottlePolicy, now: Date): number {
    const elapsed = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
    let wait = 0;
    if (state.failures >= policy.lockAfter * scale) wait = policy.lockSeconds;
    else if (state.failures >= policy.delayAfter * scale) {
      wait = Math.min(
        policy.baseDelaySeconds * 2 ** (state.failures - policy.delayAfter * scale),
        policy.maxDelaySeconds,
      );
    }
    return Math.max(0, Math.ceil(wait - elapsed));
  }

  return {
    keysFor,
    keysForPhone: (phone: string): Key[] => [{ key: `ussd:pin:${hashed(phone)}`, policy: USSD_PIN_POLICY }],

    /** Throws 429 with Retry-After while any of the keys must wait. */
    /** Throws 429 while a key must wait; otherwise says whether the account key has failures to clear. */
    async check(keys: Key[]): Promise<{ accountHasFailures: boolean }> {
      if (scale === 0) return { accountHasFailures: false };
      const now = clock();
      const states = await Promise.all(keys.map((k) => store.get(k.key, now)));
      const retryAfter = Math.max(
        0,
        ...keys.map((k, i) => {
          const state = states[i];
          return state ? waitSeconds(state, k.policy, now) : 0;
        }),
      );
      if (retryAfter > 0) {
        throw new AppError(
          'too_many_requests',
          `Too many failed attempts; try again in ${retryAfter} seconds`,
          {
            retryAfterSeconds: retryAfter,
          },
        );
      }
      return { accountHasFailures: states[0] !== undefined };
    },

    /** Counts a failure on every key; says whether this failure locked one, and the first key's count. */
    async recordFailure(keys: Key[]): Promise<{ locked: boolean; failures: number }> {
      if (scale === 0) return { locked: false, failures: 0 };
      const now = clock();
      const states = await Promise.all(
        keys.map((k) => store.increment(k.key, now, Math.max(k.policy.lockSeconds, 15 * 60))),
      );
      const locked = keys.some((k, i) => states[i]?.failures === Math.ceil(k.policy.lockAfter * scale));
      return { locked, failures: states[0]?.failures ?? 0 };
    },

    async recordSuccess(
      keys: Key[],
      checked: { accountHasFailures: boolean } = { accountHasFailures: true },
    ): Promise<void> {
      // Only the account counter is cleared: one valid login must not wipe an IP's record.
      const account = keys[0];
      if (account && checked.accountHasFailures) await store.reset(account.key);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
