import { PARAMS } from './params.ts';
import { median, scaledMad } from './stats.ts';

/**
 * Which cycles may feed the estimate. A forgotten log turns two cycles into one ~2× long "cycle";
 * a single odd cycle (illness, travel, a mid-cycle bleed logged as a period) is far from the rest.
 * Either would drag a mean by days, so they are set aside — but only while they are rare: if more
 * than a quarter of her recent cycles would be set aside, that is how her cycles are, and the
 * cycle is kept.
 *
 * Each cycle is judged once, against the usable cycles BEFORE it (the first against the population
 * prior). Judging against later cycles too would let a new, perfectly ordinary cycle change the
 * verdict on an old one, and her window could then widen although her history became more regular.
 */
export type CycleVerdict = 'kept' | 'missed_log' | 'unusual';

function judge(length: number, before: number[]): CycleVerdict {
  const reference = median(before) ?? PARAMS.priorCycleLength;
  if (length >= PARAMS.missedLogRatio * reference) return 'missed_log';
  // A robust spread needs a few earlier cycles; with fewer we cannot tell "unusual" from "her range".
  if (before.length < 3) return 'kept';
  const spread = Math.max(PARAMS.unusualSpreadFloor, scaledMad(before, reference));
  const limit = Math.max(PARAMS.unusualMinDays, PARAMS.unusualSpreadMultiple * spread);
  return Math.abs(length - reference) > limit ? 'unusual' : 'kept';
}

/** One verdict per completed cycle length (oldest first, same order). */
export function classifyCycleLengths(lengths: readonly number[]): CycleVerdict[] {
  const verdicts: CycleVerdict[] = [];
  const usable: number[] = [];
  for (const length of lengths) {
    let verdict = judge(length, usable.slice(-PARAMS.locationWindow));
    if (verdict !== 'kept') {
      const recent = [...verdicts, verdict].slice(-PARAMS.historyWindow);
      const excluded = recent.filter((v) => v !== 'kept').length;
      if (excluded > Math.max(1, Math.floor(recent.length * PARAMS.maxExcludedShare))) verdict = 'kept';
    }
    verdicts.push(verdict);
    if (verdict === 'kept') usable.push(length);
  }
  return verdicts;
}
