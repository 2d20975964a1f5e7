import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';
import { useVisitTime } from '../visits/names.ts';
import type { ChildDay, ChildView, Scope } from './types.ts';
import './care.css';

/** How many of her latest periods and days a parent's page lists. */
const SHOWN = 6;

function Part({ scope, view, children }: { scope: Scope; view: ChildView; children: ReactNode }) {
  const { t } = useI18n();
  const title = `part-${scope}`;
  return (
    <section className="card" aria-labelledby={title} data-part={scope}>
      <h2 id={title}>{t(`care.her_scope.${scope}` as Key)}</h2>
      {view[scope] === undefined ? (
        <p className="not-shared" data-not-shared="">
          {t('care.not_shared')}
        </p>
      ) : (
        children
      )}
    </section>
  );
}

function Prediction({ view }: { view: ChildView }) {
  const { t, tn, date } = useI18n();
  const prediction = view.prediction;
  if (!prediction?.nextPeriod) return <p>{t('care.no_prediction')}</p>;
  const { nextPeriod, phase } = prediction;
  return (
    <>
      {phase?.name === 'late' && phase.lateByDays !== undefined ? (
        <p className="big">{tn('care.late', phase.lateByDays)}</p>
      ) : (
        <p data-next-period={nextPeriod.start}>
          {t('care.next', {
            date: date(nextPeriod.start),
            earliest: date(nextPeriod.earliest),
            latest: date(nextPeriod.latest),
          })}
        </p>
      )}
      {phase && phase.name !== 'late' && (
        <p>{t('care.phase_today', { phase: t(`phase.${phase.name}` as Key), day: phase.cycleDay })}</p>
      )}
    </>
  );
}

function Periods({ view }: { view: ChildView }) {
  const { t, date } = useI18n();
  const periods = view.periods ?? [];
  if (periods.length === 0) return <p>{t('care.no_periods')}</p>;
  return (
    <ul className="list">
      {periods.slice(0, SHOWN).map((period) => (
        <li key={period.startDate}>
          {period.endDate
            ? t('care.period_range', {
                start: date(period.startDate, { year: true }),
                end: date(period.endDate, { year: true }),
              })
            : t('care.period_from', { start: date(period.startDate, { year: true }) })}
        </li>
      ))}
    </ul>
  );
}

function dayText(day: ChildDay, t: (key: Key, params?: Record<string, string | number>) => string) {
  const parts: string[] = [];
  if (day.flow) parts.push(t(`flow.${day.flow}` as Key));
  for (const symptom of day.symptoms ?? []) parts.push(t(`symptom.${symptom}` as Key));
  if (day.mood) parts.push(t(`mood.${day.mood}` as Key));
  if (day.pain !== undefined) parts.push(t('care.pain', { pain: day.pain }));
  return parts.join(', ');
}

function Days({ view }: { view: ChildView }) {
  const { t, date } = useI18n();
  const days = view.symptoms ?? [];
  if (days.length === 0) return <p>{t('care.no_days')}</p>;
  return (
    <ul className="list">
      {days.slice(0, SHOWN).map((day) => (
        <li key={day.date}>
          <strong>{date(day.date)}</strong>: {dayText(day, t)}
        </li>
      ))}
    </ul>
  );
}

function Flags({ view }: { view: ChildView }) {
  const { t } = useI18n();
  const flags = view.flags ?? [];
  if (flags.length === 0) return <p>{t('care.flags_none')}</p>;
  return (
    <>
      <ul className="list">
        {flags.map((flag) => (
          <li key={flag.code}>{t(`flag.${flag.code}` as Key)}</li>
        ))}
      </ul>
      <p className="hint">{t('care.flags_hint')}</p>
    </>
  );
}

function Appointments({ view }: { view: ChildView }) {
  const { t } = useI18n();
  const visitTime = useVisitTime();
  const appointments = view.appointments ?? [];
  if (appointments.length === 0) return <p>{t('care.no_appointments')}</p>;
  return (
    <ul className="list">
      {appointments.map((visit) => (
        <li key={visit.id}>
          {/* The facility's clock, as she and the health worker see the visit. */}
          <strong>{visitTime(visit.start, visit.provider.timeZone)}</strong>:{' '}
          {t('visit.with', { provider: visit.provider.displayName, facility: visit.provider.facility })} —{' '}
          {t(`visit.status.${visit.status}` as Key)}
        </li>
      ))}
    </ul>
  );
}

/** /children/:id — a parent sees one daughter: each part she shares, or that she does not share it. */
export function ChildPage({ id }: { id: string }) {
  const { t } = useI18n();
  const view = useQuery({
    queryKey: ['care-child', id],
    queryFn: () => get<ChildView>(`/care/children/${encodeURIComponent(id)}`),
    // Her choice holds on the very next request: never show a page from before it.
    staleTime: 0,
    gcTime: 0,
  });
  const data = view.data;
  return (
    <>
      <h1 tabIndex={-1}>{data ? t('care.child_title', { name: data.name }) : t('care.children_title')}</h1>
      {view.isPending && <Loading />}
      <ProblemMessage error={view.error} />
      {data && (
        <>
          <p>{t('care.child_intro')}</p>
          <Part scope="prediction" view={data}>
            <Prediction view={data} />
          </Part>
          <Part scope="periods" view={data}>
            <Periods view={data} />
          </Part>
          <Part scope="symptoms" view={data}>
            <Days view={data} />
          </Part>
          <Part scope="flags" view={data}>
            <Flags view={data} />
          </Part>
          <Part scope="appointments" view={data}>
            <Appointments view={data} />
          </Part>
        </>
      )}
      <p>
        <Link href="/home">{t('care.child_back')}</Link>
      </p>
    </>
  );
}
