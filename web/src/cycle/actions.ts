import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { api, type DayLog, type Period } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { refreshCycleViews } from './hooks.ts';
import { offerUndo } from './undo.tsx';

/** What POST /cycles/periods needs to make the same period again (already confirmed once). */
function recreateBody(period: Period) {
  return {
    startDate: period.startDate,
    endDate: period.endDate,
    ...(period.flow ? { flow: period.flow } : {}),
    ...(period.notes ? { notes: period.notes } : {}),
    confirm: true,
  };
}

/** What PUT /cycles/days/:date needs to put the same log back. */
function dayBody(log: DayLog): Omit<DayLog, 'date'> {
  const { date: _date, ...body } = log;
  return body;
}

/**
 * The day's log shows in a form filled once from it: dropping the cached copy makes the page
 * fetch it again and draw the form afresh (empty after a delete, filled after an undo).
 */
async function reloadDay(queries: QueryClient, date: string): Promise<void> {
  await queries.resetQueries({ queryKey: ['day', date] });
  await refreshCycleViews(queries);
}

/** Delete and change her periods and day logs, each with "Undo" offered straight after. */
export function useCycleActions() {
  const { t, date } = useI18n();
  const queries = useQueryClient();
  const refresh = () => refreshCycleViews(queries);

  return {
    /** `path`: where she will be when the offer shows (the list, after deleting from the edit view). */
    async deletePeriod(period: Period, path?: string): Promise<void> {
      await api('DELETE', `/cycles/periods/${period.id}`);
      offerUndo(
        t('cycle.deleted_period', { start: date(period.startDate) }),
        async () => {
          await api<Period>('POST', '/cycles/periods', recreateBody(period));
          await refresh();
        },
        { focus: true, ...(path ? { path } : {}) },
      );
      void refresh();
    },

    /** After a change of dates is saved: undo puts the old dates back. */
    offerUndoChange(before: Period, after: Period, message?: string): void {
      offerUndo(
        message ??
          (after.endDate
            ? t('cycle.changed', { start: date(after.startDate), end: date(after.endDate) })
            : t('cycle.changed_open', { start: date(after.startDate) })),
        async () => {
          await api<Period>('PATCH', `/cycles/periods/${before.id}`, {
            startDate: before.startDate,
            endDate: before.endDate,
            confirm: true,
          });
          await refresh();
        },
        // The form is drawn afresh with the saved dates: its Save button is a new one.
        { focus: message === undefined },
      );
    },

    /** After "my period started": undo takes the new period away again. */
    offerUndoStart(period: Period, message: string): void {
      offerUndo(message, async () => {
        await api('DELETE', `/cycles/periods/${period.id}`);
        await refresh();
      });
    },

    async deleteDay(log: DayLog): Promise<void> {
      await api('DELETE', `/cycles/days/${log.date}`);
      offerUndo(
        t('cycle.deleted_day', { date: date(log.date) }),
        async () => {
          await api<DayLog>('PUT', `/cycles/days/${log.date}`, dayBody(log));
          await reloadDay(queries, log.date);
        },
        { focus: true },
      );
      await reloadDay(queries, log.date);
    },
  };
}
