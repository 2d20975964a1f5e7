import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'wouter';
import { AskFirst } from '../AskFirst.tsx';
import { api, get } from '../api.ts';
import { Notice, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { ChangesClosed } from './ChangesClosed.tsx';
import { useNameOf } from './names.ts';
import { clockTime, isChangeable } from './time.ts';
import type { Appointment, CycleSummary } from './types.ts';

function Summary({ summary }: { summary: CycleSummary | null | undefined }) {
  const { t, tn, date } = useI18n();
  return (
    <div className="visit-note">
      <p>
        <strong>{t('provider.summary_title')}</strong>
      </p>
      {!summary || (summary.averageCycleLength === null && summary.lastPeriodStart === null) ? (
        <p>{t('provider.summary_none')}</p>
      ) : (
        <ul className="list">
          {summary.averageCycleLength !== null && (
            <li>{tn('provider.summary_avg', summary.averageCycleLength)}</li>
          )}
          {summary.lastPeriodStart && (
            <li>{t('provider.summary_last', { date: date(summary.lastPeriodStart) })}</li>
          )}
          {summary.nextPeriod && (
            <li>
              {t('provider.summary_next', {
                earliest: date(summary.nextPeriod.earliest),
                latest: date(summary.nextPeriod.latest),
              })}
            </li>
          )}
          {summary.flags.length > 0 && (
            <li>
              {t('provider.summary_flags', {
                list: summary.flags.map((flag) => t(`flag.${flag}` as Key)).join(', '),
              })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

/** The visit note: she reads it; sealed under her key on the server. */
function NoteForm({ visit, onSaved }: { visit: Appointment; onSaved: () => Promise<unknown> }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const id = `note-${visit.id}`;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = String(new FormData(event.currentTarget).get('text') ?? '').trim();
    setError(null);
    setSaved(false);
    try {
      await api('PUT', `/appointments/${visit.id}/note`, { text });
      setSaved(true);
      await onSaved();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <form className="form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={id}>{t('provider.note')}</label>
        <textarea
          id={id}
          name="text"
          rows={3}
          maxLength={2000}
          defaultValue={visit.visitNote ?? ''}
          aria-describedby={`${id}-hint`}
          required
        />
        <p id={`${id}-hint`} className="hint">
          {t('provider.note_hint')}
        </p>
      </div>
      <ProblemMessage error={error} />
      {saved && <Notice>{t('web.saved')}</Notice>}
      <button type="submit">{t('provider.note_save')}</button>
    </form>
  );
}

/** One visit of the day with what the health worker can do next. */
export function DayVisit({ visit, timeZone }: { visit: Appointment; timeZone: string }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const queries = useQueryClient();
  const [declining, setDeclining] = useState(false);
  const [detail, setDetail] = useState<Appointment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = detail ?? visit;
  const time = clockTime(visit.start, timeZone);
  const name = shown.patient?.firstName ?? '';
  const refresh = () => queries.invalidateQueries({ queryKey: ['provider-day'] });

  async function act(run: () => Promise<unknown>) {
    setPending(true);
    setError(null);
    try {
      await run();
      await refresh();
      setDeclining(false);
      // The buttons she used may be gone with the old status: the visit's heading keeps her place.
      heading.current?.focus();
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }
  const post = (action: string, body?: unknown) =>
    act(() => api('POST', `/appointments/${visit.id}/${action}`, body));
  async function decline(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim();
    await post('decline', { reason });
  }
  async function open() {
    await act(async () => setDetail(await get<Appointment>(`/appointments/${visit.id}`)));
  }

  return (
    <li className="card visit" data-appointment={visit.id} data-status={visit.status}>
      <h2 tabIndex={-1} ref={heading}>
        {time} · {name}
      </h2>
      <p className={`status status-${visit.status}`}>{nameOf('visit.status.', visit.status)}</p>
      <p>{t('provider.reason', { reason: nameOf('visit.reason_', shown.reason.code) })}</p>
      {shown.reason.words && <p>{t('provider.words', { words: shown.reason.words })}</p>}
      {detail?.shareSummary && <Summary summary={detail.summary} />}
      <div className="row">
        {!detail && (
          <button type="button" onClick={() => void open()} disabled={pending}>
            {t('provider.open')}
          </button>
        )}
        {visit.status === 'requested' && (
          <>
            <button type="button" className="primary" disabled={pending} onClick={() => void post('confirm')}>
              {t('provider.confirm')}
            </button>
            <button type="button" disabled={pending} onClick={() => setDeclining(!declining)}>
              {t('provider.decline')}
            </button>
          </>
        )}
        {visit.status === 'confirmed' && Date.parse(visit.start) <= Date.now() && (
          <>
            <button
              type="button"
              className="primary"
              disabled={pending}
              onClick={() => void post('complete')}
            >
              {t('provider.complete')}
            </button>
            <button type="button" disabled={pending} onClick={() => void post('no-show')}>
              {t('provider.no_show')}
            </button>
          </>
        )}
      </div>
      {declining && (
        <form className="form" onSubmit={(event) => void decline(event)}>
          <div className="field">
            <label htmlFor={`decline-${visit.id}`}>{t('provider.decline_reason')}</label>
            <textarea id={`decline-${visit.id}`} name="reason" rows={2} maxLength={500} required />
          </div>
          <button type="submit" className="danger" disabled={pending}>
            {t('provider.decline_send')}
          </button>
        </form>
      )}
      {isChangeable(visit) && (
        <p>
          <Link href={`/appointments/${visit.id}/move`}>{t('visit.move')}</Link>
        </p>
      )}
      {isChangeable(visit) ? (
        <AskFirst
          small
          label={t('provider.cancel')}
          question={t('provider.cancel_ask', { name, time })}
          yes={t('visit.cancel_yes')}
          no={t('visit.keep')}
          onYes={async () => {
            await api('POST', `/appointments/${visit.id}/cancel`, {});
            await refresh();
            heading.current?.focus();
          }}
        />
      ) : (
        <ChangesClosed visit={visit} />
      )}
      <ProblemMessage error={error} />
      {['confirmed', 'completed', 'no_show'].includes(visit.status) && (
        <NoteForm visit={shown} onSaved={refresh} />
      )}
    </li>
  );
}
