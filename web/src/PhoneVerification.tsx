import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type User } from './api.ts';
import { useAuth } from './auth.tsx';
import { Notice, PhoneField, ProblemMessage } from './components.tsx';
import { useI18n } from './i18n/index.tsx';

/** Focus the code box once the card is on screen (after she asked for a code somewhere else). */
function focusCodeInput(): void {
  requestAnimationFrame(() => document.getElementById('verify-code')?.focus());
}

/**
 * A number she gave signs her in only once the 6-digit code texted to it comes back: until then
 * it is `pendingPhone`, and this card asks for the code wherever she lands (home, settings).
 */
export function VerifyPhoneCard() {
  const { t } = useI18n();
  const { user, setUser } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [resent, setResent] = useState(false);
  const [pending, setPending] = useState(false);
  const [verified, setVerified] = useState<string | null>(null);
  const done = useRef<HTMLParagraphElement>(null);
  const pendingPhone = user?.pendingPhone;

  // The card is gone once the code is accepted: keep her focus on the news instead of losing it.
  useEffect(() => {
    if (verified) done.current?.focus();
  }, [verified]);

  if (!pendingPhone) {
    return verified ? (
      <p className="notice" role="status" tabIndex={-1} ref={done}>
        {t('phone.verified', { phone: verified })}
      </p>
    ) : null;
  }

  async function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s+/g, '');
    setError(null);
    setResent(false);
    setPending(true);
    try {
      const updated = await api<User>('POST', '/me/phone/verify', { code });
      setVerified(updated.phone ?? pendingPhone ?? '');
      await setUser(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  async function resend() {
    setError(null);
    setResent(false);
    try {
      // An empty body: a new code to the number already waiting.
      await api('POST', '/me/phone', {});
      setResent(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section id="verify-phone" className="card attention" aria-labelledby="verify-phone-title">
      <h2 id="verify-phone-title">{t('phone.verify_title')}</h2>
      <p>{t('phone.verify_body', { phone: pendingPhone })}</p>
      <form className="form" onSubmit={(event) => void verify(event)} aria-labelledby="verify-phone-title">
        <div className="field">
          <label htmlFor="verify-code">{t('phone.code_label')}</label>
          <input
            id="verify-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
        </div>
        <ProblemMessage error={error} />
        {resent && <Notice>{t('phone.resent', { phone: pendingPhone })}</Notice>}
        <div className="row">
          <button type="submit" className="primary" disabled={pending}>
            {t('phone.verify')}
          </button>
          <button type="button" onClick={() => void resend()}>
            {t('phone.resend')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Add or change her phone number: a code goes to it, and the card above asks for it. */
export function PhoneNumberForm() {
  const { t } = useI18n();
  const { user, setUser } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  if (!user) return null;
  const signedInUser = user;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const phone = String(form.get('phone') ?? '').trim();
    const current = String(form.get('current') ?? '');
    // A number can recover the account, so setting one takes her PIN or password, not just a session.
    const proof = signedInUser.hasPin ? { currentPin: current } : { currentPassword: current };
    setError(null);
    setPending(true);
    try {
      const sent = await api<{ pendingPhone: string }>('POST', '/me/phone', { phone, ...proof });
      await setUser({ ...signedInUser, pendingPhone: sent.pendingPhone });
      formElement.reset();
      focusCodeInput();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const changing = user.phone !== undefined || user.pendingPhone !== undefined;
  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('phone.title')}>
      <PhoneField id="phone-new" label={changing ? t('phone.new_label') : t('auth.phone')} required />
      <div className="field">
        <label htmlFor="phone-current">
          {user.hasPin ? t('settings.current_pin') : t('settings.current_password')}
        </label>
        {user.hasPin ? (
          <input
            id="phone-current"
            name="current"
            type="password"
            inputMode="numeric"
            maxLength={5}
            autoComplete="off"
            required
          />
        ) : (
          <input id="phone-current" name="current" type="password" autoComplete="current-password" required />
        )}
      </div>
      <ProblemMessage error={error} codes={{ invalid_credentials: 'error.invalid_credentials.current' }} />
      <button type="submit" disabled={pending}>
        {t('phone.send_code')}
      </button>
    </form>
  );
}
