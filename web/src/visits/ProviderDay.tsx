import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { get } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { DayVisit } from './DayVisit.tsx';
import { ProviderStatusCard, useOwnProfile } from './ProviderStatus.tsx';
import { dayIn, phoneTimeZone } from './time.ts';
import type { Appointment } from './types.ts';
import './visits.css';

function shift(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** /provider — the health worker's day: each visit, with confirm, decline, done, missed and a note. */
export function ProviderDayPage() {
  const { t } = useI18n();
  const profile = useOwnProfile();
  const timeZone = profile.data?.timeZone ?? phoneTimeZone();
  // The API reads from/to as his own dates: "today" is today at his facility, not on this phone.
  const [picked, setDay] = useState<string | null>(null);
  const day = picked ?? dayIn(new Date().toISOString(), timeZone);
  const verified = profile.data?.status === 'verified';
  const visits = useQuery({
    queryKey: ['provider-day', day],
    queryFn: () => get<{ appointments: Appointment[] }>(`/appointments?from=${day}&to=${day}`),
    enabled: verified,
    staleTime: 0,
  });
  const list = [...(visits.data?.appointments ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <>
      <h1 tabIndex={-1}>{t('provider.day_title')}</h1>
      {profile.isPending && <Loading />}
      <ProblemMessage error={profile.error} />
      <ProviderStatusCard profile={profile.data} />
      {verified && (
        <>
          <div className="day-nav">
            <button type="button" onClick={() => setDay(shift(day, -1))}>
              {t('provider.prev_day')}
            </button>
            <div className="field">
              <label htmlFor="provider-day">{t('provider.day_label')}</label>
              <input
                id="provider-day"
                type="date"
                value={day}
                onChange={(event) => event.target.value && setDay(event.target.value)}
              />
            </div>
            <button type="button" onClick={() => setDay(shift(day, 1))}>
              {t('provider.next_day')}
            </button>
          </div>
          {visits.isPending && <Loading />}
          <ProblemMessage error={visits.error} />
          {visits.data && list.length === 0 && <p>{t('provider.day_none')}</p>}
          <ul className="visit-list">
            {list.map((visit) => (
              <DayVisit key={visit.id} visit={visit} timeZone={timeZone} />
            ))}
          </ul>
        </>
      )}
      <p className="row">
        <Link href="/provider/availability">{t('provider.nav.hours')}</Link>
        <Link href="/provider/profile">{t('provider.nav.profile')}</Link>
      </p>
    </>
  );
}
