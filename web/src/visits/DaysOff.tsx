import { useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { dayIn } from './time.ts';

/**
 * Days the health worker sees nobody (holidays, training): a list, and a date to add, from today
 * at his facility (`timeZone`, his profile's) on.
 */
export function DaysOff({
  days,
  onChange,
  timeZone,
}: {
  days: string[];
  onChange: (next: string[]) => void;
  timeZone: string;
}) {
  const { t, date } = useI18n();
  const [adding, setAdding] = useState('');
  return (
    <fieldset>
      <legend>{t('provider.days_off')}</legend>
      {days.length === 0 && <p className="muted">{t('provider.days_off_none')}</p>}
      <ul className="list">
        {[...days].sort().map((day) => (
          <li key={day}>
            {date(day, { year: true })}{' '}
            <button
              type="button"
              className="small"
              onClick={() => onChange(days.filter((d) => d !== day))}
              aria-label={t('provider.remove_day_off', { date: date(day, { year: true }) })}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <div className="hours-range">
        <div className="field">
          <label htmlFor="day-off">{t('provider.day_off')}</label>
          <input
            id="day-off"
            type="date"
            min={dayIn(new Date().toISOString(), timeZone)}
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          />
        </div>
        <button
          type="button"
          disabled={!adding}
          onClick={() => {
            if (adding && !days.includes(adding)) onChange([...days, adding]);
            setAdding('');
          }}
        >
          {t('provider.add_day_off')}
        </button>
      </div>
    </fieldset>
  );
}
