import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { CounterState, CounterStore } from '../../platform/security/counter-store.ts';
import { RateLimitExceeded } from '../../platform/security/rate-limit.ts';

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

/** Guardian codes are 8 digits: a handful of wrong ones per hour is all a real guardian needs. */
export const GUARDIAN_CODE_POLICY: ThrottlePolicy = {
  delayAfter: Number.POSITIVE_INFINITY,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
  lockAfter: 5,
  lockSeconds: 60 * 60,
};

/** `name` is the policy a refusal reports in its RateLimit headers. */
export type Key = { key: string; policy: ThrottlePolicy; name: string };

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
      { key: `login:acct:${hashed(accountIdentifier)}`, policy: ACCOUNT_POLICY, name: 'login-account' },
      { key: `login:ip:${hashed(ip)}`, policy: IP_POLICY, name: 'login-ip' },
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
    keysForPhone: (phone: string): Key[] => [
      { key: `ussd:pin:${hashed(phone)}`, policy: USSD_PIN_POLICY, name: 'pin-phone' },
    ],
    /** Re-entering her current password or PIN while signed in (changes, deletion). */
    keysForAccount: (userId: string): Key[] => [
      { key: `credential:${hashed(userId)}`, policy: ACCOUNT_POLICY, name: 'credential-account' },
    ],
    /** A guardian entering codes: 5 wrong codes lock the account for an hour. */
    keysForGuardian: (userId: string): Key[] => [
      { key: `guardian:${hashed(userId)}`, policy: GUARDIAN_CODE_POLICY, name: 'guardian-code' },
    ],

    /**
     * Starts an attempt: refuses (429) while a key must wait, then counts the attempt against the
     * first key *before* the secret is checked. A burst of parallel guesses therefore gets at
     * most `lockAfter` verifications, however fast it is sent.
     */
    async begin(keys: Key[]): Promise<Attempt> {
      if (scale === 0) return { failures: 0 };
      const now = clock();
      const states = await Promise.all(keys.map((k) => store.get(k.key, now)));
      let longest: { key: Key; wait: number } | undefined;
      for (const [i, key] of keys.entries()) {
        const state = states[i];
        const wait = state ? waitSeconds(state, key.policy, now) : 0;
        if (wait > (longest?.wait ?? 0)) longest = { key, wait };
      }
      if (longest) throw tooMany(longest.key, longest.wait, scale);
      const [first] = keys;
      if (!first) return { failures: 0 };
      const counted = await store.increment(first.key, now, ttlOf(first));
      if (counted.failures > Math.ceil(first.policy.lockAfter * scale))
        throw tooMany(first, first.policy.lockSeconds, scale);
      return { failures: counted.failures };
    },

    /** The secret was wrong: counts it on the other keys too; says whether this failure locked one. */
    async fail(keys: Key[], attempt: Attempt): Promise<{ locked: boolean; failures: number }> {
      if (scale === 0) return { locked: false, failures: 0 };
      const now = clock();
      const [first, ...others] = keys;
      const states = await Promise.all(others.map((k) => store.increment(k.key, now, ttlOf(k))));
      const locked =
        (first !== undefined && attempt.failures === Math.ceil(first.policy.lockAfter * scale)) ||
        others.some((k, i) => states[i]?.failures === Math.ceil(k.policy.lockAfter * scale));
      return { locked, failures: attempt.failures };
    },

    /** The secret was right: the first key's count starts again (other keys keep their record). */
    async succeed(keys: Key[]): Promise<void> {
      const [first] = keys;
      if (first && scale !== 0) await store.reset(first.key);
    },
  };
}

export type Attempt = { failures: number };

function ttlOf(key: Key): number {
  return Math.max(key.policy.lockSeconds, 15 * 60);
}

function tooMany(key: Key, retryAfter: number, scale: number): RateLimitExceeded {
  return new RateLimitExceeded(
    {
      policy: key.name,
      quota: Math.ceil(key.policy.lockAfter * scale),
      windowSeconds: key.policy.lockSeconds,
      remaining: 0,
      resetSeconds: retryAfter,
    },
    `Too many failed attempts; try again in ${retryAfter} seconds`,
  );
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
