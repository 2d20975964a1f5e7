import { useSyncExternalStore } from 'react';

/*
 * Whether this tab shows the lock screen (decision 019). The server decides whether a session is
 * locked; this remembers it for the tab, so that a page restored by Back after the quick exit, or
 * reloaded before the server heard the lock, still shows the lock screen and never the diary.
 * sessionStorage lives as long as the tab and dies with it; it holds one flag, nothing of hers.
 */
const FLAG = 'le.locked';

function readFlag(): boolean {
  try {
    return sessionStorage.getItem(FLAG) === '1';
  } catch {
    return false;
  }
}

function writeFlag(on: boolean): void {
  try {
    if (on) sessionStorage.setItem(FLAG, '1');
    else sessionStorage.removeItem(FLAG);
  } catch {
    // Storage refused (private mode quotas): the server's lock still holds.
  }
}

let locked = readFlag();
const listeners = new Set<() => void>();

function set(next: boolean): void {
  writeFlag(next);
  if (locked === next) return;
  locked = next;
  for (const listener of listeners) listener();
}

/** The server answered session_locked, or she (or the idle timer) locked it here. */
export const markLocked = () => set(true);
/** Unlocked, or signed out from the lock screen. */
export const markUnlocked = () => set(false);
export const isLocked = () => locked;
/** What the tab remembers now (another page of this tab may have locked it since this one ran). */
export const lockedInTab = () => readFlag();

export function subscribeLock(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** True while the tab must show the lock screen. */
export function useLocked(): boolean {
  return useSyncExternalStore(subscribeLock, isLocked);
}
