import { type FormEvent, useRef } from 'react';
import { Link, useLocation } from 'wouter';
import { api, type Period } from '../api.ts';
import { ConfirmBox, Loading, localToday, ProblemMessage, useConfirmingSubmit } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useCycleActions } from './actions.ts';
import { ConfirmDeletePeriod } from './ConfirmDelete.tsx';
import { endNotLogged, usePeriods, useRefreshCycleViews, useSingleFlight } from './hooks.ts';

type Dates = { startDate: string; endDate: string | null };

function EditForm({ period }: { period: Period }) {
  const { t, date } = useI18n();
  const [, navigate] = useLocation();
  const actions = useCycleActions();
  const refresh = useRefreshCycleViews();
  const wanted = useRef<Dates>({ startDate: period.startDate, endDate: period.endDate });
  const before = useRef(period);

  const save = useConfirmingSubmit(
    (confirm) =>
      api<Period>('PATCH', `/cycles/periods/${period.id}`, {
        ...wanted.current,
        ...(confirm ? { confirm: true } : {}),
      }),
    (saved) => {
      actions.offerUndoChange(before.current, saved);
      void refresh();
    },
  );
  const submit = useSingleFlight(() => save.submit());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    before.current = period;
    wanted.current = { startDate: value('startDate'), endDate: value('endDate') || null };
    void submit();
  }

  const today = localToday();
  return (
    <>
      <p>
        {period.endDate
          ? t('cycle.edit_intro', { start: date(period.startDate), end: date(period.endDate) })
          : t(endNotLogged(period) ? 'cycle.edit_intro_no_end' : 'cycle.edit_intro_open', {
              start: date(period.startDate),
            })}
      </p>
      <form className="form" onSubmit={onSubmit} aria-labelledby="period-edit-title">
        <div className="field">
          <label htmlFor="edit-start">{t('period.start_label')}</label>
          <input
            id="edit-start"
            name="startDate"
            type="date"
            max={today}
            defaultValue={period.startDate}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="edit-end">
            {t('period.end_label')} <span className="muted">{t('web.optional')}</span>
          </label>
          <input
            id="edit-end"
            name="endDate"
            type="date"
            max={today}
            defaultValue={period.endDate ?? ''}
            aria-describedby="edit-end-hint"
          />
          <p id="edit-end-hint" className="hint">
            {t('period.end_hint')}
          </p>
        </div>
        {save.needsConfirm && (
          <ConfirmBox
            detail={save.needsConfirm}
            onConfirm={() => void save.confirm()}
            onCancel={save.cancel}
            pending={save.pending}
          />
        )}
        <ProblemMessage error={save.error} />
        <button type="submit" className="primary" disabled={save.pending}>
          {save.pending ? t('web.saving') : t('web.save')}
        </button>
      </form>
      <ConfirmDeletePeriod
        period={period}
        label={t('cycle.delete_period')}
        onDelete={async () => {
          await actions.deletePeriod(period, '/period');
          navigate('/period');
        }}
      />
    </>
  );
}

/** One period: change its dates, or delete it (with undo either way). */
export function PeriodEditPage({ id }: { id: string }) {
  const { t } = useI18n();
  const periods = usePeriods();
  const period = periods.data?.periods.find((p) => p.id === id);
  return (
    <>
      <h1 id="period-edit-title" tabIndex={-1}>
        {t('cycle.edit_title')}
      </h1>
      {periods.isPending && <Loading />}
      <ProblemMessage error={periods.error} />
      {periods.data && !period && <p>{t('cycle.not_found')}</p>}
      {/* A new key after a save or an undo: the inputs show the dates as they are now. */}
      {period && <EditForm key={`${period.startDate}:${period.endDate}`} period={period} />}
      <p>
        <Link href="/period">{t('cycle.back')}</Link>
      </p>
    </>
  );
}
