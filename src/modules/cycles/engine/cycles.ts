import { fromDayNumber, toDayNumber } from './dates.ts';
import type { Flow, IsoDate, PeriodInput } from './types.ts';

/** A logged period on day numbers: sorted, one per start date, `end` null when unknown or invalid. */
export type LoggedPeriod = { start: number; end: number | null; flow: Flow | undefined };

/** A cycle that is over: from one logged start to the next. */
export type CompletedCycle = {
  start: IsoDate;
  /** Days from this start to the next start. */
  length: number;
  /** Bleeding days including start and end, or null when the end was not logged. */
  periodLength: number | null;
};

export type CycleHistory = {
  cycles: CompletedCycle[];
  /** Start of the latest logged period (the current cycle), or null when none is logged. */
  currentStart: IsoDate | null;
};

function mergeSameStart(a: LoggedPeriod, b: LoggedPeriod): LoggedPeriod {
  // Two logs for the same start: keep the longer known end, and any flow that was given.
  const end = a.end === null ? b.end : b.end === null ? a.end : Math.max(a.end, b.end);
  return { start: a.start, end, flow: a.flow ?? b.flow };
}

/**
 * Periods as day numbers, sorted and de-duplicated by start. An end before its start is dropped
 * (treated as "end not logged"), and an end that runs into the next logged start is cut the day
 * before it, so period lengths never exceed cycle lengths.
 */
export function normalisePeriods(periods: readonly PeriodInput[]): LoggedPeriod[] {
  const byStart = new Map<number, LoggedPeriod>();
  for (const p of periods) {
    const start = toDayNumber(p.start);
    const rawEnd = p.end === null ? null : toDayNumber(p.end);
    const period: LoggedPeriod = {
      start,
      end: rawEnd !== null && rawEnd >= start ? rawEnd : null,
      flow: p.flow,
    };
    const seen = byStart.get(start);
    byStart.set(start, seen ? mergeSameStart(seen, period) : period);
  }
  const sorted = [...byStart.values()].sort((a, b) => a.start - b.start);
  return sorted.map((p, i) => {
    const next = sorted[i + 1];
    if (next === undefined || p.end === null || p.end < next.start) return p;
    return { ...p, end: next.start - 1 };
  });
}

export function periodLengthOf(period: LoggedPeriod): number | null {
  return period.end === null ? null : period.end - period.start + 1;
}

/** Completed cycle lengths and period lengths, oldest first, from logged periods in any order. */
export function deriveCycles(periods: readonly PeriodInput[]): CycleHistory {
  const logged = normalisePeriods(periods);
  const cycles: CompletedCycle[] = [];
  for (let i = 0; i + 1 < logged.length; i++) {
    const p = logged[i];
    const next = logged[i + 1];
    if (p === undefined || next === undefined) continue;
    cycles.push({
      start: fromDayNumber(p.start),
      length: next.start - p.start,
      periodLength: periodLengthOf(p),
    });
  }
  const last = logged.at(-1);
  return { cycles, currentStart: last === undefined ? null : fromDayNumber(last.start) };
}
