import { useState } from 'react';
import { Link } from 'wouter';
import { api, type Period } from '../api.ts';
import { ConfirmBox, Notice, ProblemMessage, useConfirmingSubmit } from '../components.tsx';
import { useCycleActions } from '../cycle/actions.ts';
import { ConfirmDeletePeriod } from '../cycle/ConfirmDelete.tsx';
import {
  endNotLogged,
  usePeriods,
  useRefreshCycleViews,
  useSettling,
  useSingleFlight,
} from '../cycle/hooks.ts';
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
 * "started on this day" or "ended on this day", so a period can be logged without typing dates;
 * a period it is part of can be changed or deleted from here.
 */
export function DayPeriod({ date }: { date: string }) {
  const { t, date: format } = useI18n();
  const refresh = useRefreshCycleViews();
  const actions = useCycleActions();
  const [saved, setSaved] = useState<string | null>(null);
  const [settling, settle] = useSettling();
  const periods = usePeriods();
  const list = periods.data?.periods ?? [];
  const current = periodOn(list, date);
  const open = openBefore(list, date);

  const start = useConfirmingSubmit(
    (confirm) => api<Period>('POST', '/cycles/periods', { startDate: date, ...(confirm ? { confirm } : {}) }),
    (period) => {
      setSaved(t('period.saved_start', { date: format(period.startDate) }));
      settle();
      void refresh();
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
      settle();
      void refresh();
    },
  );
  const busy = start.pending || end.pending || settling;
  const startHere = useSingleFlight(() => {
    setSaved(null);
    return start.submit();
  });
  const endHere = useSingleFlight(() => {
    setSaved(null);
    return end.submit();
  });
  const asking = start.needsConfirm ? start : end.needsConfirm ? end : null;

  return (
    <section className="card" aria-labelledby="day-period-title">
      <h2 id="day-period-title">{t('day.period_title')}</h2>
      {current && (
        <>
          <p>
            {t('day.period_in', {
              start: format(current.startDate),
              end: current.endDate
                ? format(current.endDate)
                : endNotLogged(current)
                  ? t('cycle.end_not_logged')
                  : t('period.ongoing'),
            })}
          </p>
          <div className="row day-period-actions">
            <Link href={`/period/${current.id}`} className="button small">
              {t('cycle.change')}
            </Link>
            <ConfirmDeletePeriod
              small
              period={current}
              label={t('cycle.delete_period')}
              onDelete={() => actions.deletePeriod(current)}
            />
          </div>
        </>
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
            <button type="button" className="primary" disabled={busy} onClick={() => void startHere()}>
              {t('day.period_start_here')}
            </button>
          )}
          {open && open.startDate < date && (
            <button type="button" disabled={busy} onClick={() => void endHere()}>
              {t('day.period_end_here')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
