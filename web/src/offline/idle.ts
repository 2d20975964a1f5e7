/**
 * Whether her app-lock minutes have passed since she last used the app on this phone. The phone's
 * clock is not to be trusted: one set back before her last use (a negative idle time) counts as
 * locked, or winding it back would open her diary with no connection.
 */
export function idleLockDue(activeAt: number, minutes: number, now: number): boolean {
  const idle = now - activeAt;
  return !(idle >= 0 && idle <= minutes * 60_000);
}
