import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { api, get } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ChangesClosed } from './ChangesClosed.tsx';
import { useVisitTime } from './names.ts';
import { SlotPicker, SlotProblems, useSlotChoice } from './Slots.tsx';
import { isChangeable, phoneTimeZone } from './time.ts';
import type { Appointment, SlotList } from './types.ts';
import './visits.css';

const LIVE = new Set(['requested', 'confirmed']);

/**
 * /appointments/:id/move — another free time of the same health worker, for her or for the
 * health worker, up to the cut-off. Moved by her it waits for the health worker's confirmation
 * again; moved by him it stays confirmed (the server decides both).
 */
export function MovePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const queries = useQueryClient();
  const visitTime = useVisitTime();
  const provider = user?.role === 'provider';
  const visit = useQuery({
    queryKey: ['appointment', id],
    queryFn: () => get<Appointment>(`/appointments/${encodeURIComponent(id)}`),
    staleTime: 0,
    gcTime: 0,
  });
  // Her answer names the provider; the provider moves his own visits.
  const providerId = provider ? user.id : visit.data?.provider?.id;
  const slots = useQuery({
    queryKey: ['slots', providerId],
    queryFn: () => get<SlotList>(`/providers/${encodeURIComponent(providerId ?? '')}/slots`),
    enabled: providerId !== undefined,
    staleTime: 0,
  });
  const choice = useSlotChoice(() => slots.refetch());
  const [pending, setPending] = useState(false);
  const [moved, setMoved] = useState<Appointment | null>(null);
  // The facility's clock, as booking showed it.
  const timeZone = slots.data?.timeZone ?? visit.data?.provider?.timeZone ?? phoneTimeZone();
  const back = provider ? (
    <Link href="/provider">{t('visit.move_back_day')}</Link>
  ) : (
    <Link href="/appointments">{t('visit.see_mine')}</Link>
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const start = choice.startOf(new FormData(event.currentTarget));
    if (!start) return;
    setPending(true);
    try {
      setMoved(
        await api<Appointment>('POST', `/appointments/${encodeURIComponent(id)}/reschedule`, { start }),
      );
      await queries.invalidateQueries({ queryKey: provider ? ['provider-day'] : ['appointments'] });
    } catch (caught) {
      await choice.failed(caught);
    } finally {
      setPending(false);
    }
  }

  if (visit.isPending) return <Loading />;
  if (!visit.data)
    return (
      <>
        <h1 tabIndex={-1}>{t('visit.move_title')}</h1>
        <ProblemMessage error={visit.error} />
        <p>{back}</p>
      </>
    );
  const current = visit.data;
  return (
    <>
      <h1 tabIndex={-1}>{t('visit.move_title')}</h1>
      <p>{t('visit.move_now', { when: visitTime(current.start, timeZone) })}</p>
      {moved ? (
        <div className="card">
          <Notice takeFocus>
            {t('visit.moved', { when: visitTime(moved.start, timeZone) })}{' '}
            {moved.status === 'requested' && t('visit.moved_wait')}
          </Notice>
        </div>
      ) : !isChangeable(current) ? (
        <div className="card">
          {/* Before the visit, the cut-off says why and whom to call; after it, or once closed, no more. */}
          {LIVE.has(current.status) && Date.parse(current.start) > Date.now() ? (
            <ChangesClosed visit={current} her={!provider} />
          ) : (
            <p>{t('visit.move_closed')}</p>
          )}
        </div>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby="move-times">
          <h2 id="move-times">{t('visit.free_times')}</h2>
          {slots.isPending && <Loading />}
          <ProblemMessage error={slots.error} />
          {slots.data && <SlotPicker list={slots.data} {...choice.picker} />}
          <SlotProblems missing={choice.missing} error={choice.error} />
          <button type="submit" className="primary" disabled={pending}>
            {t('visit.move_send')}
          </button>
        </form>
      )}
      <p>{back}</p>
    </>
  );
}
