import { useState } from 'react';
import { ApiError } from '../api.ts';
import { ProblemMessage } from '../components.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useDayName } from './names.ts';
import { byDay, clockTime, phoneTimeZone } from './time.ts';
import type { SlotList } from './types.ts';

/**
 * Free times, one day at a time: a day menu, then that day's times as radio buttons (a phone
 * screen holds a day; two weeks of times would be a long scroll).
 */
export function SlotPicker({
  list,
  day,
  onDay,
  chosen,
  onChoose,
}: {
  list: SlotList;
  day: string;
  onDay: (day: string) => void;
  chosen: string;
  onChoose: (start: string) => void;
}) {
  const { t } = useI18n();
  const dayName = useDayName();
  const days = byDay(list.slots, list.timeZone);
  const shownDay = days.find(([d]) => d === day) ?? days[0];
  if (!shownDay) return <p>{t('visit.no_slots')}</p>;
  return (
    <>
      {list.timeZone !== phoneTimeZone() && (
        <p className="hint">{t('visit.zone', { zone: list.timeZone })}</p>
      )}
      <div className="field">
        <label htmlFor="slot-day">{t('provider.day_label')}</label>
        <select id="slot-day" value={shownDay[0]} onChange={(event) => onDay(event.target.value)}>
          {days.map(([d]) => (
            <option key={d} value={d}>
              {dayName(d)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('visit.free_times')}</legend>
        <div className="slots">
          {shownDay[1].map((slot) => (
            <label key={slot.start} className="slot">
              <input
                type="radio"
                name="slot"
                value={slot.start}
                checked={chosen === slot.start}
                onChange={() => onChoose(slot.start)}
              />
              <span>{clockTime(slot.start, list.timeZone)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

/** Another person took the time, or it closed: the times on screen were out of date. */
const STALE_TIME_CODES = new Set(['slot_taken', 'slot_unavailable']);

/**
 * Choosing a free time to book or move a visit to: the day shown and the time chosen (another
 * day shown, nothing chosen), the time read from the form as checked on screen, and a refusal
 * because the times were stale clearing the choice and reading the times again.
 */
export function useSlotChoice(refetch: () => Promise<unknown>) {
  const [day, setDay] = useState('');
  const [chosen, setChosen] = useState('');
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return {
    picker: {
      day,
      onDay: (next: string) => {
        setDay(next);
        setChosen('');
      },
      chosen,
      onChoose: setChosen,
    },
    /** The time checked on screen, not only the one remembered ('' when none: she is told). */
    startOf(form: FormData): string {
      const start = String(form.get('slot') ?? '');
      setMissing(!start);
      setError(null);
      return start;
    },
    async failed(caught: unknown): Promise<void> {
      setError(caught);
      if (caught instanceof ApiError && STALE_TIME_CODES.has(caught.code)) {
        setChosen('');
        await refetch();
      }
    },
    missing,
    error,
  };
}

/** No time chosen, or the answer to sending one (a taken time said in her words). */
export function SlotProblems({ missing, error }: { missing: boolean; error: unknown }) {
  const { t } = useI18n();
  const taken = error instanceof ApiError && error.code === 'slot_taken';
  return (
    <>
      {missing && (
        <p className="problem" role="alert">
          {t('visit.pick_time')}
        </p>
      )}
      <ProblemMessage error={error} message={taken ? t('visit.taken') : undefined} />
    </>
  );
}
