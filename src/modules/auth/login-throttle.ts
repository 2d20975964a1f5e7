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
 * Wrong secrets are counted per ACCOUNT, whatever the channel (web/API sign-in by phone or email,
 * USSD PIN, a re-entered password or PIN) and whichever identifier named it: one budget, one lock.
 * 5 wrong guesses lock the account for 15 minutes; 10 in a day (24 hours without a pause) lock it
 * until the day has passed. A right secret takes back only its own count, never other failures,
 * so signing in on one channel does not give a guesser on another a fresh budget.
 * docs/security.md states the resulting guess budget.
 */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  delayAfter: Number.POSITIVE_INFINITY,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
  lockAfter: 5,
  lockSeconds: 15 * 60,
};
/**
 * A day's budget of wrong guesses: 10 lock until the day has passed. The same policy on purpose
 * for an account's secrets and for its care link codes (each counted under its own keys, so the
 * two budgets stay apart): a day's worth of guessing is judged alike whatever is guessed.
 */
export const DAILY_GUESS_POLICY: ThrottlePolicy = {
  delayAfter: Number.POSITIVE_INFINITY,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
  lockAfter: 10,
  lockSeconds: 24 * 3600,
};
/**
 * Per IP: only a lock, and a high one, because many of our users share one carrier-grade NAT
 * address; a low per-IP limit would lock out a whole town.
 */
export const IP_POLICY: ThrottlePolicy = {
  delayAfter: Number.POSITIVE_INFINITY,
  baseDelaySeconds: 0,
  maxDelaySeconds: 0,
  lockAfter: 100,
  lockSeconds: 15 * 60,
};

/**
 * One-time codes a person was handed or sent (a guardian's consent or recovery code, a care link
 * code, an SMS code): whoever types the real one needs a few tries, so 5 wrong ones lock that
 * code entry for an hour. One policy on purpose (the codes are guessed alike); each kind keeps
 * its own keys (keysForGuardian, keysForCareCode, keysForSmsCode), so their budgets stay apart.
 */
export const CODE_ENTRY_POLICY: ThrottlePolicy = {
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

  /** The account's two budgets (15 minutes, one day), and the caller's address when there is one. */
  function keysForAccount(userId: string, ip?: string): Key[] {
    const h = hashed(`account\u0000${userId}`);
    return [
      { key: `auth:acct:${h}`, policy: ACCOUNT_POLICY, name: 'credential-account' },
      { key: `auth:acct-day:${h}`, policy: DAILY_GUESS_POLICY, name: 'credential-account-day' },
      ...(ip === undefined ? [] : [{ key: `login:ip:${hashed(ip)}`, policy: IP_POLICY, name: 'login-ip' }]),
    ];
  }

  /** An identifier that names no account gets the same budgets, so answers cannot tell the two apart. */
  function keysForUnknown(identifier: string, ip?: string): Key[] {
    const h = hashed(`identifier\u0000${identifier}`);
    return [
      { key: `auth:ident:${h}`, policy: ACCOUNT_POLICY, name: 'credential-account' },
      { key: `auth:ident-day:${h}`, policy: DAILY_GUESS_POLICY, name: 'credential-account-day' },
      ...(ip === undefined ? [] : [{ key: `login:ip:${hashed(ip)}`, policy: IP_POLICY, name: 'login-ip' }]),
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

  const limit = (key: Key) => Math.ceil(key.policy.lockAfter * scale);

  return {
    keysForAccount,
    keysForUnknown,
    /** A guardian entering codes: 5 wrong codes lock the account for an hour. */
    keysForGuardian: (userId: string): Key[] => [
      { key: `guardian:${hashed(userId)}`, policy: CODE_ENTRY_POLICY, name: 'guardian-code' },
    ],
    /** Someone entering care link codes: the account's hourly and daily budgets of wrong codes. */
    keysForCareCode: (userId: string): Key[] => [
      { key: `care-code:${hashed(userId)}`, policy: CODE_ENTRY_POLICY, name: 'care-code' },
      { key: `care-code-day:${hashed(userId)}`, policy: DAILY_GUESS_POLICY, name: 'care-code-day' },
    ],
    /** Someone entering a code sent by SMS to a number: 5 wrong codes lock that number's codes for an hour. */
    keysForSmsCode: (phone: string): Key[] => [
      { key: `sms-code:${hashed(phone)}`, policy: CODE_ENTRY_POLICY, name: 'sms-code' },
    ],

    /**
     * Starts an attempt: refuses (429) while any key is locked, then counts the attempt on every
     * key as if it will fail, *before* the secret is checked. A burst of parallel guesses therefore
     * gets at most `lockAfter` verifications however fast it is sent, and no later success can
     * erase a failure that is not its own.
     */
    async begin(keys: Key[]): Promise<Attempt> {
      if (scale === 0) return { failures: 0, counts: [] };
      const now = clock();
      const states = await Promise.all(keys.map((k) => store.get(k.key, now)));
      let longest: { key: Key; wait: number } | undefined;
      for (const [i, key] of keys.entries()) {
        const state = states[i];
        const wait = state ? waitSeconds(state, key.policy, now) : 0;
        if (wait > (longest?.wait ?? 0)) longest = { key, wait };
      }
      if (longest) throw tooMany(longest.key, longest.wait, scale);
      const counted = await Promise.all(keys.map((k) => store.increment(k.key, now, ttlOf(k))));
      const over = keys.findIndex((k, i) => (counted[i]?.failures ?? 0) > limit(k));
      if (over >= 0) {
        // Refused before any check: this attempt is no guess, so it takes its counts back (a
        // burst of refused requests must not use up the other budgets, e.g. the daily one).
        await Promise.all(keys.map((k) => store.decrement(k.key)));
        const key = keys[over] as Key;
        throw tooMany(key, key.policy.lockSeconds, scale);
      }
      const counts = counted.map((c) => c.failures);
      return { failures: counts[0] ?? 0, counts };
    },

    /** The secret was wrong (already counted): says whether this failure set a lock. */
    async fail(keys: Key[], attempt: Attempt): Promise<{ locked: boolean; failures: number }> {
      if (scale === 0) return { locked: false, failures: 0 };
      const locked = keys.some((k, i) => attempt.counts[i] === limit(k));
      return { locked, failures: attempt.failures };
    },

    /** The secret was right: takes back this attempt's own count on each key, nothing more. */
    async succeed(keys: Key[]): Promise<void> {
      if (scale === 0) return;
      await Promise.all(keys.map((k) => store.decrement(k.key)));
    },

    /** Forgets every count on these keys (after she proved herself another way, e.g. a recovery). */
    async clear(keys: Key[]): Promise<void> {
      await Promise.all(keys.map((k) => store.reset(k.key)));
    },

    /** Wrong guesses left on an account before the next lock (what a phone screen tells her). */
    triesLeft(attempt: Attempt): number {
      return Math.max(0, Math.ceil(ACCOUNT_POLICY.lockAfter * scale) - attempt.failures);
    },
  };
}

export type Attempt = { failures: number; counts: number[] };

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
