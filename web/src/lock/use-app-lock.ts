import { useEffect } from 'react';
import type { User } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { lockApp, rememberForLockScreen, sayStillHere } from './actions.ts';
import { applyAppearance, useDiscreet } from './discreet.ts';
import { useLocked } from './lock-store.ts';

/** Input that means she is using the app. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'scroll'] as const;
/** How often, at most, the app tells the server she is still there while she makes no request. */
const STILL_HERE_MS = 30_000;
/** How often the idle time is looked at while the tab is open (browsers slow this down when hidden). */
const CHECK_MS = 10_000;

/**
 * Locks the app after her idle minutes with the tab open: no input for that long, the tab hidden
 * included (a sleeping phone runs no timers, so the time is also looked at when the tab is shown
 * again and at the first touch, before that touch counts). The server locks the session on its
 * own as well; this makes it happen on the screen at once, and tells the server.
 */
function useIdleLock(user: User | null, locked: boolean): void {
  const userId = user?.id;
  const minutes = user?.lockMinutes;
  useEffect(() => {
    if (userId === undefined || minutes === undefined || locked) return;
    const limit = minutes * 60_000;
    let lastInput = Date.now();
    let lastSaid = Date.now();
    const idle = () => Date.now() - lastInput >= limit;
    const check = () => {
      if (idle()) lockApp();
    };
    const onInput = () => {
      if (idle()) {
        lockApp();
        return;
      }
      lastInput = Date.now();
      if (lastInput - lastSaid >= STILL_HERE_MS) {
        lastSaid = lastInput;
        void sayStillHere();
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') check();
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pageshow', check);
    window.addEventListener('focus', check);
    const timer = window.setInterval(check, CHECK_MS);
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pageshow', check);
      window.removeEventListener('focus', check);
      window.clearInterval(timer);
    };
  }, [userId, minutes, locked]);
}

/**
 * The app lock and discreet mode for the whole app (App.tsx): whether the lock screen shows, and
 * the name the header and the tab show.
 */
export function useAppLock(user: User | null): { locked: boolean; name: string } {
  const locked = useLocked();
  const discreet = useDiscreet();
  const { t, language } = useI18n();
  const name = discreet ? t('lock.discreet_name') : t('app.name');
  useIdleLock(user, locked);
  useEffect(() => {
    if (user) rememberForLockScreen(user);
  }, [user]);
  useEffect(() => applyAppearance({ discreet, name, language }), [discreet, name, language]);
  return { locked, name };
}

/** The app's name as the header shows it: the neutral one in discreet mode. */
export function useAppName(): string {
  const discreet = useDiscreet();
  const { t } = useI18n();
  return discreet ? t('lock.discreet_name') : t('app.name');
}
