import { type CycleVerdict, classifyCycleLengths } from './outliers.ts';
import { PARAMS } from './params.ts';
import { mean, roundHalfUp, sum, sumOfSquares } from './stats.ts';

export type CycleLengthEstimate = {
  /** Predicted length of the current cycle in whole days (≥ 1). */
  length: number;
  /** Half-width of the window around the predicted start, in whole days. */
  halfWidth: number;
  /** Her mean and SD over all her usable cycles (null when she has none / too few). */
  average: number | null;
  variability: number | null;
  /** Share of the point estimate that comes from her own cycles rather than the prior (0..1). */
  confidence: number;
  cyclesUsed: number;
  /** One verdict per completed cycle, oldest first. */
  verdicts: CycleVerdict[];
};

/**
 * Predictive SD from her own sum of squares pooled with a population spread worth a few
 * pseudo-cycles (a conjugate-prior style estimate); the (1 + 1/n) term is the uncertainty of her
 * mean itself. It uses ALL her usable cycles, never a sliding window: adding a cycle within half a
 * day of her mean then provably cannot raise it (the added square is at most what one more degree
 * of freedom removes), so her window never widens as a regular history grows. A sliding window
 * would drop old cycles and could move the estimate either way.
 */
export function predictiveSpread(
  values: readonly number[],
  meanCount: number,
  prior: { spread: number; weight: number; meanWeight: number },
): number {
  const pooledVariance =
    (sumOfSquares(values) + prior.weight * prior.spread ** 2) /
    (Math.max(values.length - 1, 0) + prior.weight);
  return Math.sqrt(pooledVariance * (1 + 1 / (meanCount + prior.meanWeight)));
}

/** Window half-width in whole days; adolescents' windows are widened, never narrowed. */
export function halfWidthFor(spread: number, adolescent: boolean): number {
  const widening = adolescent ? PARAMS.adolescentWidening : 1;
  return roundHalfUp(PARAMS.windowMultiplier * spread * widening);
}

/**
 * Her next cycle length: the mean of her last usable cycles shrunk toward the population prior,
 * with a weight that grows with her history. `lengths` are completed cycle lengths, oldest first.
 */
export function estimateCycleLength(lengths: readonly number[], adolescent: boolean): CycleLengthEstimate {
  const verdicts = classifyCycleLengths(lengths);
  const usable = lengths.filter((_, i) => verdicts[i] === 'kept');
  const location = usable.slice(-PARAMS.locationWindow);
  const n = location.length;
  const shrunk =
    (sum(location) + PARAMS.priorCycleWeight * PARAMS.priorCycleLength) / (n + PARAMS.priorCycleWeight);
  const spread = predictiveSpread(usable, n, {
    spread: PARAMS.priorSpread,
    weight: PARAMS.priorSpreadWeight,
    meanWeight: PARAMS.priorCycleWeight,
  });
  return {
    length: Math.max(1, roundHalfUp(shrunk)),
    halfWidth: halfWidthFor(spread, adolescent),
    average: mean(usable),
    variability: usable.length >= 2 ? Math.sqrt(sumOfSquares(usable) / (usable.length - 1)) : null,
    confidence: n / (n + PARAMS.priorCycleWeight),
    cyclesUsed: usable.length,
    verdicts,
  };
}
