import { useI18n } from '../i18n/index.tsx';
import { cutoffMinutes, isChangeable } from './time.ts';
import type { Appointment } from './types.ts';

/**
 * Why a coming visit offers no Cancel: changes close some hours before it starts (the API's
 * changeableUntil). Nothing for a visit still changeable, closed (cancelled, done…) or begun.
 * `her`: she (or her parent) is also told whom to call.
 */
export function ChangesClosed({ visit, her = false }: { visit: Appointment; her?: boolean }) {
  const { t, tn } = useI18n();
  const minutes = cutoffMinutes(visit);
  const now = Date.now();
  if (minutes === null || isChangeable(visit, now) || Date.parse(visit.start) <= now) return null;
  const closes =
    minutes % 60 === 0
      ? tn('visit.changes_closed_hours', minutes / 60)
      : tn('visit.changes_closed_minutes', minutes);
  return (
    <p className="hint" data-changes-closed="">
      {closes}
      {her && ` ${t('visit.call_facility')}`}
    </p>
  );
}
