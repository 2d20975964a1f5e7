import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, type RecoveryInput, type User } from '../api.ts';
import { Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Forgot her PIN or password: a code goes by SMS to the number she signs in with (the answer is
 * the same whether or not the number has an account), then the code and a new PIN or password
 * sign her in. Every other session of hers ends on the server.
 *
 * `recover` is the auth context's (App passes it): a lazy page that imports auth.tsx itself makes
 * the bundler split the first screen's code into extra small chunks.
 */
export function RecoverPage({ recover }: { recover: (input: RecoveryInput) => Promise<User> }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [phone, setPhone] = useState<string | null>(null);
  const [usePassword, setUsePassword] = useState(false);
  const [resent, setResent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function sendCode(number: string): Promise<boolean> {
    setError(null);
    setPending(true);
    try {
      await api('POST', '/auth/recovery', { phone: number });
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setPending(false);
    }
  }

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const number = text(new FormData(event.currentTarget), 'phone');
    if (await sendCode(number)) setPhone(number);
  }

  async function complete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (phone === null) return;
    const form = new FormData(event.currentTarget);
    const code = text(form, 'code').replace(/\s+/g, '');
    const secret = String(form.get('secret') ?? '');
    const input: RecoveryInput = usePassword
      ? { phone, code, newPassword: secret }
      : { phone, code, newPin: secret.trim() };
    setError(null);
    setResent(false);
    setPending(true);
    try {
      await recover(input);
      navigate('/home');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('recovery.title')}</h1>
      {phone === null ? (
        <form className="form" onSubmit={(event) => void start(event)} aria-label={t('recovery.title')}>
          <p>{t('recovery.intro')}</p>
          <div className="field">
            <label htmlFor="recover-phone">{t('auth.phone')}</label>
            <input
              id="recover-phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              required
              aria-describedby="recover-phone-hint"
            />
            <p id="recover-phone-hint" className="hint">
              {t('auth.phone_hint')}
            </p>
          </div>
          <ProblemMessage error={error} />
          <button type="submit" className="primary" disabled={pending}>
            {t('recovery.send')}
          </button>
        </form>
      ) : (
        <form
          className="form"
          onSubmit={(event) => void complete(event)}
          aria-label={t('recovery.new_secret_title')}
        >
          {/* The same words whatever the number: whether it has an account is not revealed. */}
          <Notice>{t('recovery.sent', { phone })}</Notice>
          <div className="field">
            <label htmlFor="recover-code">{t('phone.code_label')}</label>
            <input
              id="recover-code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="recover-secret">
              {usePassword ? t('settings.new_password') : t('settings.new_pin')}
            </label>
            {usePassword ? (
              <input
                key="password"
                id="recover-secret"
                name="secret"
                type="password"
                autoComplete="new-password"
                minLength={8}
                required
                aria-describedby="recover-secret-hint"
              />
            ) : (
              <input
                key="pin"
                id="recover-secret"
                name="secret"
                type="password"
                inputMode="numeric"
                pattern="[0-9]{5}"
                maxLength={5}
                autoComplete="off"
                required
                aria-describedby="recover-secret-hint"
              />
            )}
            <p id="recover-secret-hint" className="hint">
              {usePassword ? t('auth.password_hint') : t('auth.pin_hint')}
            </p>
          </div>
          <button type="button" className="link" onClick={() => setUsePassword(!usePassword)}>
            {usePassword ? t('recovery.use_pin') : t('recovery.use_password')}
          </button>
          <ProblemMessage error={error} />
          {resent && <Notice>{t('recovery.resent')}</Notice>}
          <button type="submit" className="primary" disabled={pending}>
            {t('recovery.submit')}
          </button>
          <p className="row">
            <button
              type="button"
              disabled={pending}
              onClick={() => void sendCode(phone).then((sent) => setResent(sent))}
            >
              {t('phone.resend')}
            </button>
            <button
              type="button"
              onClick={() => {
                setPhone(null);
                setError(null);
                setResent(false);
              }}
            >
              {t('recovery.other_number')}
            </button>
          </p>
        </form>
      )}
      <p>
        <Link href="/signin">{t('recovery.back')}</Link>
      </p>
    </>
  );
}
