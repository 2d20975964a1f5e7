import { ageOf, isAdolescent } from './age.ts';
import { type LoggedPeriod, normalisePeriods, periodLengthOf } from './cycles.ts';
import { toDayNumber } from './dates.ts';
import { type CycleLengthEstimate, estimateCycleLength, halfWidthFor, predictiveSpread } from './estimate.ts';
import { estimateLuteal, type OvulationHistory, placeOvulations } from './luteal.ts';
import { PARAMS } from './params.ts';
import { mean, roundHalfUp } from './stats.ts';
import type { EngineInput } from './types.ts';

/** The next period and this cycle's ovulation, as day numbers. */
export type NextCycle = {
  start: number;
  earliest: number;
  latest: number;
  ovulation: number;
  fertileStart: number;
  fertileEnd: number;
};

/** Everything the prediction and the calendar read, computed once from her history. */
export type CycleModel = {
  periods: LoggedPeriod[];
  today: number;
  age: number | null;
  estimate: CycleLengthEstimate;
  averagePeriodLength: number | null;
  /** Bleeding days assumed where no end is logged and for predicted periods. */
  periodLength: number;
  ownLuteal: number | null;
  /** Whole days from ovulation to the next start used for dates (her own, else 14). */
  lutealDays: number;
  ovulations: OvulationHistory;
  /** Null only when no period is logged. */
  next: NextCycle | null;
};

/** Ovulation `lutealDays` before the start, kept inside the cycle even for very short predictions. */
export function ovulationBefore(start: number, cycleStart: number, lutealDays: number): number {
  return Math.min(Math.max(start - lutealDays, cycleStart), start - 1);
}

function fertileWindow(
  ovulation: number,
  cycleStart: number,
): Pick<NextCycle, 'fertileStart' | 'fertileEnd'> {
  return {
    fertileStart: Math.max(ovulation - PARAMS.fertileDaysBeforeOvulation, cycleStart),
    fertileEnd: ovulation,
  };
}

/**
 * Once this cycle's ovulation is known (detected from her temperature/mucus or given), the next
 * start is ovulation + her luteal length: the luteal phase varies far less than the whole cycle, so
 * this beats the calendar estimate and gets a narrower, luteal-based window.
 */
function nextCycle(model: Omit<CycleModel, 'next'>): NextCycle | null {
  const last = model.periods.at(-1);
  if (!last) return null;
  const adolescent = isAdolescent(model.age);
  const current = model.ovulations.byCycle.at(-1) ?? null;
  let start: number;
  let halfWidth: number;
  let ovulation: number;
  if (current === null) {
    start = last.start + model.estimate.length;
    halfWidth = model.estimate.halfWidth;
    ovulation = ovulationBefore(start, last.start, model.lutealDays);
  } else {
    const luteal = model.ovulations.lutealLengths.slice(-PARAMS.lutealWindow);
    const spread = predictiveSpread(luteal, luteal.length, {
      spread: PARAMS.priorLutealSpread,
      weight: PARAMS.priorLutealSpreadWeight,
      meanWeight: PARAMS.priorLutealWeight,
    });
    start = Math.max(current + model.lutealDays, last.start + 1);
    halfWidth = halfWidthFor(spread, adolescent);
    ovulation = current;
  }
  // The window cannot reach back to the period she has already logged. When it would, it slides
  // later instead of being cut: the days it loses are impossible anyway, the days it gains are the
  // likely ones, and its width stays a function of her variability alone (so more regular history
  // never widens it).
  const earliest = Math.max(start - halfWidth, last.start + 1);
  const latest = earliest + 2 * halfWidth;
  return { start, earliest, latest, ovulation, ...fertileWindow(ovulation, last.start) };
}

export function buildModel(input: EngineInput): CycleModel {
  const periods = normalisePeriods(input.periods);
  const today = toDayNumber(input.today);
  const age = ageOf(input);
  const lengths = periods.slice(1).map((p, i) => p.start - (periods[i]?.start ?? p.start));
  const estimate = estimateCycleLength(lengths, isAdolescent(age));
  const bled = periods.map(periodLengthOf).filter((l): l is number => l !== null);
  const averagePeriodLength = mean(bled.slice(-PARAMS.periodLengthWindow));
  const ovulations = placeOvulations(input, periods);
  const ownLuteal = estimateLuteal(ovulations.lutealLengths);
  const base = {
    periods,
    today,
    age,
    estimate,
    averagePeriodLength,
    periodLength: Math.max(1, roundHalfUp(averagePeriodLength ?? PARAMS.defaultPeriodLength)),
    ownLuteal,
    lutealDays: roundHalfUp(ownLuteal ?? PARAMS.priorLuteal),
    ovulations,
  };
  return { ...base, next: nextCycle(base) };
}
