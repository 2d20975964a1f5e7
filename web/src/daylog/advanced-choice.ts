import { ADVANCED_KEY } from '../offline/store.ts';

/*
 * "Advanced" open or folded is her choice, kept in this browser's storage while she is signed in
 * (no account id, no health data in it): signing out removes it with the rest the phone kept
 * (clearOfflineData), so a shared phone keeps no trace of who used it.
 */

/** Her choice, or undefined when she has not made one here. */
export function rememberedAdvanced(): boolean | undefined {
  try {
    const stored = localStorage.getItem(ADVANCED_KEY);
    return stored === null ? undefined : stored === '1';
  } catch {
    return undefined;
  }
}

export function rememberAdvanced(open: boolean): void {
  try {
    localStorage.setItem(ADVANCED_KEY, open ? '1' : '0');
  } catch {
    // Storage refused (private mode, full): the choice lasts until the page closes.
  }
}
