import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api, FLOWS, type Period } from '../api.ts';
import {
  ConfirmBox,
  Loading,
  localToday,
  Notice,
  ProblemMessage,
  useConfirmingSubmit,
} from '../components.tsx';
import { useCycleActions } from '../cycle/actions.ts';
import { ConfirmDeletePeriod } from '../cycle/ConfirmDelete.tsx';
import {
  endNotLogged,
  usePeriods,
  useRefreshCycleViews,
  useSettling,
  useSingleFlight,
} from '../cycle/hooks.ts';
import { type Key, useI18n } from '../i18n/index.tsx';

type PeriodInput = { startDate?: string; endDate?: string | null; flow?: string; notes?: string };

export function PeriodPage() {
  const { t, date } = useI18n();
  const refresh = useRefreshCycleViews();
  const actions = useCycleActions();
  const periods = usePeriods();
  const [settling, settle] = useSettling();
  const [saved, setSaved] = useState<string | null>(null);
  // What to send: a new period (POST) or a change to one (PATCH).
  const pending = useRef<{ id?: string; body: PeriodInput }>({ body: {} });

  const save = useConfirmingSubmit(
    (confirm) => {
      const { id, body } = pending.current;
      const sent = confirm ? { ...body, confirm: true } : body;
      return id
        ? api<Period>('PATCH', `/cycles/periods/${id}`, sent)
        : api<Period>('POST', '/cycles/periods', sent);
    },
    (period) => {
      setSaved(
        period.endDate
          ? t('period.saved_end', { date: date(period.endDate) })
          : t('period.saved_start', { date: date(period.startDate) }),
      );
      settle();
      void refresh();
    },
  );
  const send = useSingleFlight(() => save.submit());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: PeriodInput = {};
    const value = (name: string) => {
      const entry = form.get(name);
      return typeof entry === 'string' ? entry.trim() : '';
    };
    if (value('startDate')) body.startDate = value('startDate');
    if (value('endDate')) body.endDate = value('endDate');
    if (value('flow')) body.flow = value('flow');
    if (value('notes')) body.notes = value('notes');
    if (save.pending) return;
    pending.current = { body };
    setSaved(null);
    void send();
  }

  function endToday(period: Period) {
    if (save.pending) return;
    pending.current = { id: period.id, body: { endDate: localToday() } };
    setSaved(null);
    void send();
  }

  const today = localToday();
  return (
    <>
      <h1 tabIndex={-1}>{t('period.title')}</h1>
      <form className="form" onSubmit={submit} aria-label={t('period.title')}>
        <div className="field">
          <label htmlFor="period-start">{t('period.start_label')}</label>
          <input id="period-start" name="startDate" type="date" max={today} defaultValue={today} required />
        </div>
        <div className="field">
          <label htmlFor="period-end">
            {t('period.end_label')} <span className="muted">{t('web.optional')}</span>
          </label>
          <input id="period-end" name="endDate" type="date" max={today} aria-describedby="period-end-hint" />
          <p id="period-end-hint" className="hint">
            {t('period.end_hint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="period-flow">{t('period.flow_label')}</label>
          <select id="period-flow" name="flow" defaultValue="">
            <option value="">{t('day.not_set')}</option>
            {FLOWS.filter((flow) => flow !== 'none').map((flow) => (
              <option key={flow} value={flow}>
                {t(`flow.${flow}` as Key)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="period-notes">{t('day.notes_label')}</label>
          <textarea id="period-notes" name="notes" rows={2} maxLength={1000} />
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
        {saved && <Notice>{saved}</Notice>}
        <button type="submit" className="primary" disabled={save.pending || settling}>
          {save.pending ? t('web.saving') : t('web.save')}
        </button>
      </form>
      <section aria-labelledby="periods-title">
        <h2 id="periods-title">{t('period.recent')}</h2>
        {periods.isPending && <Loading />}
        <ProblemMessage error={periods.error} />
        {periods.data && periods.data.periods.length === 0 && <p>{t('period.none_yet')}</p>}
        <ul className="period-list">
          {periods.data?.periods.slice(0, 12).map((period) => (
            <li key={period.id}>
              {date(period.startDate, { year: true })} –{' '}
              {period.endDate
                ? date(period.endDate)
                : endNotLogged(period)
                  ? t('cycle.end_not_logged')
                  : t('period.ongoing')}
              {period.flow ? ` · ${t(`flow.${period.flow}` as Key)}` : ''}
              <div className="row">
                <Link href={`/period/${period.id}`} className="button small">
                  {t('cycle.change')}
                </Link>
                {!period.endDate && (
                  <button
                    type="button"
                    className="small"
                    disabled={save.pending || settling}
                    onClick={() => endToday(period)}
                  >
                    {t('period.end_today')}
                  </button>
                )}
                <ConfirmDeletePeriod
                  small
                  period={period}
                  label={t('cycle.delete')}
                  onDelete={() => actions.deletePeriod(period)}
                />
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
