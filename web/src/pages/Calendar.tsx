import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { type Calendar, type CalendarDay, get } from '../api.ts';
import { Loading, localToday, ProblemMessage } from '../components.tsx';
import { type Key, useI18n } from '../i18n/index.tsx';

function shiftMonth(month: string, by: number): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + by;
  const date = new Date(Date.UTC(year, index, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 0 for Monday … 6 for Sunday. */
function weekdayIndex(iso: string): number {
  return (new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7;
}

function dayMarks(day: CalendarDay): Key[] {
  const marks: Key[] = [];
  if (day.today) marks.push('cal.today');
  if (day.loggedPeriod) marks.push('cal.logged');
  else if (day.predictedPeriod) marks.push('cal.predicted');
  if (day.ovulation) marks.push('cal.ovulation');
  else if (day.fertile) marks.push('cal.fertile');
  if (day.hasLog) marks.push('cal.has_log');
  return marks;
}

function className(day: CalendarDay): string {
  const names = ['day'];
  if (day.loggedPeriod) names.push('logged');
  else if (day.predictedPeriod) names.push('predicted');
  if (day.fertile) names.push('fertile');
  if (day.ovulation) names.push('ovulation');
  if (day.today) names.push('today');
  if (day.hasLog) names.push('has-log');
  return names.join(' ');
}

const VALID_MONTH = /^[0-9]{4}-(0[1-9]|1[0-2])$/;

export function CalendarPage({ month: asked }: { month?: string }) {
  const { t, date, monthYear } = useI18n();
  const [, navigate] = useLocation();
  const month = asked && VALID_MONTH.test(asked) ? asked : localToday().slice(0, 7);
  const calendar = useQuery({
    queryKey: ['calendar', month],
    queryFn: () => get<Calendar>(`/cycles/calendar?month=${month}`),
  });
  const monthName = monthYear(month);
  const days = calendar.data?.days ?? [];
  const lead = days[0] ? weekdayIndex(days[0].date) : 0;

  return (
    <>
      <h1 tabIndex={-1}>{t('cal.title')}</h1>
      <nav className="month-nav" aria-label={t('cal.title')}>
        <button
          type="button"
          onClick={() => navigate(`/calendar/${shiftMonth(month, -1)}`)}
          aria-label={t('cal.prev')}
        >
          ‹ <span className="visually-hidden">{t('cal.prev')}</span>
        </button>
        <h2 aria-live="polite">{monthName}</h2>
        <button
          type="button"
          onClick={() => navigate(`/calendar/${shiftMonth(month, 1)}`)}
          aria-label={t('cal.next')}
        >
          › <span className="visually-hidden">{t('cal.next')}</span>
        </button>
      </nav>
      {calendar.isPending && <Loading />}
      <ProblemMessage error={calendar.error} />
      {calendar.data && (
        <div className="calendar">
          <div className="weekdays" aria-hidden="true">
            {[1, 2, 3, 4, 5, 6, 7].map((n) => (
              <span key={n}>{t(`wd.${n}` as Key)}</span>
            ))}
          </div>
          <ol className="days" aria-label={monthName}>
            {days.map((day, index) => {
              const marks = dayMarks(day);
              const label = [date(day.date), ...marks.map((mark) => t(mark))].join(', ');
              return (
                <li
                  key={day.date}
                  className={index === 0 && lead > 0 ? `start-${lead + 1}` : undefined}
                  aria-current={day.today ? 'date' : undefined}
                >
                  <button
                    type="button"
                    className={className(day)}
                    aria-label={label}
                    title={t('cal.open_day')}
                    onClick={() => navigate(`/day/${day.date}`)}
                  >
                    {Number(day.date.slice(8, 10))}
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <p>
        <Link href="/period">{t('cycle.manage')}</Link>
      </p>
      <section aria-labelledby="legend-title" className="legend">
        <h2 id="legend-title">{t('cal.legend')}</h2>
        <ul className="legend-list">
          <li>
            <span className="swatch logged" aria-hidden="true" /> {t('cal.logged')}
          </li>
          <li>
            <span className="swatch predicted" aria-hidden="true" /> {t('cal.predicted')}
          </li>
          <li>
            <span className="swatch fertile" aria-hidden="true" /> {t('cal.fertile')}
          </li>
          <li>
            <span className="swatch ovulation" aria-hidden="true" /> {t('cal.ovulation')}
          </li>
          <li>
            <span className="swatch today" aria-hidden="true" /> {t('cal.today')}
          </li>
          <li>
            <span className="swatch has-log" aria-hidden="true" /> {t('cal.has_log')}
          </li>
        </ul>
      </section>
    </>
  );
}
