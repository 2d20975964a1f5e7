/** Small numeric helpers shared by the estimators. All take plain arrays and never mutate them. */

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Mean, or null for an empty list (callers decide what "no data" means). */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Sum of squared deviations from the mean (0 for fewer than two values). */
export function sumOfSquares(values: readonly number[]): number {
  const m = mean(values);
  if (m === null) return 0;
  let total = 0;
  for (const v of values) total += (v - m) ** 2;
  return total;
}

/** Median absolute deviation scaled to estimate a normal SD (×1.4826). */
export function scaledMad(values: readonly number[], centre: number): number {
  return (median(values.map((v) => Math.abs(v - centre))) ?? 0) * 1.4826;
}

/**
 * Round half up. Math.round already rounds .5 up for positive numbers; naming it keeps the choice
 * visible, because at this precision the rounding rule moves the error figures (see docs).
 */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
