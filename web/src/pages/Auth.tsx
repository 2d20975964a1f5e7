import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { type ConsentStatus, get, type Language, type RegisterInput } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { ConsentSteps } from '../ConsentSteps.tsx';
import { Notice, PhoneField, ProblemMessage } from '../components.tsx';
import { useConsentAge, youngestAge } from '../consent-age.ts';
import { type Key, LANGUAGE_NAMES, LANGUAGES, useI18n } from '../i18n/index.tsx';

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A year of birth as she typed it: a number in range, or undefined when it is not one. */
function yearOf(value: string): number | undefined {
  const year = Number(value);
  return /^[0-9]{4}$/.test(value) && year >= 1900 && year <= new Date().getFullYear() ? year : undefined;
}

/**
 * Her answers as the API's register body, or the catalogue key of the first thing missing (shown
 * in whatever language she switches to). A young woman gives her year of birth, as the API
 * requires: under the consent age a parent or guardian must agree first.
 */
function toRegisterInput(form: FormData): RegisterInput | Key {
  const phone = text(form, 'phone');
  const email = text(form, 'email');
  const password = String(form.get('password') ?? '');
  const pin = text(form, 'pin');
  const birthYear = text(form, 'birthYear');
  const role = text(form, 'role') === 'parent' ? 'parent' : 'adolescent';
  if (!phone && !email) return 'auth.need_contact';
  if (!password && !pin) return 'auth.need_secret';
  if (role === 'adolescent' && !birthYear) return 'onboarding.birth_year_needed';
  if (birthYear && yearOf(birthYear) === undefined) return 'onboarding.birth_year_invalid';
  if (form.get('acceptTerms') !== 'on') return 'auth.need_terms';
  const input: RegisterInput = {
    name: text(form, 'name'),
    role,
    language: text(form, 'language') as Language,
    acceptTerms: true,
  };
  if (phone) input.phone = phone;
  if (email) input.email = email;
  if (password) input.password = password;
  if (pin) input.pin = pin;
  if (birthYear) input.birthYear = Number(birthYear);
  return input;
}

