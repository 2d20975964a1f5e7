import type { Channel } from '../../platform/db/tables.ts';

/**
 * The app lock (decision 019). A browser keeps her signed in for the session's life, so on a
 * shared phone whoever opens it next would land in her diary: a web session left idle for her
 * chosen minutes, or locked on purpose (quick exit), is refused until her PIN or password is
 * entered again. Decided here, on the server, so reloading or opening a new tab does not get round it.
 */

/** Her choices of idle minutes; no "off" (decision 019). */
export const LOCK_MINUTES = [1, 5, 15, 30, 60] as const;
export type LockMinutes = (typeof LOCK_MINUTES)[number];
export const DEFAULT_LOCK_MINUTES: LockMinutes = 5;

/**
 * A session's last activity is written at most once per this many seconds (not on every request).
 * The idle lock allows for it, so the lock comes between her N and N+1 idle minutes, never before.
 */
export const ACTIVITY_RESOLUTION_SECONDS = 60;

export type LockFacts = {
  channel: Channel;
  lastSeenAt: Date;
  lockedAt: Date | null;
  lockMinutes: number;
};

/**
 * `scale` shortens every time here for browser tests (APP_LOCK_SCALE; production refuses
 * anything but 1), as RATE_LIMIT_SCALE does for the throttles.
 */
export function createAppLock(scale = 1) {
  const resolutionMs = ACTIVITY_RESOLUTION_SECONDS * 1000 * scale;
  return {
    /**
     * Locked on purpose (any channel), or a web session idle past her minutes. Only the web keeps
     * a session in a shared browser: API clients hold their own tokens, and USSD sessions are
     * minutes long and opened with her PIN every time.
     */
    isLocked(session: LockFacts, now: Date): boolean {
      if (session.lockedAt !== null) return true;
      if (session.channel !== 'web') return false;
      const idleMs = now.getTime() - session.lastSeenAt.getTime();
      return idleMs > session.lockMinutes * 60_000 * scale + resolutionMs;
    },

    /** Whether this request should write the session's last activity (at most once a minute). */
    shouldRecordActivity(session: Pick<LockFacts, 'lastSeenAt'>, now: Date): boolean {
      return now.getTime() - session.lastSeenAt.getTime() >= resolutionMs;
    },
  };
}
export type AppLock = ReturnType<typeof createAppLock>;
