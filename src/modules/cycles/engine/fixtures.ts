import { addDays } from './dates.ts';
import type { EngineInput, IsoDate, PeriodInput } from './types.ts';

/**
 * Test-data builders for the engine's tests (not used by the engine itself): a regular history is
 * described by its cycle lengths, and the dates follow from a fixed first start.
 */
export const FIRST_START: IsoDate = '2024-01-01';

/** Periods whose starts are separated by `lengths`; every period lasts `bleedDays` days. */
export function periodsFrom(lengths: readonly number[], bleedDays = 5, first = FIRST_START): PeriodInput[] {
  const periods: PeriodInput[] = [{ start: first, end: addDays(first, bleedDays - 1) }];
  for (const length of lengths) {
    const start = addDays(periods.at(-1)?.start ?? first, length);
    periods.push({ start, end: addDays(start, bleedDays - 1) });
  }
  return periods;
}

export function lastStartOf(periods: readonly PeriodInput[]): IsoDate {
  return periods.at(-1)?.start ?? FIRST_START;
}

/** An engine input for those cycle lengths, today `dayOfCycle` days after the last start (0 = that day). */
export function inputFrom(
  lengths: readonly number[],
  dayOfCycle = 0,
  extra: Partial<Omit<EngineInput, 'periods' | 'today'>> = {},
): EngineInput {
  const periods = periodsFrom(lengths);
  return { periods, days: [], today: addDays(lastStartOf(periods), dayOfCycle), ...extra };
}

export function widthOf(prediction: { nextPeriod: { earliest: IsoDate; latest: IsoDate } | null }): number {
  const next = prediction.nextPeriod;
  if (!next) return Number.NaN;
  return (Date.parse(next.latest) - Date.parse(next.earliest)) / 86_400_000;
}
