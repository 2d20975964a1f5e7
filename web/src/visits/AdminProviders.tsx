import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { AskFirst } from '../AskFirst.tsx';
import { api, get } from '../api.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { districtName } from './districts.ts';
import { ProviderFacts } from './ProviderFacts.tsx';
import type { AdminProvider, ProviderStatus } from './types.ts';
import './visits.css';

const STATUSES: ProviderStatus[] = ['pending', 'verified', 'rejected', 'suspended'];

/**
 * One registration to check: licence, facility, district; verify, reject with a reason, suspend.
 * Each asks first, naming the licence and facility, so a tap on the wrong card changes nothing.
 * What the API allows: verify from pending, rejected or suspended; reject a pending one (with the
 * reason the health worker reads); suspend a verified one (the API takes no reason).
 */
function Registration({ provider, onDone }: { provider: AdminProvider; onDone: (text: string) => void }) {
  const { t, dateTime } = useI18n();
  const queries = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const rejectQuestion = useRef<HTMLParagraphElement>(null);
  const rejectOpener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (rejecting) rejectQuestion.current?.focus();
  }, [rejecting]);
  const name = provider.displayName;
  const facts = t('admin.facts', {
    licence: provider.licenceNumber,
    facility: provider.facility,
    district: districtName(provider.district),
  });

  async function act(path: string, body: unknown, done: string) {
    await api('POST', `/admin/providers/${provider.id}/${path}`, body);
    // The card leaves this list: the notice says what happened and takes focus.
    onDone(done);
    await queries.invalidateQueries({ queryKey: ['admin-providers'] });
  }
  async function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    if (!reason || pending) return;
    setPending(true);
    setError(null);
    try {
      await act('reject', { reason }, t('admin.done_rejected', { name }));
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }
  function keep() {
    setRejecting(false);
    setError(null);
    setTimeout(() => rejectOpener.current?.focus(), 0);
  }

  const reasonId = `reject-${provider.id}`;
  return (
    <li className="card" data-provider={provider.id} data-status={provider.status}>
      <h2>{name}</h2>
      <p className="licence">{t('admin.licence', { licence: provider.licenceNumber })}</p>
      <ProviderFacts provider={provider} />
      <p className="hint">{t('admin.registered', { when: dateTime(provider.createdAt) })}</p>
      {provider.reviewNote && <p>{t('provider.review_note', { note: provider.reviewNote })}</p>}
      {!rejecting && (
        <div className="row">
          {provider.status !== 'verified' && (
            <AskFirst
              opener="primary"
              tone="primary"
              label={t('admin.verify')}
              question={t('admin.verify_ask', { name })}
              hint={facts}
              yes={t('admin.verify_yes')}
              no={t('admin.go_back')}
              onYes={() => act('verify', undefined, t('admin.done_verified', { name }))}
            />
          )}
          {provider.status === 'pending' && (
            <button type="button" ref={rejectOpener} onClick={() => setRejecting(true)}>
              {t('admin.reject')}
            </button>
          )}
          {provider.status === 'verified' && (
            <AskFirst
              opener="danger"
              label={t('admin.suspend')}
              question={t('admin.suspend_ask', { name })}
              hint={facts}
              yes={t('admin.suspend_yes')}
              no={t('admin.go_back')}
              onYes={() => act('suspend', undefined, t('admin.done_suspended', { name }))}
            />
          )}
        </div>
      )}
      {rejecting && (
        <form className="form ask-first" onSubmit={(event) => void reject(event)}>
          <p tabIndex={-1} ref={rejectQuestion}>
            <strong>{t('admin.reject_ask', { name })}</strong> {facts}
          </p>
          <div className="field">
            <label htmlFor={reasonId}>{t('admin.reject_reason')}</label>
            <textarea id={reasonId} name="reason" rows={2} maxLength={500} required />
          </div>
          <div className="row">
            <button type="submit" className="danger" disabled={pending}>
              {t('admin.reject_send')}
            </button>
            <button type="button" onClick={keep}>
              {t('admin.go_back')}
            </button>
          </div>
          <ProblemMessage error={error} />
        </form>
      )}
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
  // Numbered: each "done" is a new notice that takes focus (the card it was about has gone).
  const [done, setDone] = useState({ text: '', n: 0 });
  const notify = (text: string) => setDone((last) => ({ text, n: last.n + 1 }));
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
          onChange={(event) => {
            setStatus(event.target.value as ProviderStatus);
            // The notice was about the list she was looking at.
            setDone({ text: '', n: done.n });
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`provider.status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {done.text && (
        <Notice key={done.n} takeFocus>
          {done.text}
        </Notice>
      )}
      {providers.isPending && <Loading />}
      <ProblemMessage error={providers.error} />
      {providers.data?.providers.length === 0 && <p>{t('admin.none')}</p>}
      <ul className="provider-list">
        {providers.data?.providers.map((provider) => (
          <Registration key={provider.id} provider={provider} onDone={notify} />
        ))}
      </ul>
      <Invitation />
    </>
  );
}
