import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { type DayLog, get } from '../api.ts';
import { Loading, ProblemMessage } from '../components.tsx';
import { DayLogDelete } from '../cycle/DayLogDelete.tsx';
import { QuickLog } from '../daylog/QuickLog.tsx';
import { useI18n } from '../i18n/index.tsx';
import { DayPeriod } from './DayPeriod.tsx';

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** One day: whether it is part of a period, and how it went, logged with a few taps. */
export function DayLogPage({ date }: { date: string }) {
  const { t, date: format } = useI18n();
  const valid = ISO_DATE.test(date);
  const day = useQuery({
    queryKey: ['day', date],
    queryFn: () => get<{ days: DayLog[] }>(`/cycles/days?from=${date}&to=${date}`),
    enabled: valid,
  });
  return (
    <>
      <h1 id="day-title" tabIndex={-1}>
        {t('day.title', { date: valid ? format(date, { year: true }) : date })}
      </h1>
      <p>
        <Link href={`/calendar/${date.slice(0, 7)}`}>{t('web.nav.calendar')}</Link>
      </p>
      {day.isPending && valid && <Loading />}
      <ProblemMessage error={day.error} />
      {valid && <DayPeriod date={date} />}
      {day.data && <QuickLog key={date} date={date} existing={day.data.days[0]} />}
      {valid && <DayLogDelete date={date} />}
    </>
  );
}
