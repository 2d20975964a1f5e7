/**
 * Her usual cycle length, from the API's statistics: her average ± her variability (the SD of her
 * usable cycles), at least ± 2 days, so a very regular history does not call a one-day change
 * unusual. The engine leaves out cycles it judged to be missed logs or outliers before averaging,
 * so one odd cycle does not widen the range it is compared against.
 */
export type UsualRange = { low: number; high: number };
export type Comparison = 'shorter' | 'usual' | 'longer';

const MIN_HALF_WIDTH = 2;

export function usualRange(average: number | null, variability: number | null): UsualRange | null {
  if (average === null) return null;
  const half = Math.max(variability ?? 0, MIN_HALF_WIDTH);
  return { low: Math.round(average - half), high: Math.round(average + half) };
}

export function compareWithUsual(length: number, range: UsualRange | null): Comparison {
  if (!range || (length >= range.low && length <= range.high)) return 'usual';
  return length < range.low ? 'shorter' : 'longer';
}

/** The y-axis: whole steps of 5 (10 for a wide spread) around the lengths and the range. */
export function axisFor(
  lengths: readonly number[],
  range: UsualRange | null,
): { min: number; max: number; step: number } {
  const values = range ? [...lengths, range.low, range.high] : [...lengths];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = high - low > 30 ? 10 : 5;
  const min = Math.max(0, Math.floor((low - 2) / step) * step);
  const max = Math.ceil((high + 2) / step) * step;
  return { min, max, step };
}
