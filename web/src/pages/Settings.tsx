import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import {
  type AccessEntry,
  api,
  type ConsentStatus,
  exportData,
  get,
  type Session,
  type User,
} from '../api.ts';
import { useAuth } from '../auth.tsx';
import { acceptCurrentPolicies } from '../ConsentPrompt.tsx';
import { Loading, Notice, ProblemMessage, saveFile } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { LockSettings } from '../lock/LockSettings.tsx';
import { PhoneNumberForm, VerifyPhoneCard } from '../PhoneVerification.tsx';

function field(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A wrong current secret here is not a wrong sign-in: say so. */
const CURRENT_SECRET = { invalid_credentials: 'error.invalid_credentials.current' } as const;

/** Change password or PIN: either current secret proves it is her. */
function SecretForm({ kind }: { kind: 'password' | 'pin' }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const prefix = `change-${kind}`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body: Record<string, string> = {};
    const currentPassword = field(form, 'currentPassword');
    const currentPin = field(form, 'currentPin');
    if (currentPassword) body.currentPassword = currentPassword;
    if (currentPin) body.currentPin = currentPin;
    body[kind === 'password' ? 'newPassword' : 'newPin'] = field(form, 'next') ?? '';
    setError(null);
    setDone(false);
    try {
      await api('PUT', kind === 'password' ? '/me/password' : '/me/pin', body);
      setDone(true);
      formElement.reset();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>
        {kind === 'password' ? t('settings.password_title') : t('settings.change_pin')}
      </h2>
      <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby={`${prefix}-title`}>
        <p className="hint">{t('settings.current_either')}</p>
        <div className="field">
          <label htmlFor={`${prefix}-current-password`}>{t('settings.current_password')}</label>
          <input
            id={`${prefix}-current-password`}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-current-pin`}>{t('settings.current_pin')}</label>
          <input
            id={`${prefix}-current-pin`}
            name="currentPin"
            type="password"
            inputMode="numeric"
            maxLength={5}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor={`${prefix}-new`}>
            {kind === 'password' ? t('settings.new_password') : t('settings.new_pin')}
          </label>
          {kind === 'password' ? (
            <input
              id={`${prefix}-new`}
              name="next"
              type="password"
              autoComplete="new-password"
              minLength={8}
              required
            />
          ) : (
            <input
              id={`${prefix}-new`}
              name="next"
              type="password"
              inputMode="numeric"
              pattern="[0-9]{5}"
              maxLength={5}
              autoComplete="off"
              required
            />
          )}
        </div>
        <ProblemMessage error={error} codes={CURRENT_SECRET} />
        {done && (
          <Notice>{kind === 'password' ? t('settings.password_changed') : t('settings.pin_changed')}</Notice>
        )}
        <button type="submit" className="primary">
          {t('web.save')}
        </button>
      </form>
    </section>
  );
}

/** Her sign-in number: add one, or change it (the old one signs her in until the new is verified). */
function PhoneNumber({ user }: { user: User }) {
  const { t } = useI18n();
  let status = t('phone.none');
  if (user.phone) status = t('phone.current', { phone: user.phone });
  else if (user.pendingPhone) status = t('phone.pending', { phone: user.pendingPhone });
  return (
    <section className="card" aria-labelledby="phone-title">
      <h2 id="phone-title">{t('phone.title')}</h2>
      <p>{status}</p>
      <PhoneNumberForm />
    </section>
  );
}

function Sessions() {
  const { t, tn, dateTime } = useI18n();
  const queries = useQueryClient();
  const sessions = useQuery({
    queryKey: ['sessions'],
    queryFn: () => get<{ sessions: Session[] }>('/me/sessions'),
  });
  const [revoked, setRevoked] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function revokeOthers() {
    setError(null);
    try {
      const answer = await api<{ revoked: number }>('POST', '/me/sessions/revoke-others');
      setRevoked(answer.revoked);
      void queries.invalidateQueries({ queryKey: ['sessions'] });
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('settings.sessions_title')}</h2>
      {sessions.isPending && <Loading />}
      <ProblemMessage error={sessions.error ?? error} />
      <ul className="list">
        {sessions.data?.sessions.map((session) => (
          <li key={session.id}>
            {t('settings.session_row', {
              channel: t(`access.channel.${session.channel}` as Key),
              device: session.device ?? '—',
              when: dateTime(session.lastSeenAt),
            })}
            {session.current && <strong> ({t('settings.this_device')})</strong>}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void revokeOthers()}>
        {t('settings.revoke_others')}
      </button>
      {revoked !== null && <Notice>{tn('settings.revoked', revoked)}</Notice>}
    </section>
  );
}

function Export() {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  async function download(format: 'json' | 'csv') {
    setError(null);
    try {
      const blob = await exportData(format);
      saveFile(blob, format === 'json' ? 'ladys-essence-export.json' : 'ladys-essence-export.zip');
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('settings.export_title')}</h2>
      <p className="row">
        <button type="button" onClick={() => void download('json')}>
          {t('settings.export_json')}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {t('settings.export_csv')}
        </button>
      </p>
      <ProblemMessage error={error} />
    </section>
  );
}

const DONE_OUTCOMES = new Set(['success', 'ok', 'not_needed']);

/** An action told with its resource where the catalogue has it (a recovery: by SMS, USSD or her guardian). */
function actionText(entry: AccessEntry, t: (key: Key) => string): string | undefined {
  const key = `access.action.${entry.action}.${entry.resource ?? ''}`;
  const text = t(key as Key);
  return text === key ? undefined : text;
}

/** An access-log entry in her language: the API gives stable codes, never sentences. */
function accessRow(entry: AccessEntry, t: (key: Key) => string, dateTime: (instant: string) => string) {
  const translated = (key: string, fallback: Key) => {
    const text = t(key as Key);
    return text === key ? t(fallback) : text;
  };
  const { label, role, name } = entry.actor;
  let actor: string;
  if (label === 'you') actor = t('access.you');
  else if (label === 'operator') actor = t('access.operator');
  else if (role === null) actor = t('access.unknown');
  // "Parent Mukamana" for someone she knows, else "parent 3F9A1C": the role in her language, then
  // the name or the pseudonym as it is.
  else
    actor =
      `${translated(`role.${role}`, 'access.unknown')} ${name ?? label.split(' ').slice(1).join(' ')}`.trim();
  return {
    when: dateTime(entry.at),
    actor,
    action: actionText(entry, t) ?? translated(`access.action.${entry.action}`, 'access.unknown'),
    outcome: t(DONE_OUTCOMES.has(entry.outcome) ? 'access.outcome.ok' : 'access.outcome.refused'),
    channel: translated(`access.channel.${entry.channel}`, 'access.unknown'),
  };
}

function AccessLog() {
  const { t, dateTime } = useI18n();
  const log = useQuery({
    queryKey: ['access-log'],
    queryFn: () => get<{ entries: AccessEntry[] }>('/me/access-log'),
  });
  return (
    <section className="card" aria-labelledby="access-title">
      <h2 id="access-title">{t('settings.access_title')}</h2>
      {log.isPending && <Loading />}
      <ProblemMessage error={log.error} />
      {log.data && log.data.entries.length === 0 && <p>{t('settings.access_none')}</p>}
      <ul className="list small-text">
        {log.data?.entries.slice(0, 50).map((entry) => (
          <li key={`${entry.at}-${entry.action}-${entry.actor.label}-${entry.outcome}`}>
            {t('settings.access_row', accessRow(entry, t, dateTime))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Consents() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const status = useQuery({ queryKey: ['consents'], queryFn: () => get<ConsentStatus>('/me/consents') });
  const [error, setError] = useState<unknown>(null);

  async function change(run: () => Promise<ConsentStatus>) {
    setError(null);
    try {
      queries.setQueryData(['consents'], await run());
    } catch (caught) {
      setError(caught);
    }
  }
  const data = status.data;
  const analytics = data?.purposes.find((purpose) => purpose.purpose === 'analytics');
  return (
    <section className="card" aria-labelledby="consents-title">
      <h2 id="consents-title">{t('settings.consents_title')}</h2>
      {status.isPending && <Loading />}
      <ProblemMessage error={status.error ?? error} />
      {data && (
        <>
          <ul className="list">
            {data.policies.map((policy) => (
              <li key={policy.kind}>
                <a href={policy.url} target="_blank" rel="noreferrer">
                  {t('settings.policy_row', {
                    kind: t(`policy.kind.${policy.kind}` as Key),
                    version: policy.version,
                  })}
                </a>
                : {policy.accepted ? t('settings.policy_accepted') : t('settings.policy_new')}
              </li>
            ))}
          </ul>
          {data.policies.some((policy) => !policy.accepted) && (
            <button
              type="button"
              className="primary"
              onClick={() => void change(() => acceptCurrentPolicies(data))}
            >
              {t('settings.accept_new')}
            </button>
          )}
          {analytics && (
            <label className="choice">
              <input
                type="checkbox"
                checked={analytics.granted}
                onChange={(event) =>
                  void change(() =>
                    api<ConsentStatus>('PUT', '/me/consents', {
                      purposes: { analytics: event.target.checked },
                    }),
                  )
                }
              />{' '}
              {t('settings.analytics')}
            </label>
          )}
          {data.guardian.given && <p>{t('settings.guardian_given')}</p>}
          {data.guardian.required && (
            <p>
              {t('settings.guardian_needed')}{' '}
              <Link href="/parent-consent">{t('onboarding.banner_link')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function DeleteAccount() {
  const { t } = useI18n();
  const { setUser } = useAuth();
  const [, navigate] = useLocation();
  const [step, setStep] = useState<'closed' | 'confirm'>('closed');
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const secret = field(new FormData(event.currentTarget), 'secret') ?? '';
    setError(null);
    try {
      // A 5-digit answer is her PIN; anything else her password.
      await api('DELETE', '/me', /^[0-9]{5}$/.test(secret) ? { pin: secret } : { password: secret });
      setUser(null);
      navigate('/');
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="card danger" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('settings.delete_title')}</h2>
      <p>{t('settings.delete_warn')}</p>
      {step === 'closed' ? (
        <button type="button" className="danger" onClick={() => setStep('confirm')}>
          {t('settings.delete_start')}
        </button>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="delete-title">
          <div className="field">
            <label htmlFor="delete-secret">{t('settings.delete_secret')}</label>
            <input
              id="delete-secret"
              name="secret"
              type="password"
              autoComplete="current-password"
              required
            />
          </div>
          <ProblemMessage error={error} codes={CURRENT_SECRET} />
          <p className="row">
            <button type="submit" className="danger">
              {t('settings.delete_confirm')}
            </button>
            <button type="button" onClick={() => setStep('closed')}>
              {t('web.cancel')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

export function SettingsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  return (
    <>
      <h1 tabIndex={-1}>{t('web.nav.settings')}</h1>
      {user && (
        <section className="card" aria-labelledby="profile-title">
          <h2 id="profile-title">{t('settings.profile')}</h2>
          <p>
            {user.name}
            {user.phone ? ` · ${user.phone}` : ''}
            {user.email ? ` · ${user.email}` : ''}
          </p>
        </section>
      )}
      <VerifyPhoneCard />
      {user && <PhoneNumber user={user} />}
      <SecretForm kind="password" />
      <SecretForm kind="pin" />
      <LockSettings />
      <Sessions />
      <Consents />
      <Export />
      <AccessLog />
      <DeleteAccount />
    </>
  );
}
