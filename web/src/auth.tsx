import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Language, User } from './api.ts';
import * as client from './api.ts';
import { useI18n } from './i18n/index.tsx';
import { isLocked, subscribeLock } from './lock/lock-store.ts';
import { clearOfflineData, deviceUser, rememberUser, sessionNotRestored } from './offline/device.ts';
import { sendWaitingWithin } from './offline/sync.ts';

type Auth = {
  user: User | null;
  /** True until the refresh cookie has been tried: her pages wait instead of sending her to sign in. */
  restoring: boolean;
  signIn: (input: Parameters<typeof client.login>[0]) => Promise<User>;
  register: (input: client.RegisterInput) => Promise<User>;
  /** A code texted to her verified number and a new PIN or password: she is signed in. */
  recover: (input: client.RecoveryInput) => Promise<User>;
  signOut: () => Promise<void>;
  setUser: (user: User | null) => Promise<void>;
  /** Switch language; saved to her profile when she is signed in. */
  changeLanguage: (language: Language) => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

/** `restoring` is the session restore main.tsx started before the first render. */
export function AuthProvider({
  restoring: restore,
  children,
}: {
  restoring: Promise<User | null>;
  children: ReactNode;
}) {
  // Her home opens from this phone at once (offline too) unless the app lock's time has run out.
  const [user, setUserState] = useState<User | null>(deviceUser);
  const [restoring, setRestoring] = useState(true);
  const { setLanguage } = useI18n();
  const queries = useQueryClient();

  // Her pages appear in her language straight away: its texts are fetched before she is set.
  const setUser = useCallback(
    async (next: User | null) => {
      if (next) await setLanguage(next.language).catch(() => undefined);
      if (next) rememberUser(next);
      setUserState(next);
    },
    [setLanguage],
  );

  // A reload keeps her signed in: the refresh cookie gives a new access token.
  useEffect(() => {
    void restore
      .then((restored) =>
        restored ? setUser(restored) : setUserState(sessionNotRestored(client.lastRefreshFailure())),
      )
      .finally(() => setRestoring(false));
  }, [restore, setUser]);
  // Opened offline, then the connection came back: her session is restored behind her home.
  useEffect(() => client.onSessionRestored((restored) => void setUser(restored)), [setUser]);

  // The app lock (web/src/lock/): her profile and every cached answer leave the screen at once.
  useEffect(
    () =>
      subscribeLock(() => {
        if (!isLocked()) return;
        setUserState(null);
        queries.clear();
      }),
    [queries],
  );

  useEffect(
    () =>
      client.onSignedOut(() => {
        sessionNotRestored(client.lastRefreshFailure());
        setUserState(null);
        queries.clear();
      }),
    [queries],
  );

  const value = useMemo<Auth>(
    () => ({
      user,
      restoring,
      setUser,
      signIn: async (input) => {
        const signedIn = await client.login(input);
        await setUser(signedIn);
        return signedIn;
      },
      register: async (input) => {
        const created = await client.register(input);
        await setUser(created);
        return created;
      },
      recover: async (input) => {
        const recovered = await client.completeRecovery(input);
        await setUser(recovered);
        return recovered;
      },
      signOut: async () => {
        try {
          // What waits on this phone goes first if it can: signing out deletes it.
          await sendWaitingWithin(5_000);
          await client.logout();
        } finally {
          clearOfflineData();
          setUserState(null);
          queries.clear();
        }
      },
      changeLanguage: async (language) => {
        const [, saved] = await Promise.all([
          setLanguage(language),
          user ? client.api<User>('PATCH', '/me', { language }) : null,
        ]);
        if (saved) setUserState(saved);
      },
    }),
    [user, restoring, setUser, setLanguage, queries],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
