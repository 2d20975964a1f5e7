import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, get } from '../api.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ProviderFacts } from './ProviderFacts.tsx';
import type { AdminProvider, ProviderStatus } from './types.ts';
import './visits.css';

const STATUSES: ProviderStatus[] = ['pending', 'verified', 'rejected', 'suspended'];

/** One registration to check: licence, facility, district; verify, reject with a reason, suspend. */
function Registration({ provider, onDone }: { provider: AdminProvider; onDone: (text: string) => void }) {
  const { t, dateTime } = useI18n();
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const name = provider.displayName;

  async function act(path: string, body: unknown, done: string) {
    setPending(true);
    setError(null);
    try {
      await api('POST', `/admin/providers/${provider.id}/${path}`, body);
      onDone(done);
      await queries.invalidateQueries({ queryKey: ['admin-providers'] });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }
  function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    void act('reject', { reason }, t('admin.done_rejected', { name }));
  }

  const reasonId = `reject-${provider.id}`;
  return (
    <li className="card" data-provider={provider.id}>
      <h2>{name}</h2>
      <p className="licence">{t('admin.licence', { licence: provider.licenceNumber })}</p>
      <ProviderFacts provider={provider} />
      <p className="hint">{t('admin.registered', { when: dateTime(provider.createdAt) })}</p>
      <div className="row">
        {provider.status !== 'verified' && (
          <button
            type="button"
            className="primary"
            disabled={pending}
            onClick={() => void act('verify', undefined, t('admin.done_verified', { name }))}
          >
            {t('admin.verify')}
          </button>
        )}
        {provider.status === 'pending' && (
          <button type="button" disabled={pending} onClick={() => setRejecting(!rejecting)}>
            {t('admin.reject')}
          </button>
        )}
        {provider.status === 'verified' && (
          <button
            type="button"
            className="danger"
            disabled={pending}
            onClick={() => void act('suspend', undefined, t('admin.done_suspended', { name }))}
          >
            {t('admin.suspend')}
          </button>
        )}
      </div>
      {rejecting && (
        <form className="form" onSubmit={reject}>
          <div className="field">
            <label htmlFor={reasonId}>{t('admin.reject_reason')}</label>
            <textarea id={reasonId} name="reason" rows={2} maxLength={500} required />
          </div>
          <button type="submit" className="danger" disabled={pending}>
            {t('admin.reject_send')}
          </button>
        </form>
      )}
      <ProblemMessage error={error} />
    </li>
  );
}

/** A one-time code: a health worker who registers with it is verified at once. */
function Invitation() {
  const { t, dateTime } = useI18n();
  const [made, setMade] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function make() {
    setError(null);
    try {
      setMade(await api<{ code: string; expiresAt: string }>('POST', '/admin/provider-invitations'));
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.invite_title')}</h2>
      <p>{t('admin.invite_body')}</p>
      {made && (
        <div role="status">
          <p>{t('admin.invite_code')}</p>
          <p className="ussd-code licence" data-invitation-code={made.code}>
            {made.code}
          </p>
          <p>{t('admin.invite_until', { when: dateTime(made.expiresAt) })}</p>
        </div>
      )}
      <ProblemMessage error={error} />
      <button type="button" onClick={() => void make()}>
        {t('admin.invite_make')}
      </button>
    </section>
  );
}

/** /admin/providers — registrations to verify, by status, and invitation codes. */
export function AdminProvidersPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<ProviderStatus>('pending');
  const [done, setDone] = useState('');
  const providers = useQuery({
    queryKey: ['admin-providers', status],
    queryFn: () => get<{ providers: AdminProvider[] }>(`/admin/providers?status=${status}`),
    staleTime: 0,
  });
  return (
    <>
      <h1 tabIndex={-1}>{t('admin.providers_title')}</h1>
      <div className="field">
        <label htmlFor="admin-status">{t('admin.show')}</label>
        <select
          id="admin-status"
          value={status}
          onChange={(event) => setStatus(event.target.value as ProviderStatus)}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`provider.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {done && <Notice>{done}</Notice>}
      {providers.isPending && <Loading />}
      <ProblemMessage error={providers.error} />
      {providers.data?.providers.length === 0 && <p>{t('admin.none')}</p>}
      <ul className="provider-list">
        {providers.data?.providers.map((provider) => (
          <Registration key={provider.id} provider={provider} onDone={setDone} />
        ))}
      </ul>
      <Invitation />
    </>
  );
}
