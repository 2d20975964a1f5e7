import { hasMessage, type Key, useI18n } from '../i18n/index.tsx';
import { clockTime, dayIn } from './time.ts';

/**
 * A code from the API named in her language (prefix `visit.service.` → `visit.service.nutrition`), or the code itself when
 * a newer server sends one the catalogue does not know yet: never a catalogue key on screen.
 */
export function useNameOf(): (prefix: string, code: string) => string {
  const { language, t } = useI18n();
  return (prefix, code) => {
    const key = `${prefix}${code}`;
    return hasMessage(language, key) ? t(key as Key) : code.replace(/_/g, ' ');
  };
}

/** "Monday 8 December": a day in her language, with its weekday. */
export function useDayName(): (iso: string) => string {
  const { t, date } = useI18n();
  return (iso) => {
    const day = new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
    return `${t(`provider.weekday.${day}` as Key)} ${date(iso)}`;
  };
}

/** "Monday 8 December 09:30": a visit's start as the clock at the health facility shows it. */
export function useVisitTime(): (instant: string, timeZone: string) => string {
  const dayName = useDayName();
  return (instant, timeZone) => `${dayName(dayIn(instant, timeZone))} ${clockTime(instant, timeZone)}`;
}
