/** The cycle engine's public surface: pure functions, same answer for the same history on every channel. */
export { buildCalendar } from './calendar.ts';
export { deriveCycles } from './cycles.ts';
export { addDays, compareDates, daysBetween, isIsoDate } from './dates.ts';
export { detectOvulations } from './ovulation.ts';
export { predictCycle } from './predict.ts';
export type * from './types.ts';
