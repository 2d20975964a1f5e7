import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, type RecoveryInput, type User } from '../api.ts';
import { Notice, PhoneField, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

type Recover = (input: RecoveryInput) => Promise<User>;
type NewSecret = { newPin: string } | { newPassword: string };

/** While she waits for her guardian, her device asks this often whether they approved. */
const STATUS_POLL_MS = 3000;

/** Her new PIN (or password, if she prefers): the field and the switch between the two. */
function NewSecretField({ id }: { id: string }) {
  const { t } = useI18n();
  const [usePassword, setUsePassword] = useState(false);
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{usePassword ? t('settings.new_password') : t('settings.new_pin')}</label>
        {usePassword ? (
          <input
            key="password"
            id={id}
            name="secret"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            data-kind="password"
            aria-describedby={`${id}-hint`}
          />
        ) : (
          <input
            key="pin"
            id={id}
            name="secret"
            type="password"
            inputMode="numeric"
            pattern="[0-9]{5}"
            maxLength={5}
            autoComplete="off"
            required
            data-kind="pin"
            aria-describedby={`${id}-hint`}
          />
        )}
        <p id={`${id}-hint`} className="hint">
          {usePassword ? t('auth.password_hint') : t('auth.pin_hint')}
        </p>
      </div>
      <button type="button" className="link" onClick={() => setUsePassword(!usePassword)}>
        {usePassword ? t('recovery.use_pin') : t('recovery.use_password')}
      </button>
    </>
  );
}

/** The new secret as the API takes it, from the field above. */
function newSecretOf(form: HTMLFormElement): NewSecret {
  const input = form.querySelector<HTMLInputElement>('input[name="secret"]');
  const value = input?.value ?? '';
  return input?.dataset.kind === 'password' ? { newPassword: value } : { newPin: value.trim() };
}

/** A code texted to the number she signs in with (the same answer whether or not it has an account). */
function BySms({ recover }: { recover: Recover }) {
  const { t } = useI18n();
  const [, navigate] = useLocation();
  const [phone, setPhone] = useState<string | null>(null);
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
    const code = text(new FormData(event.currentTarget), 'code').replace(/\s+/g, '');
    setError(null);
    setResent(false);
    setPending(true);
    try {
      await recover({ phone, code, ...newSecretOf(event.currentTarget) });
      navigate('/home');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  if (phone === null) {
    return (
      <form className="form" onSubmit={(event) => void start(event)} aria-label={t('recovery.title')}>
        <p>{t('recovery.intro')}</p>
        <PhoneField id="recover-phone" label={t('auth.phone')} required />
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={pending}>
          {t('recovery.send')}
        </button>
      </form>
    );
  }
  return (
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
      <NewSecretField id="recover-secret" />
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
  );
}

type Request = { requestId: string; code: string; requestToken: string; expiresAt: string };
type RequestStatus = 'waiting' | 'approved' | 'expired';

/**
 * Through the parent or guardian who agreed to her account (decision 020): this browser makes a
 * request and keeps its secret in memory only; she reads the code out, her guardian approves it
 * from their own account, and she chooses her new secret here. Every answer is the same whatever
 * the account, so this page cannot tell anyone whether she has a guardian.
 */
function ByGuardian({ recover }: { recover: Recover }) {
  const { t, dateTime } = useI18n();
  const [, navigate] = useLocation();
  const [request, setRequest] = useState<Request | null>(null);
  const [status, setStatus] = useState<RequestStatus>('waiting');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (!request || status !== 'waiting') return;
    const timer = setInterval(() => {
      void api<{ status: RequestStatus }>('POST', '/auth/recovery/guardian/status', {
        requestId: request.requestId,
        requestToken: request.requestToken,
      })
        .then((answer) => setStatus(answer.status))
        .catch(() => undefined);
    }, STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [request, status]);

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const identifier = text(new FormData(event.currentTarget), 'identifier');
    setError(null);
    setPending(true);
    try {
      setRequest(await api<Request>('POST', '/auth/recovery/guardian', { identifier }));
      setStatus('waiting');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  async function complete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!request) return;
    setError(null);
    setPending(true);
    try {
      const { requestId, requestToken } = request;
      await recover({ requestId, requestToken, ...newSecretOf(event.currentTarget) });
      navigate('/home');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  if (!request) {
    return (
      <form
        className="form"
        onSubmit={(event) => void start(event)}
        aria-label={t('onboarding.recover_by_guardian')}
      >
        <p>{t('onboarding.guardian_intro')}</p>
        <div className="field">
          <label htmlFor="guardian-identifier">{t('onboarding.guardian_identifier')}</label>
          <input id="guardian-identifier" name="identifier" autoComplete="username" required />
        </div>
        <p className="hint">{t('onboarding.guardian_note')}</p>
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={pending}>
          {t('onboarding.guardian_start')}
        </button>
      </form>
    );
  }
  const again = (
    <button
      type="button"
      onClick={() => {
        setRequest(null);
        setError(null);
      }}
    >
      {t('onboarding.guardian_again')}
    </button>
  );
  if (status === 'expired') {
    return (
      <>
        <Notice>{t('onboarding.guardian_expired')}</Notice>
        <p>{again}</p>
      </>
    );
  }
  if (status === 'waiting') {
    return (
      <section className="card attention" aria-labelledby="guardian-code-title">
        <h2 id="guardian-code-title">{t('onboarding.guardian_code_title')}</h2>
        <p className="ussd-code" data-request-code={request.code}>
          {`${request.code.slice(0, 4)} ${request.code.slice(4)}`}
        </p>
        <p>
          {t('onboarding.guardian_code_body', {
            label: t('onboarding.parent_help_link'),
            when: dateTime(request.expiresAt),
          })}
        </p>
        <p role="status">{t('onboarding.guardian_waiting')}</p>
        <p>{again}</p>
      </section>
    );
  }
  return (
    <form
      className="form"
      onSubmit={(event) => void complete(event)}
      aria-label={t('recovery.new_secret_title')}
    >
      <Notice>{t('onboarding.guardian_approved')}</Notice>
      <NewSecretField id="guardian-secret" />
      <ProblemMessage error={error} />
      <button type="submit" className="primary" disabled={pending}>
        {t('recovery.submit')}
      </button>
    </form>
  );
}

/**
 * Forgot her PIN or password: a code by SMS to the number she signs in with, or her parent's or
 * guardian's approval. Every other session of hers ends on the server.
 *
 * `recover` is the auth context's (App passes it): a lazy page that imports auth.tsx itself makes
 * the bundler split the first screen's code into extra small chunks.
 */
export function RecoverPage({ recover }: { recover: Recover }) {
  const { t } = useI18n();
  const [way, setWay] = useState<'sms' | 'guardian'>('sms');
  return (
    <>
      <h1 tabIndex={-1}>{t('recovery.title')}</h1>
      <fieldset>
        <legend>{t('onboarding.recover_how')}</legend>
        <label className="choice">
          <input type="radio" name="recover-way" checked={way === 'sms'} onChange={() => setWay('sms')} />{' '}
          {t('onboarding.recover_by_sms')}
        </label>
        <label className="choice">
          <input
            type="radio"
            name="recover-way"
            checked={way === 'guardian'}
            onChange={() => setWay('guardian')}
          />{' '}
          {t('onboarding.recover_by_guardian')}
        </label>
      </fieldset>
      {way === 'sms' ? <BySms recover={recover} /> : <ByGuardian recover={recover} />}
      <p>
        <Link href="/signin">{t('recovery.back')}</Link>
      </p>
    </>
  );
}
