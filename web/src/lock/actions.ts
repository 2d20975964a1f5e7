import { flushSync } from 'react-dom';
import { ApiError, raw, type SignedIn, setTokens, type User } from '../api.ts';
import { clearOfflineData, lockOfflineData } from '../offline/device.ts';
import { lockedInTab, markLocked, markUnlocked } from './lock-store.ts';

/*
 * What the lock screen, the idle timer and the quick exit do (decision 019). The lock screen holds
 * no access token: its requests carry only the session's httpOnly refresh cookie.
 */

/**
 * Where the quick exit goes: a calculator served by us (web/public/calculator.html). It works with
 * no connection, shows no name and no words in any language, calls no other site, and looks like
 * something every phone has.
 */
export const EXIT_PAGE = '/calculator.html';

const UNLOCK_WITH = 'le.lock.with';
const LOCK_LANGUAGE = 'le.lock.language';

function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage refused: the lock screen starts with the PIN, in the browser's language.
  }
}

function recall(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The lock screen, after a reload, knows nothing of her: it asks for what she uses (her PIN unless
 * she has only a password) in her language, both remembered on this phone. Neither says who she is.
 */
export function rememberForLockScreen(user: User): void {
  remember(UNLOCK_WITH, user.hasPin ? 'pin' : 'password');
  remember(LOCK_LANGUAGE, user.language);
}
export const unlockWith = (): 'pin' | 'password' => (recall(UNLOCK_WITH) === 'password' ? 'password' : 'pin');
export const lockScreenLanguage = () => recall(LOCK_LANGUAGE);

/**
 * Tells the server to lock the session; survives the page being left at once (keepalive). With no
 * connection it tries again when the connection is back, so another tab cannot open the diary
 * before the server's own idle lock.
 */
function lockOnServer(): void {
  window.removeEventListener('online', lockOnServer);
  void fetch('/api/v1/auth/lock', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-session-mode': 'cookie' },
    body: '{}',
    credentials: 'same-origin',
    keepalive: true,
  }).catch(() => window.addEventListener('online', lockOnServer, { once: true }));
}

/**
 * Locks the app now (idle time passed, or "Lock now"): the access token is dropped, the lock screen
 * replaces the page before this returns (auth.tsx drops her profile and every cached answer), what
 * the phone keeps for offline use is hidden, and the server locks the session so a reload or a new
 * tab asks for her PIN too.
 */
export function lockApp(): void {
  setTokens(null);
  lockOfflineData();
  flushSync(() => markLocked());
  lockOnServer();
}

/**
 * The quick exit: the screen is cleared and the app locked as above, then the tab goes to the
 * calculator, replacing this page in its history. Back lands on the lock screen at most (the tab
 * remembers the lock), never on her diary. Her unsent offline entries are kept, hidden until she
 * unlocks: an exit must not cost her what she logged.
 */
export function quickExit(): void {
  lockApp();
  window.location.replace(EXIT_PAGE);
}

// A page the browser kept for Back (its back/forward cache) wakes up as it was left, her diary on
// it. If the tab was locked since (quick exit from a later page), it locks before it is seen.
window.addEventListener('pageshow', (event) => {
  if (event.persisted && lockedInTab()) lockApp();
});

/** Her PIN or password opens the session again; resolves with her profile. */
export async function unlockApp(secret: { pin: string } | { password: string }): Promise<User> {
  const response = await raw('POST', '/api/v1/auth/unlock', { body: secret, anonymous: true });
  const signedIn = (await response.json()) as SignedIn;
  window.removeEventListener('online', lockOnServer);
  setTokens(signedIn);
  remember(UNLOCK_WITH, 'pin' in secret ? 'pin' : 'password');
  return signedIn.user;
}

/** The session is open again in this tab: the pages come back (after her profile is set). */
export const showUnlocked = () => markUnlocked();

/**
 * "Not you? Sign out": ends the locked session without its PIN (nothing of hers was shown) and
 * removes what this phone kept for her, as signing out does.
 */
export async function signOutLocked(): Promise<void> {
  try {
    await raw('POST', '/api/v1/auth/lock/sign-out', { body: {}, anonymous: true });
  } catch (error) {
    // 401: the session had already ended (or the cookie is gone): signed out all the same.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  clearOfflineData();
  markUnlocked();
}

/** She is still using the app: keeps the server's idle clock from locking a session she is reading in. */
export async function sayStillHere(): Promise<void> {
  try {
    await raw('POST', '/api/v1/auth/activity');
  } catch {
    // Offline, or already locked (the answer has locked the tab): nothing more to do here.
  }
}
