import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, get, type Period } from '../api.ts';
import { ConfirmBox, Notice, ProblemMessage, useConfirmingSubmit } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';

/** The period this day belongs to, if any (an ongoing period covers every day since its start). */
function periodOn(periods: Period[], date: string): Period | undefined {
  return periods.find((p) => p.startDate <= date && (p.endDate === null || date <= p.endDate));
}

/** The ongoing period that started before this day: the one "it ended on this day" would close. */
function openBefore(periods: Period[], date: string): Period | undefined {
  return periods.find((p) => p.endDate === null && p.startDate <= date);
}

/**
 * Tap-to-log from the calendar: a day's page says whether it is part of a period and offers
 * "started on this day" or "ended on this day", so a period can be logged without typing dates.
 */
export function DayPeriod({ date }: { date: string }) {
  const { t, date: format } = useI18n();
  const queries = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const periods = useQuery({
    queryKey: ['periods'],
    queryFn: () => get<{ periods: Period[] }>('/cycles/periods'),
  });
  const list = periods.data?.periods ?? [];
  const current = periodOn(list, date);
  const open = openBefore(list, date);

  const start = useConfirmingSubmit(
    (confirm) => api<Period>('POST', '/cycles/periods', { startDate: date, ...(confirm ? { confirm } : {}) }),
    (period) => {
      setSaved(t('period.saved_start', { date: format(period.startDate) }));
      void queries.invalidateQueries();
    },
  );
  const end = useConfirmingSubmit(
    (confirm) =>
      api<Period>('PATCH', `/cycles/periods/${open?.id ?? ''}`, {
        endDate: date,
        ...(confirm ? { confirm } : {}),
      }),
    (period) => {
      setSaved(t('period.saved_end', { date: format(period.endDate ?? date) }));
      void queries.invalidateQueries();
    },
  );
  const busy = start.pending || end.pending;
  const asking = start.needsConfirm ? start : end.needsConfirm ? end : null;

  return (
    <section className="card" aria-labelledby="day-period-title">
      <h2 id="day-period-title">{t('day.period_title')}</h2>
      {current && (
        <p>
          {t('day.period_in', {
            start: format(current.startDate),
            end: current.endDate ? format(current.endDate) : t('period.ongoing'),
          })}
        </p>
      )}
      <ProblemMessage error={periods.error ?? start.error ?? end.error} />
      {asking?.needsConfirm && (
        <ConfirmBox
          detail={asking.needsConfirm}
          onConfirm={() => void asking.confirm()}
          onCancel={asking.cancel}
          pending={asking.pending}
        />
      )}
      {saved && <Notice>{saved}</Notice>}
      {periods.data && (
        <div className="row">
          {!current && (
            <button type="button" className="primary" disabled={busy} onClick={() => void start.submit()}>
              {t('day.period_start_here')}
            </button>
          )}
          {open && open.startDate < date && (
            <button type="button" disabled={busy} onClick={() => void end.submit()}>
              {t('day.period_end_here')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
