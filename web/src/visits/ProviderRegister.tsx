import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, type SignedIn, setTokens, type User } from '../api.ts';
import { PhoneField, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { ProfileFields, profileOf } from './ProfileFields.tsx';
import './visits.css';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** What is missing before the form goes, as a catalogue key; the API body otherwise. */
function registration(form: FormData): Record<string, unknown> | Key {
  const phone = text(form, 'phone');
  const email = text(form, 'email');
  const invitationCode = text(form, 'invitationCode');
  if (!phone && !email) return 'auth.need_contact';
  const profile = profileOf(form);
  if (!profile) return 'provider.pick_one';
  if (form.get('acceptTerms') !== 'on') return 'auth.need_terms';
  return {
    name: text(form, 'name'),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    password: String(form.get('password') ?? ''),
    licenceNumber: text(form, 'licenceNumber'),
    ...profile,
    ...(invitationCode ? { invitationCode } : {}),
    acceptTerms: true,
  };
}

/** /provider/register — a health worker's account, verified by an invitation code or by our team. */
export function ProviderRegisterPage({ setUser }: { setUser: (user: User) => Promise<void> }) {
  const { t, language } = useI18n();
  const [, navigate] = useLocation();
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<Key | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = registration(new FormData(event.currentTarget));
    setError(null);
    setMissing(typeof body === 'string' ? body : null);
    if (typeof body === 'string') return;
    setPending(true);
    try {
      const signedIn = await api<SignedIn>('POST', '/providers/register', body);
      setTokens(signedIn);
      // The registration takes no language: the account keeps the one the form was filled in.
      const user =
        signedIn.user.language === language
          ? signedIn.user
          : await api<User>('PATCH', '/me', { language }).catch(() => signedIn.user);
      await setUser(user);
      navigate('/provider');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('provider.register_title')}</h1>
      <p>{t('provider.register_intro')}</p>
      <form
        className="form"
        onSubmit={(event) => void submit(event)}
        aria-label={t('provider.register_title')}
        noValidate
      >
        <div className="field">
          <label htmlFor="preg-name">{t('provider.display_name')}</label>
          <input id="preg-name" name="name" autoComplete="name" required maxLength={100} />
        </div>
        <fieldset>
          <legend>{t('auth.contact_hint')}</legend>
          <PhoneField id="preg-phone" label={t('auth.phone')} />
          <div className="field">
            <label htmlFor="preg-email">{t('auth.email')}</label>
            <input id="preg-email" name="email" type="email" autoComplete="email" />
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor="preg-password">{t('auth.password')}</label>
          <input
            id="preg-password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            aria-describedby="preg-password-hint"
          />
          <p id="preg-password-hint" className="hint">
            {t('auth.password_hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="preg-licence">{t('provider.licence')}</label>
          <input
            id="preg-licence"
            name="licenceNumber"
            required
            maxLength={50}
            aria-describedby="preg-licence-hint"
          />
          <p id="preg-licence-hint" className="hint">
            {t('provider.licence_hint')}
          </p>
        </div>
        <ProfileFields idPrefix="preg" />
        <div className="field">
          <label htmlFor="preg-invitation">
            {t('provider.invitation')} <span className="muted">{t('web.optional')}</span>
          </label>
          <input
            id="preg-invitation"
            name="invitationCode"
            autoComplete="off"
            maxLength={40}
            aria-describedby="preg-invitation-hint"
          />
          <p id="preg-invitation-hint" className="hint">
            {t('provider.invitation_hint')}
          </p>
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
        {missing && (
          <p className="problem" role="alert">
            {t(missing)}
          </p>
        )}
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('web.saving') : t('provider.register_submit')}
        </button>
      </form>
      <p>
        <Link href="/signin">{t('landing.have_account')}</Link>
      </p>
    </>
  );
}