export function RegisterPage() {
  const { t, language } = useI18n();
  const { register } = useAuth();
  const [, navigate] = useLocation();
  const age = useConsentAge();
  const [role, setRole] = useState<'adolescent' | 'parent'>('adolescent');
  const [birthYear, setBirthYear] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [localError, setLocalError] = useState<Key | null>(null);
  const [pending, setPending] = useState(false);
  const year = yearOf(birthYear.trim());
  const young = role === 'adolescent' && year !== undefined && youngestAge(year) < age;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    const checked = toRegisterInput(form);
    if (typeof checked === 'string') return setLocalError(checked);
    setLocalError(null);
    const input = checked;
    setPending(true);
    try {
      const user = await register(input);
      // Under the consent age, her next step is her parent's agreement (the server decides).
      const consents =
        user.role === 'adolescent'
          ? await get<ConsentStatus>('/me/consents').catch(() => undefined)
          : undefined;
      navigate(consents?.guardian.required ? '/parent-consent' : '/home');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  const thisYear = new Date().getFullYear();
  return (
    <>
      <h1 tabIndex={-1}>{t('auth.register_title')}</h1>
      <form
        className="form"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="register-title"
        noValidate
      >
        <h2 id="register-title" className="visually-hidden">
          {t('auth.register_title')}
        </h2>
        <div className="field">
          <label htmlFor="reg-name">{t('auth.name')}</label>
          <input id="reg-name" name="name" autoComplete="given-name" required maxLength={100} />
        </div>
        <fieldset>
          <legend>{t('auth.role')}</legend>
          <label className="choice">
            <input
              type="radio"
              name="role"
              value="adolescent"
              checked={role === 'adolescent'}
              onChange={() => setRole('adolescent')}
            />{' '}
            {t('reg.role_adolescent')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="role"
              value="parent"
              checked={role === 'parent'}
              onChange={() => setRole('parent')}
            />{' '}
            {t('reg.role_parent')}
          </label>
        </fieldset>
        {role === 'adolescent' && (
          <details className="card">
            <summary>{t('onboarding.landing_title', { age })}</summary>
            <p>{t('onboarding.landing_body', { age })}</p>
            <ConsentSteps />
          </details>
        )}
        <fieldset>
          <legend>{t('auth.contact_hint')}</legend>
          <PhoneField id="reg-phone" label={t('auth.phone')} />
          <div className="field">
            <label htmlFor="reg-email">{t('auth.email')}</label>
            <input id="reg-email" name="email" type="email" autoComplete="email" />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('auth.secret_hint')}</legend>
          <div className="field">
            <label htmlFor="reg-password">{t('auth.password')}</label>
            <input
              id="reg-password"
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={8}
              aria-describedby="reg-password-hint"
            />
            <p id="reg-password-hint" className="hint">
              {t('auth.password_hint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor="reg-pin">{t('auth.pin')}</label>
            <input
              id="reg-pin"
              name="pin"
              type="password"
              inputMode="numeric"
              pattern="[0-9]{5}"
              maxLength={5}
              autoComplete="off"
              aria-describedby="reg-pin-hint"
            />
            <p id="reg-pin-hint" className="hint">
              {t('auth.pin_hint')}
            </p>
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="reg-birth-year">
            {t('auth.birth_year')}
            {role === 'parent' && <span className="muted"> {t('web.optional')}</span>}
          </label>
          <input
            id="reg-birth-year"
            name="birthYear"
            type="number"
            inputMode="numeric"
            min={1900}
            max={thisYear}
            placeholder="2009"
            required={role === 'adolescent'}
            aria-describedby={role === 'adolescent' ? 'reg-birth-year-hint' : undefined}
            value={birthYear}
            onChange={(event) => setBirthYear(event.target.value)}
          />
          {role === 'adolescent' && (
            <p id="reg-birth-year-hint" className="hint">
              {t('onboarding.birth_year_hint', { age })}
            </p>
          )}
          {young && <Notice>{t('onboarding.under_age_note', { age })}</Notice>}
        </div>
        <div className="field">
          <label htmlFor="reg-language">{t('web.lang.label')}</label>
          <select id="reg-language" name="language" defaultValue={language} key={language}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="choice">
            <input type="checkbox" name="acceptTerms" required /> {t('auth.accept')}
          </label>
          <p>
            <a href="/policies" target="_blank" rel="noreferrer">
              {t('auth.read_policies')}
            </a>
          </p>
        </div>
        {localError && (
          <p className="problem" role="alert">
            {t(localError, { age })}
          </p>
        )}
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('web.saving') : t('auth.submit_register')}
        </button>
      </form>
      <p>
        <Link href="/signin">{t('landing.have_account')}</Link>
      </p>
    </>
  );
}

export function SignInPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [, navigate] = useLocation();
  const [usePin, setUsePin] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const identifier = text(form, 'identifier');
    const secret = String(form.get('secret') ?? '');
    setPending(true);
    setError(null);
    try {
      await signIn(usePin ? { identifier, pin: secret.trim() } : { identifier, password: secret });
      navigate('/home');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('auth.signin_title')}</h1>
      <form className="form" onSubmit={(event) => void submit(event)} aria-label={t('auth.signin_title')}>
        <div className="field">
          <label htmlFor="signin-identifier">{t('auth.identifier')}</label>
          <input id="signin-identifier" name="identifier" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="signin-secret">{usePin ? t('auth.pin') : t('auth.password')}</label>
          {usePin ? (
            <input
              key="pin"
              id="signin-secret"
              name="secret"
              type="password"
              inputMode="numeric"
              maxLength={5}
              autoComplete="off"
              required
            />
          ) : (
            <input
              key="password"
              id="signin-secret"
              name="secret"
              type="password"
              autoComplete="current-password"
              required
            />
          )}
        </div>
        <button type="button" className="link" onClick={() => setUsePin(!usePin)}>
          {usePin ? t('auth.use_password') : t('auth.use_pin')}
        </button>
        {/* One plain answer for an unknown number and a wrong secret: nobody learns who has an account. */}
        <ProblemMessage
          error={error}
          codes={{
            invalid_credentials: usePin ? 'error.invalid_credentials.pin' : 'error.invalid_credentials',
          }}
        />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('web.loading') : t('auth.submit_signin')}
        </button>
      </form>
      <p>
        <Link href="/recover">{t('auth.forgot')}</Link>
      </p>
      <p>
        {t('auth.no_account')} <Link href="/register">{t('web.nav.register')}</Link>
      </p>
    </>
  );
}
