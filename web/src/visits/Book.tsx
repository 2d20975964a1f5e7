import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api, get } from '../api.ts';
import { useAuth } from '../auth.tsx';
import type { Child } from '../care/types.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { useDayName } from './names.ts';
import { ProviderFacts } from './ProviderFacts.tsx';
import { SlotPicker } from './Slots.tsx';
import { clockTime, dayIn } from './time.ts';
import { type Appointment, type Provider, REASONS, type SlotList } from './types.ts';
import './visits.css';

/** Another person took the time, or it closed: the times on screen were out of date. */
const STALE_TIME_CODES = new Set(['slot_taken', 'slot_unavailable']);

function useProvider(id: string) {
  return useQuery({
    queryKey: ['providers', 'one', id],
    queryFn: async () =>
      (await get<{ providers: Provider[] }>('/providers')).providers.find((p) => p.id === id),
  });
}

/** A parent books for a daughter: the server decides whether she lets him. */
function ForWhom() {
  const { t } = useI18n();
  const children = useQuery({
    queryKey: ['care-children'],
    queryFn: () => get<{ children: Child[] }>('/care/children'),
  });
  if (children.data?.children.length === 0)
    return (
      <p className="problem" role="alert">
        {t('care.children_none')} <Link href="/people">{t('care.children_link')}</Link>
      </p>
    );
  return (
    <div className="field">
      <label htmlFor="book-for">{t('visit.for_whom')}</label>
      <select id="book-for" name="forUserId" required>
        {children.data?.children.map((child) => (
          <option key={child.id} value={child.id}>
            {child.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** /providers/:id — free times by day, a reason from the short list, then the booking. */
export function BookPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const queries = useQueryClient();
  const dayName = useDayName();
  const provider = useProvider(id);
  const slots = useQuery({
    queryKey: ['slots', id],
    queryFn: () => get<SlotList>(`/providers/${encodeURIComponent(id)}/slots`),
    staleTime: 0,
  });
  const [day, setDay] = useState('');
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [pending, setPending] = useState(false);
  const parent = user?.role === 'parent';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setMissing(!chosen);
    if (!chosen) return;
    const words = String(form.get('words') ?? '').trim();
    const body: Record<string, unknown> = {
      providerId: id,
      start: chosen,
      reason: String(form.get('reason') ?? 'general_checkup'),
    };
    if (words) body.words = words;
    if (parent) body.forUserId = String(form.get('forUserId') ?? '');
    else body.shareSummary = form.get('shareSummary') === 'on';
    setPending(true);
    try {
      setBooked(await api<Appointment>('POST', '/appointments', body));
      await queries.invalidateQueries({ queryKey: ['appointments'] });
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && STALE_TIME_CODES.has(caught.code)) {
        setChosen('');
        await slots.refetch();
      }
    } finally {
      setPending(false);
    }
  }

  const taken = error instanceof ApiError && error.code === 'slot_taken';
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
          <p>
            {t('visit.chosen', {
              when: `${dayName(dayIn(booked.start, timeZone))} ${clockTime(booked.start, timeZone)}`,
            })}
          </p>
          <p>
            <Link href="/appointments" className="button primary">
              {t('visit.see_mine')}
            </Link>
          </p>
        </div>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="book-times">
          <h2 id="book-times">{t('visit.free_times')}</h2>
          {slots.isPending && <Loading />}
          <ProblemMessage error={slots.error} />
          {slots.data && (
            <SlotPicker list={slots.data} day={day} onDay={setDay} chosen={chosen} onChoose={setChosen} />
          )}
          {parent && <ForWhom />}
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
          {missing && (
            <p className="problem" role="alert">
              {t('visit.pick_time')}
            </p>
          )}
          <ProblemMessage error={error} message={taken ? t('visit.taken') : undefined} />
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
