/*
 * Appointment slots, computed when asked and never stored (decision 023): a provider's weekly
 * opening hours, days off and slot length, in the provider's time zone, laid over a range of
 * local dates, minus what is past and what overlaps a live appointment. Pure functions of their
 * input; instants are epoch milliseconds.
 *
 * Wall-clock times are turned into instants through Intl (the time-zone database that comes with
 * Node), so a provider in a zone with summer time keeps "09:00" all year. A wall time that does
 * not exist (the hour skipped when clocks go forward) has no slot; one that happens twice (when
 * they go back) has one, at its first occurrence. A slot lasts `slotMinutes` of real time.
 */

import { addDays } from '../cycles/engine/dates.ts';

/** A range of opening hours on an ISO weekday (1 = Monday), 'HH:MM' (or 'HH:MM:SS') local time. */
export type OpeningHours = { weekday: number; opens: string; closes: string };
export type Schedule = {
  timeZone: string;
  slotMinutes: number;
  weekly: readonly OpeningHours[];
  /** Local dates 'YYYY-MM-DD' without any slot. */
  daysOff: ReadonlySet<string>;
};
/** Half-open [start, end) in epoch milliseconds. */
export type Interval = { start: number; end: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 'HH:MM[:SS]' → minutes after local midnight. */
export function minuteOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** 'YYYY-MM-DD' → the UTC midnight of that calendar date (a "wall" instant, not a real one). */
function wallMidnight(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): number {
  return ((new Date(wallMidnight(date)).getUTCDay() + 6) % 7) + 1;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, made on first use.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Whether Node knows this IANA time-zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at an instant, in milliseconds (Kigali: +2 h). */
export function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const seconds = Math.floor(instant / 1000) * 1000;
  return wall - seconds;
}

/**
 * The instant of a wall-clock time (a "wall" instant: UTC fields = local fields) in a zone: the
 * first one when it happens twice, null when it does not happen (skipped by a clock change).
 */
export function instantOf(wall: number, timeZone: string): number | null {
  // Offsets a day either side: zones change at most once in such a span.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = before === after ? [wall - before] : [wall - before, wall - after].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + offsetAt(candidate, timeZone) === wall) return candidate;
  }
  return null;
}

/**
 * The offset in force over a whole local date, or null when the clocks change that day (then each
 * time is converted on its own). Remembered per zone and date: a district search lays hundreds of
 * providers in one zone over the same days.
 */
const dayOffsets = new Map<string, number | null>();
const REMEMBERED_DAYS = 20_000;
function offsetOfDay(date: string, timeZone: string): number | null {
  const key = `${timeZone}|${date}`;
  const known = dayOffsets.get(key);
  if (known !== undefined) return known;
  const midnight = wallMidnight(date);
  // Instants before the local day starts and after it ends, whatever the zone (offsets are −12 … +14 h).
  const start = offsetAt(midnight - 15 * HOUR, timeZone);
  const end = offsetAt(midnight + DAY + 13 * HOUR, timeZone);
  const offset = start === end ? start : null;
  if (dayOffsets.size >= REMEMBERED_DAYS) dayOffsets.clear();
  dayOffsets.set(key, offset);
  return offset;
}

/** The instant of `minutes` after midnight on a local date, as `instantOf` decides it. */
export function localTimeToInstant(date: string, minutes: number, timeZone: string): number | null {
  const wall = wallMidnight(date) + minutes * MINUTE;
  const offset = offsetOfDay(date, timeZone);
  return offset === null ? instantOf(wall, timeZone) : wall - offset;
}

// Opening hours as minutes, per weekday, in order: worked out once per list of hours.
const weekdayRanges = new WeakMap<readonly OpeningHours[], Array<Array<readonly [number, number]>>>();
function rangesByWeekday(weekly: readonly OpeningHours[]): Array<Array<readonly [number, number]>> {
  let byDay = weekdayRanges.get(weekly);
  if (!byDay) {
    const days: Array<Array<readonly [number, number]>> = Array.from({ length: 8 }, () => []);
    for (const h of weekly) days[h.weekday]?.push([minuteOfDay(h.opens), minuteOfDay(h.closes)] as const);
    for (const day of days) day.sort((a, b) => a[0] - b[0]);
    byDay = days;
    weekdayRanges.set(weekly, byDay);
  }
  return byDay;
}

/** Every slot of one local date, busy or not, in time order (empty on a day off). */
export function daySlots(schedule: Schedule, date: string): Interval[] {
  if (schedule.daysOff.has(date)) return [];
  const length = schedule.slotMinutes;
  const ranges = rangesByWeekday(schedule.weekly)[weekdayOf(date)] ?? [];
  const slots: Interval[] = [];
  if (ranges.length === 0) return slots;
  const midnight = wallMidnight(date);
  const offset = offsetOfDay(date, schedule.timeZone);
  let last = Number.NEGATIVE_INFINITY;
  for (const [opens, closes] of ranges) {
    for (let minute = opens; minute + length <= closes; minute += length) {
      const wall = midnight + minute * MINUTE;
      const start = offset === null ? instantOf(wall, schedule.timeZone) : wall - offset;
      // Never two slots that overlap, whatever the ranges or the clocks did.
      if (start === null || start < last) continue;
      last = start + length * MINUTE;
      slots.push({ start, end: last });
    }
  }
  return slots;
}

/** Every slot from one local date to another (inclusive) that has not started at `now`, in time order. */
export function gridSlots(schedule: Schedule, range: { from: string; to: string; now: number }): Interval[] {
  const slots: Interval[] = [];
  for (let date = range.from; date <= range.to; date = addDays(date, 1)) {
    for (const slot of daySlots(schedule, date)) if (slot.start >= range.now) slots.push(slot);
  }
  return slots;
}

/**
 * The slots (in time order) that overlap no busy interval: a requested or confirmed appointment,
 * whatever its length (a provider may have changed the slot length since it was booked).
 */
function withoutBusy(slots: readonly Interval[], busy: readonly Interval[]): Interval[] {
  if (busy.length === 0) return [...slots];
  const sorted = [...busy].sort((a, b) => a.start - b.start);
  const free: Interval[] = [];
  let first = 0; // busy intervals ending before the current slot are never looked at again
  for (const slot of slots) {
    while (first < sorted.length && (sorted[first]?.end ?? 0) <= slot.start) first++;
    if (!overlapsFrom(slot, sorted, first)) free.push(slot);
  }
  return free;
}

/** The free slots from one local date to another (inclusive): on the grid, not started, not busy. */
export function freeSlots(
  schedule: Schedule,
  range: { from: string; to: string; now: number; busy: readonly Interval[] },
): Interval[] {
  return withoutBusy(gridSlots(schedule, range), range.busy);
}

/** Whether a slot overlaps a busy interval at or after index `from` (busy sorted by start). */
function overlapsFrom(slot: Interval, busy: readonly Interval[], from: number): boolean {
  for (let i = from; i < busy.length; i++) {
    const b = busy[i];
    if (!b || b.start >= slot.end) return false;
    if (b.end > slot.start) return true;
  }
  return false;
}
