import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { Language } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { LanguageSelect, ProblemMessage } from '../components.tsx';
import { LANGUAGES, useI18n } from '../i18n/index.tsx';
import { lockScreenLanguage, showUnlocked, signOutLocked, unlockApp, unlockWith } from './actions.ts';
import { QuickExit } from './QuickExit.tsx';
import './lock.css';

/**
 * What anyone who opens the app sees once it is locked: no name, no health data, no period words,
 * and nothing that says what the app is. Her PIN (or password) opens it; "Not you? Sign out" ends
 * the session without it; the quick exit leaves.
 */
export function LockScreen() {
  const { t, setLanguage } = useI18n();
  const { setUser } = useAuth();
  const [, navigate] = useLocation();
  const [withPassword, setWithPassword] = useState(() => unlockWith() === 'password');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Screen readers hear "Locked" first, as for any new page.
  useEffect(() => heading.current?.focus(), []);

  // After a reload nothing says who she is: her language was remembered on this phone.
  useEffect(() => {
    const remembered = lockScreenLanguage();
    if (remembered && (LANGUAGES as string[]).includes(remembered)) {
      void setLanguage(remembered as Language).catch(() => undefined);
    }
  }, [setLanguage]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const secret = String(new FormData(form).get('secret') ?? '');
    setPending(true);
    setError(null);
    try {
      const user = await unlockApp(withPassword ? { password: secret } : { pin: secret });
      // Her profile first, then the pages: they would otherwise send a signed-out visitor to sign in.
      await setUser(user);
      showUnlocked();
    } catch (caught) {
      setError(caught);
      form.reset();
    } finally {
      setPending(false);
    }
  }

  async function signOut() {
    setError(null);
    try {
      await signOutLocked();
      navigate('/signin');
    } catch (caught) {
      setError(caught);
    }
  }

  const prompt = withPassword ? t('lock.prompt_password') : t('lock.prompt_pin');
  return (
    <main id="main" className="lock-screen" data-lock-screen="">
      <h1 tabIndex={-1} ref={heading}>
        {t('lock.title')}
      </h1>
      <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="lock-prompt">
        <p id="lock-prompt">{prompt}</p>
        <div className="field">
          <label htmlFor="lock-secret">{withPassword ? t('lock.password') : t('lock.pin')}</label>
          <input
            key={withPassword ? 'password' : 'pin'}
            id="lock-secret"
            name="secret"
            type="password"
            required
            autoComplete={withPassword ? 'current-password' : 'off'}
            {...(withPassword ? {} : { inputMode: 'numeric' as const, maxLength: 16 })}
          />
        </div>
        <ProblemMessage error={error} codes={{ invalid_credentials: 'lock.wrong' }} />
        <button type="submit" className="button primary" disabled={pending}>
          {t('lock.unlock')}
        </button>
      </form>
      <p>
        <button type="button" className="link" onClick={() => setWithPassword(!withPassword)}>
          {withPassword ? t('lock.use_pin') : t('lock.use_password')}
        </button>
      </p>
      <p>
        {t('lock.not_you')}{' '}
        <button type="button" className="link" onClick={() => void signOut()}>
          {t('lock.sign_out')}
        </button>
      </p>
      <LanguageSelect id="lock-language" onChange={setLanguage} />
      <QuickExit />
    </main>
  );
}
