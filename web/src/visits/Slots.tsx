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
