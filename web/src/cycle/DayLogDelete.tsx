import { useQuery } from '@tanstack/react-query';
import { type DayLog, get } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useCycleActions } from './actions.ts';
import { ConfirmDelete } from './ConfirmDelete.tsx';

/** "Delete what I logged for this day", shown only when there is a log; undo puts it back. */
export function DayLogDelete({ date }: { date: string }) {
  const { t, date: format } = useI18n();
  const actions = useCycleActions();
  // The same query (and cache entry) as the day's form.
  const day = useQuery({
    queryKey: ['day', date],
    queryFn: () => get<{ days: DayLog[] }>(`/cycles/days?from=${date}&to=${date}`),
  });
  const log = day.data?.days[0];
  if (!log) return null;
  return (
    <div className="day-log-delete">
      <ConfirmDelete
        label={t('cycle.delete_day')}
        question={t('cycle.delete_day_ask', { date: format(date) })}
        onDelete={() => actions.deleteDay(log)}
      />
    </div>
  );
}
