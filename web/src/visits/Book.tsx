import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, get } from '../api.ts';
import { useAuth } from '../auth.tsx';
import type { CareLink, Child } from '../care/types.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useConsentAge } from '../consent-age.ts';
import { type Key, useI18n } from '../i18n/index.tsx';
import { useVisitTime } from './names.ts';
import { ProviderFacts } from './ProviderFacts.tsx';
import { SlotPicker, SlotProblems, useSlotChoice } from './Slots.tsx';
import { type Appointment, type Provider, REASONS, type SlotList } from './types.ts';
import './visits.css';

function useProvider(id: string) {
  return useQuery({
    queryKey: ['providers', 'one', id],
    queryFn: () => get<Provider>(`/providers/${encodeURIComponent(id)}`),
  });
}

type Daughters =
  | { state: 'pending' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; all: Child[]; bookable: Child[] };

/**
 * The daughters a parent may book for, as the server decides (mayBookFor): those who share their
 * appointments with him, and any under the consent age whose account he agreed to (her link's
 * fixed scopes say so). Both lists are read fresh: what she shares may have just changed.
 */
function useBookableDaughters(enabled: boolean): Daughters {
  const children = useQuery({
    queryKey: ['care-children'],
    queryFn: () => get<{ children: Child[] }>('/care/children'),
    staleTime: 0,
    gcTime: 0,
    enabled,
  });
  const links = useQuery({
    queryKey: ['care-links'],
    queryFn: () => get<{ links: CareLink[] }>('/care/links'),
    staleTime: 0,
    gcTime: 0,
    enabled,
  });
  const error = children.error ?? links.error;
  if (error) return { state: 'error', error };
  if (!children.data || !links.data) return { state: 'pending' };
  const guardianOf = new Set(
    links.data.links
      .filter((link) => link.status === 'active' && link.fixedScopes.length > 0)
      .map((link) => link.person?.id),
  );
  const all = children.data.children;
  const bookable = all.filter((child) => child.scopes.includes('appointments') || guardianOf.has(child.id));
  return { state: 'ready', all, bookable };
}

/** A parent books for a daughter: only those who let him are offered (the server checks it again). */
function ForWhom({ daughters }: { daughters: Daughters }) {
  const { t } = useI18n();
  const age = useConsentAge();
  if (daughters.state === 'pending') return <Loading />;
  if (daughters.state === 'error') return <ProblemMessage error={daughters.error} />;
  const { all, bookable } = daughters;
  const why = t('visit.for_whom_missing', { age });
  if (bookable.length === 0)
    return (
      <p className="problem" role="alert">
        {all.length === 0 ? t('care.children_none') : why}{' '}
        <Link href="/people">{t('care.children_link')}</Link>
      </p>
    );
  const someMissing = bookable.length < all.length;
  return (
    <div className="field">
      <label htmlFor="book-for">{t('visit.for_whom')}</label>
      <select
        id="book-for"
        name="forUserId"
        required
        aria-describedby={someMissing ? 'book-for-hint' : undefined}
      >
        {bookable.map((child) => (
          <option key={child.id} value={child.id}>
            {child.name}
          </option>
        ))}
      </select>
      {someMissing && (
        <p id="book-for-hint" className="hint">
          {why}
        </p>
      )}
    </div>
  );
}

/** The booking's body from the form; null when a parent has no daughter to book for. */
function bookingOf(
  form: FormData,
  { providerId, start, parent }: { providerId: string; start: string; parent: boolean },
): Record<string, unknown> | null {
  const words = String(form.get('words') ?? '').trim();
  const forUserId = String(form.get('forUserId') ?? '');
  if (parent && !forUserId) return null;
  return {
    providerId,
    start,
    reason: String(form.get('reason') ?? 'general_checkup'),
    ...(words ? { words } : {}),
    ...(parent ? { forUserId } : { shareSummary: form.get('shareSummary') === 'on' }),
  };
}

/** /providers/:id — free times by day, a reason from the short list, then the booking. */
export function BookPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const queries = useQueryClient();
  const visitTime = useVisitTime();
  const provider = useProvider(id);
  const slots = useQuery({
    queryKey: ['slots', id],
    queryFn: () => get<SlotList>(`/providers/${encodeURIComponent(id)}/slots`),
    staleTime: 0,
  });
  const [bookedFor, setBookedFor] = useState<Child | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [pending, setPending] = useState(false);
  const parent = user?.role === 'parent';
  const daughters = useBookableDaughters(parent);
  const choice = useSlotChoice(() => slots.refetch());

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const start = choice.startOf(form);
    if (!start) return;
    const body = bookingOf(form, { providerId: id, start, parent });
    // No daughter to offer: the page already says why.
    if (!body) return;
    setPending(true);
    try {
      setBooked(await api<Appointment>('POST', '/appointments', body));
      const offered = daughters.state === 'ready' ? daughters.bookable : [];
      setBookedFor(offered.find((child) => child.id === body.forUserId) ?? null);
      await queries.invalidateQueries({ queryKey: ['appointments'] });
    } catch (caught) {
      await choice.failed(caught);
    } finally {
      setPending(false);
    }
  }

  const timeZone = slots.data?.timeZone ?? 'UTC';
  return (
    <>
      <h1 tabIndex={-1}>{t('visit.book_title')}</h1>
      {provider.data && (
        <section className="card" aria-labelledby="provider-name">
          <h2 id="provider-name">{provider.data.displayName}</h2>
          <ProviderFacts provider={provider.data} />
        </section>
      )}
      {booked ? (
        <div className="card">
          <Notice>{t('visit.booked')}</Notice>
          <p>{t('visit.chosen', { when: visitTime(booked.start, timeZone) })}</p>
          <p>
            {/* Her list is hers: a parent finds the visit on his daughter's page, if she shares it. */}
            {bookedFor ? (
              <Link href={`/children/${bookedFor.id}`} className="button primary">
                {t('care.child_open', { name: bookedFor.name })}
              </Link>
            ) : (
              !parent && (
                <Link href="/appointments" className="button primary">
                  {t('visit.see_mine')}
                </Link>
              )
            )}
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="book-times">
          <h2 id="book-times">{t('visit.free_times')}</h2>
          {slots.isPending && <Loading />}
          <ProblemMessage error={slots.error} />
          {slots.data && <SlotPicker list={slots.data} {...choice.picker} />}
          {parent && <ForWhom daughters={daughters} />}
          <div className="field">
            <label htmlFor="book-reason">{t('visit.reason')}</label>
            <select id="book-reason" name="reason" defaultValue="general_checkup">
              {REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`visit.reason_${reason}` as Key)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="book-words">
              {t('visit.words')} <span className="muted">{t('web.optional')}</span>
            </label>
            <textarea
              id="book-words"
              name="words"
              rows={3}
              maxLength={500}
              aria-describedby="book-words-hint"
            />
            <p id="book-words-hint" className="hint">
              {t('visit.words_hint')}
            </p>
          </div>
          {!parent && (
            <div className="field">
              <label className="choice">
                <input type="checkbox" name="shareSummary" aria-describedby="book-share-hint" />{' '}
                {t('visit.share')}
              </label>
              <p id="book-share-hint" className="hint">
                {t('visit.share_hint')}
              </p>
            </div>
          )}
          <SlotProblems missing={choice.missing} error={choice.error} />
          <button type="submit" className="primary" disabled={pending}>
            {t('visit.book')}
          </button>
        </form>
      )}
      <p>
        <Link href="/providers">{t('visit.back')}</Link>
      </p>
    </>
  );
}
