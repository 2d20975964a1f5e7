import type { LoggedPeriod } from './cycles.ts';
import { toDayNumber } from './dates.ts';
import { detectOvulations } from './ovulation.ts';
import { PARAMS } from './params.ts';
import { mean, sum } from './stats.ts';
import type { EngineInput } from './types.ts';

/**
 * Ovulations placed in her cycles, and her own luteal length (ovulation → next period start),
 * which is much steadier than the follicular phase and so dates ovulation better than "−14".
 */
export type OvulationHistory = {
  /** One ovulation day per logged cycle (index = period index), or null when none is known. */
  byCycle: (number | null)[];
  /** Luteal lengths of completed cycles, oldest first, within the plausible range. */
  lutealLengths: number[];
};

/**
 * External dates (`knownOvulations`: a test, a clinician) are preferred to what we detect; within a
 * source the latest in the cycle wins, since an early false shift would make the luteal phase long.
 */
function pickForCycle(known: number[], detected: number[], from: number, until: number): number | null {
  const inCycle = (d: number) => d >= from && d < until;
  const k = known.filter(inCycle);
  const pool = k.length > 0 ? k : detected.filter(inCycle);
  return pool.length > 0 ? Math.max(...pool) : null;
}

export function placeOvulations(input: EngineInput, periods: readonly LoggedPeriod[]): OvulationHistory {
  const known = (input.knownOvulations ?? []).map(toDayNumber);
  const detected = detectOvulations(input.days).map(toDayNumber);
  const today = toDayNumber(input.today);
  const byCycle: (number | null)[] = [];
  const lutealLengths: number[] = [];
  periods.forEach((p, i) => {
    const next = periods[i + 1];
    // Current cycle: only ovulations already past, and not so early that they are likely noise.
    const from = next ? p.start : p.start + PARAMS.earliestOvulationCycleDay - 1;
    const until = next ? next.start : today + 1;
    const ovulation = pickForCycle(known, detected, from, until);
    byCycle.push(ovulation);
    if (next && ovulation !== null) {
      const luteal = next.start - ovulation;
      if (luteal >= PARAMS.lutealMin && luteal <= PARAMS.lutealMax) lutealLengths.push(luteal);
    }
  });
  return { byCycle, lutealLengths };
}

/** Her luteal length shrunk toward 14 days (one pseudo-observation), or null without any of her own. */
export function estimateLuteal(lutealLengths: readonly number[]): number | null {
  const recent = lutealLengths.slice(-PARAMS.lutealWindow);
  if (mean(recent) === null) return null;
  return (
    (sum(recent) + PARAMS.priorLutealWeight * PARAMS.priorLuteal) / (recent.length + PARAMS.priorLutealWeight)
  );
}
