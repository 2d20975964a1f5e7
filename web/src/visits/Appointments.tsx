import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { AskFirst } from '../AskFirst.tsx';
import { api, get } from '../api.ts';
import { Loading, Notice, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ChangesClosed } from './ChangesClosed.tsx';
import { useNameOf, useVisitTime } from './names.ts';
import { isChangeable, phoneTimeZone } from './time.ts';
import type { Appointment } from './types.ts';
import './visits.css';

const LIVE = new Set(['requested', 'confirmed']);

/** One of her visits: when, with whom, its status, the reason, and what the health worker wrote. */
function Visit({ visit, onCancelled }: { visit: Appointment; onCancelled: () => void }) {
  const { t } = useI18n();
  const nameOf = useNameOf();
  const visitTime = useVisitTime();
  const queries = useQueryClient();
  // The facility's clock, as booking showed it: the same time on her phone and at the desk.
  const timeZone = visit.provider?.timeZone ?? phoneTimeZone();
  const when = visitTime(visit.start, timeZone);
  return (
    <li className="card visit" data-appointment={visit.id} data-status={visit.status}>
      <h3>{when}</h3>
      {timeZone !== phoneTimeZone() && <p className="hint">{t('visit.zone', { zone: timeZone })}</p>}
      {visit.provider && (
        <p>{t('visit.with', { provider: visit.provider.displayName, facility: visit.provider.facility })}</p>
      )}
      <p className={`status status-${visit.status}`}>{nameOf('visit.status.', visit.status)}</p>
      <p>{t('visit.reason_is', { reason: nameOf('visit.reason_', visit.reason.code) })}</p>
      {visit.reason.words && <p className="hint">{t('visit.your_words', { words: visit.reason.words })}</p>}
      {visit.shareSummary && <p className="hint">{t('visit.summary_shared')}</p>}
      {visit.declineReason && <p>{t('visit.declined_why', { reason: visit.declineReason })}</p>}
      {visit.visitNote && (
        <div className="visit-note">
          <p>
            <strong>{t('visit.note')}</strong>
          </p>
          <p>{visit.visitNote}</p>
        </div>
      )}
      {isChangeable(visit) && (
        <p>
          <Link href={`/appointments/${visit.id}/move`}>{t('visit.move')}</Link>
        </p>
      )}
      {isChangeable(visit) ? (
        <AskFirst
          label={t('visit.cancel')}
          question={t('visit.cancel_ask', { when })}
          yes={t('visit.cancel_yes')}
          no={t('visit.keep')}
          onYes={async () => {
            await api('POST', `/appointments/${visit.id}/cancel`, {});
            onCancelled();
            await queries.invalidateQueries({ queryKey: ['appointments'] });
          }}
        />
      ) : (
        <ChangesClosed visit={visit} her />
      )}
    </li>
  );
}

/** /appointments — her visits, coming ones first; she cancels up to the cut-off. */
export function AppointmentsPage() {
  const { t } = useI18n();
  const visits = useQuery({
    queryKey: ['appointments'],
    queryFn: () => get<{ appointments: Appointment[] }>('/appointments'),
    staleTime: 0,
  });
  // A cancelled visit moves to "Earlier": focus goes to this line, not to the page's body.
  const [notice, setNotice] = useState(0);
  const all = visits.data?.appointments ?? [];
  const now = Date.now();
  const upcoming = all
    .filter((v) => Date.parse(v.end) >= now && LIVE.has(v.status))
    .sort((a, b) => a.start.localeCompare(b.start));
  const earlier = all.filter((v) => !upcoming.includes(v)).sort((a, b) => b.start.localeCompare(a.start));
  const item = (visit: Appointment) => (
    <Visit key={visit.id} visit={visit} onCancelled={() => setNotice((n) => n + 1)} />
  );
  return (
    <>
      <h1 tabIndex={-1}>{t('visit.mine_title')}</h1>
      {visits.isPending && <Loading />}
      <ProblemMessage error={visits.error} />
      {notice > 0 && (
        <Notice key={notice} takeFocus>
          {t('visit.cancelled')}
        </Notice>
      )}
      {visits.data && all.length === 0 && <p>{t('visit.mine_none')}</p>}
      {upcoming.length > 0 && (
        <section aria-labelledby="visits-upcoming">
          <h2 id="visits-upcoming">{t('visit.upcoming')}</h2>
          <ul className="visit-list">{upcoming.map(item)}</ul>
        </section>
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="visits-earlier">
          <h2 id="visits-earlier">{t('visit.past')}</h2>
          <ul className="visit-list">{earlier.map(item)}</ul>
        </section>
      )}
      <p>
        <Link href="/providers" className="button">
          {t('visit.book_link')}
        </Link>
      </p>
    </>
  );
}
