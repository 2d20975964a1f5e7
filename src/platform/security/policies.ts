import type { RatePolicy } from './rate-limit.ts';

/*
 * Every request limit in one place (docs/security.md lists them; RATE_LIMIT_SCALE multiplies
 * them all). Per-IP limits are deliberately high: many of our users reach us through one mobile
 * carrier's NAT address, and a low per-IP limit would lock out a whole town. The failure-based
 * throttles (wrong passwords, PINs, guardian codes) live in src/modules/auth/login-throttle.ts.
 */

/** Every /api call made with a live session, per account. */
export const API_PER_USER: RatePolicy = { name: 'api-user', limit: 300, windowSeconds: 60 };

/** Every /api call made without one (public routes, missing or bad tokens), per client IP. */
export const API_PER_IP: RatePolicy = { name: 'api-ip', limit: 300, windowSeconds: 60 };

/** Re-entering a password or PIN, or a guardian code, per client IP (per account they are throttled too). */
const CREDENTIAL_PER_IP: RatePolicy = { name: 'credential-ip', limit: 30, windowSeconds: 15 * 60 };

/**
 * Routes that guess or spend credentials get their own per-IP quota on top of the general one.
 * Keys are `METHOD route`; the app refuses to start if one names no registered route.
 */
export const ROUTE_POLICIES: Readonly<Record<string, RatePolicy>> = {
  // Registration answers "this phone is taken": bounded so it cannot be used to list who has an account.
  'POST /api/v1/auth/register': { name: 'register-ip', limit: 30, windowSeconds: 60 * 60 },
  // The same quota (one name, one counter): a provider's registration also answers "taken", and
  // guesses admins' invitation codes.
  'POST /api/v1/providers/register': { name: 'register-ip', limit: 30, windowSeconds: 60 * 60 },
  'POST /api/v1/auth/refresh': { name: 'refresh-ip', limit: 60, windowSeconds: 60 },
  'PUT /api/v1/me/password': CREDENTIAL_PER_IP,
  'PUT /api/v1/me/pin': CREDENTIAL_PER_IP,
  'DELETE /api/v1/me': CREDENTIAL_PER_IP,
  // The lock screen takes her PIN or password: guessed from one address like a sign-in.
  'POST /api/v1/auth/unlock': CREDENTIAL_PER_IP,
  'POST /api/v1/guardian/consent': CREDENTIAL_PER_IP,
  'POST /api/v1/guardian/recovery-approvals': CREDENTIAL_PER_IP,
  // Care link codes are 8 digits like a guardian's: guessed from one address with many accounts.
  'POST /api/v1/care/links': CREDENTIAL_PER_IP,
};

/**
 * USSD sessions started (dials) per phone number. A person dials a few times a minute at most;
 * this stops a runaway or forged stream of calls (the PIN lockout guards the PIN itself). Dials,
 * not hops: counting every hop cost a write per screen and took the 200-session bench's p99 over
 * its 50 ms budget, while the hops of one session are bounded by the gateway's session.
 */
export const USSD_PER_PHONE: RatePolicy = { name: 'ussd-phone', limit: 10, windowSeconds: 60 };
