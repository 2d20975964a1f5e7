import { daysOfMonth, fromDayNumber } from './dates.ts';
import { viewDay } from './day-view.ts';
import { buildModel } from './model.ts';
import type { CalendarDay, EngineInput } from './types.ts';

/**
 * A month view ('YYYY-MM'): every day once, each with exactly one phase (null before her first
 * logged period). Past cycles show what she logged and the estimated fertile days; future days
 * show projected cycles of her typical length — unless she is late, when every day after the
 * predicted start stays 'late' and nothing further is predicted (see day-view.ts).
 */
export function buildCalendar(input: EngineInput, month: string): CalendarDay[] {
  const model = buildModel(input);
  return daysOfMonth(month).map((day) => {
    const view = viewDay(model, day);
    return {
      date: fromDayNumber(day),
      phase: view.phase,
      loggedPeriod: view.loggedPeriod,
      predictedPeriod: view.predictedPeriod,
      fertile: view.fertile,
      ovulation: view.ovulation,
      today: day === model.today,
    };
  });
}
