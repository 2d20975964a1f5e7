import { type FormEvent, useRef } from 'react';
import { api, type Period } from '../api.ts';
import { ConfirmBox, ProblemMessage, useConfirmingSubmit } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useCycleActions } from './actions.ts';
import { openPeriod, usePeriods, useRefreshCycleViews, useSettling, useSingleFlight } from './hooks.ts';
import './cycle.css';

/**
 * Her home page's one big button: "My period started today", or, while a period is open, "My
 * period ended today" (with "it ended on another day" beside it). It is one button that changes its
 * words, so keyboard focus stays on it; it is disabled while a request is on its way and for a
 * moment after, so a double tap saves once and never ends the period it has just started.
 */
export function MainAction({ today }: { today: string }) {
  const { t, date } = useI18n();
  const periods = usePeriods();
  const refresh = useRefreshCycleViews();
  const actions = useCycleActions();
  const [settling, settle] = useSettling();
  const open = openPeriod(periods.data?.periods);
  const endDate = useRef(today);

  // A repeat of the same start (a second tap that got through) is answered 200 with the period
  // already saved: it is saved, like the first.
  const started = useConfirmingSubmit(
    (confirm) => api<Period>('POST', '/cycles/periods', confirm ? { confirm: true } : {}),
    (period) => {
      settle();
      actions.offerUndoStart(period, t('home.started_saved'));
      void refresh();
    },
  );
  const ended = useConfirmingSubmit(
    (confirm) =>
      api<Period>('PATCH', `/cycles/periods/${open?.id ?? ''}`, {
        endDate: endDate.current,
        ...(confirm ? { confirm: true } : {}),
      }),
    (period) => {
      settle();
      if (open)
        actions.offerUndoChange(
          open,
          period,
          t('period.saved_end', { date: date(period.endDate ?? endDate.current) }),
        );
      void refresh();
    },
  );
  const start = useSingleFlight(() => started.submit());
  const end = useSingleFlight((day: string) => {
    endDate.current = day;
    return ended.submit();
  });
  const busy = started.pending || ended.pending || settling || periods.isPending;
  const asking = started.needsConfirm ? started : ended.needsConfirm ? ended : null;

  function endOnDay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const day = String(new FormData(event.currentTarget).get('endDate') ?? '');
    if (day) void end(day);
  }

  return (
    <div className="main-action">
      {open && <p>{t('cycle.open_since', { date: date(open.startDate) })}</p>}
      <button
        type="button"
        className="primary big-button"
        disabled={busy}
        onClick={() => void (open ? end(today) : start())}
      >
        {open ? t('cycle.ended_today') : t('home.started_today')}
      </button>
      {open && (
        <details>
          <summary>{t('cycle.ended_other_day')}</summary>
          <form onSubmit={endOnDay} aria-label={t('cycle.ended_other_day')}>
            <label htmlFor="home-end-date">{t('period.end_label')}</label>
            <input
              id="home-end-date"
              name="endDate"
              type="date"
              min={open.startDate}
              max={today}
              defaultValue={today}
              required
            />
            <button type="submit" disabled={busy}>
              {t('web.save')}
            </button>
          </form>
        </details>
      )}
      {asking?.needsConfirm && (
        <ConfirmBox
          detail={asking.needsConfirm}
          onConfirm={() => void asking.confirm()}
          onCancel={asking.cancel}
          pending={asking.pending}
        />
      )}
      <ProblemMessage error={started.error ?? ended.error} />
    </div>
  );
}
