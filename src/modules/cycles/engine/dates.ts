import type { IsoDate } from './types.ts';

/**
 * Calendar arithmetic on whole days. Dates are her local calendar dates, so we never go through
 * local time: a date is turned into a day number (days since 1970-01-01, computed in UTC) and back.
 * That keeps every difference an exact integer, whatever the time zone or daylight-saving rules.
 * The app's one home for calendar-day arithmetic: appointment ranges and slots use it too.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Day number of a UTC calendar day. Date.UTC would read years 0–99 as 1900–1999; this does not. */
function utcDayNumber(year: number, monthIndex: number, day: number): number {
  return new Date(0).setUTCFullYear(year, monthIndex, day) / MS_PER_DAY;
}

/** Day number of an ISO date; throws RangeError for anything that is not a real calendar date. */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  const [, y, m, d] = match;
  const day = utcDayNumber(Number(y), Number(m) - 1, Number(d));
  // The Date arithmetic silently rolls 2025-02-30 over to March; the round trip catches it.
  if (fromDayNumber(day) !== date) throw new RangeError(`Not a calendar date: ${date}`);
  return day;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** `date` moved by `days` (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Sort comparator: negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The calendar year of a date, for age in years (we never know her birthday, only the year). */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Day numbers of every day of a month given as 'YYYY-MM'. */
export function daysOfMonth(month: string): number[] {
  const match = ISO_MONTH.exec(month);
  const monthIndex = Number(match?.[2]) - 1;
  if (!match || monthIndex < 0 || monthIndex > 11) throw new RangeError(`Not a month (YYYY-MM): ${month}`);
  const year = Number(match[1]);
  const first = utcDayNumber(year, monthIndex, 1);
  const next = utcDayNumber(year, monthIndex + 1, 1);
  return Array.from({ length: next - first }, (_, i) => first + i);
}
