import type { Period, Prediction } from '../api.ts';

/** Days counted from the first day of her current cycle (0 = the day her period started). */
export type DaySpan = { from: number; to: number };

export type RingShape = {
  /** Days the ring shows: from her cycle's start to the end of the next-period window (or today). */
  days: number;
  cycleStart: string;
  today: number;
  /** Her logged period this cycle; `end` null while it is still going, or when never logged. */
  period: (DaySpan & { start: string; end: string | null; ongoing: boolean }) | null;
  fertile: DaySpan | null;
  /** The next period's window: a range of days, never one day. */
  next: DaySpan | null;
};

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Where each part of her cycle sits on the ring; null when there is no prediction to draw. */
export function ringShape(prediction: Prediction, periods: readonly Period[]): RingShape | null {
  const { phase, nextPeriod, fertileWindow, today } = prediction;
  if (!phase || !nextPeriod) return null;
  const cycleStart = addDays(today, -(phase.cycleDay - 1));
  const last = nextPeriod.latest.localeCompare(today) > 0 ? nextPeriod.latest : today;
  const days = daysFrom(cycleStart, last) + 1;
  const at = (iso: string) => Math.min(Math.max(daysFrom(cycleStart, iso), 0), days - 1);
  const span = (start: string, end: string): DaySpan | null =>
    end < cycleStart || start > last ? null : { from: at(start), to: at(end) };

  const logged = periods.find((p) => p.startDate === cycleStart);
  const ongoing = logged?.endDate === null && logged.ongoing !== false;
  // Still going: up to today. Its end never logged: her usual length, as the prediction assumes.
  const usualEnd = addDays(cycleStart, Math.max(Math.round(prediction.averagePeriodLength ?? 5), 1) - 1);
  const periodEnd = logged?.endDate ?? (ongoing || usualEnd > today ? today : usualEnd);
  const periodSpan = logged ? span(logged.startDate, periodEnd) : null;
  return {
    days,
    cycleStart,
    today: at(today),
    period:
      logged && periodSpan ? { ...periodSpan, start: logged.startDate, end: logged.endDate, ongoing } : null,
    fertile: fertileWindow ? span(fertileWindow.start, fertileWindow.end) : null,
    next: span(nextPeriod.earliest, nextPeriod.latest),
  };
}

const CENTRE = 100;

/** A point on the ring at `day` (fractions allowed), day 0 at the top, going clockwise. */
export function pointAt(day: number, days: number, radius: number): [number, number] {
  const angle = (day / days) * 2 * Math.PI - Math.PI / 2;
  return [
    Math.round((CENTRE + radius * Math.cos(angle)) * 100) / 100,
    Math.round((CENTRE + radius * Math.sin(angle)) * 100) / 100,
  ];
}

/** SVG path of the arc covering whole days `from`…`to` (inclusive) in a 200×200 view box. */
export function arcPath(span: DaySpan, days: number, radius: number): string {
  const count = span.to - span.from + 1;
  if (count >= days) {
    // A full circle: two half arcs (one arc cannot start and end on the same point).
    const [x1, y1] = pointAt(0, days, radius);
    const [x2, y2] = pointAt(days / 2, days, radius);
    return `M ${x1} ${y1} A ${radius} ${radius} 0 1 1 ${x2} ${y2} A ${radius} ${radius} 0 1 1 ${x1} ${y1}`;
  }
  const [x1, y1] = pointAt(span.from, days, radius);
  const [x2, y2] = pointAt(span.to + 1, days, radius);
  const large = count / days > 0.5 ? 1 : 0;
  return `M ${x1} ${y1} A ${radius} ${radius} 0 ${large} 1 ${x2} ${y2}`;
}
