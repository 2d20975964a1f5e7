import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Language, User } from './api.ts';
import * as client from './api.ts';
import { useI18n } from './i18n/index.tsx';

type Auth = {
  user: User | null;
  signIn: (input: Parameters<typeof client.login>[0]) => Promise<User>;
  register: (input: client.RegisterInput) => Promise<User>;
  signOut: () => Promise<void>;
  setUser: (user: User | null) => void;
  /** Switch language; saved to her profile when she is signed in. */
  changeLanguage: (language: Language) => Promise<void>;
};

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<User | null>(null);
  const { setLanguage } = useI18n();
  const queries = useQueryClient();

  const setUser = useCallback(
    (next: User | null) => {
      setUserState(next);
      if (next) setLanguage(next.language);
    },
    [setLanguage],
  );

  // A reload keeps her signed in: the refresh cookie gives a new access token.
  useEffect(() => {
    void client.restoreSession().then((restored) => {
      if (restored) setUser(restored);
    });
  }, [setUser]);

  useEffect(
    () =>
      client.onSignedOut(() => {
        setUserState(null);
        queries.clear();
      }),
    [queries],
  );

  const value = useMemo<Auth>(
    () => ({
      user,
      setUser,
      signIn: async (input) => {
        const signedIn = await client.login(input);
        setUser(signedIn);
        return signedIn;
      },
      register: async (input) => {
        const created = await client.register(input);
        setUser(created);
        return created;
      },
      signOut: async () => {
        try {
          await client.logout();
        } finally {
          setUserState(null);
          queries.clear();
        }
      },
      changeLanguage: async (language) => {
        setLanguage(language);
        if (user) setUserState(await client.api<User>('PATCH', '/me', { language }));
      },
    }),
    [user, setUser, setLanguage, queries],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
