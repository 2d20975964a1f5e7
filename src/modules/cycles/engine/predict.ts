import { fromDayNumber } from './dates.ts';
import { viewDay } from './day-view.ts';
import { computeFlags } from './flags.ts';
import { buildModel, type CycleModel } from './model.ts';
import { roundTo } from './stats.ts';
import type { EngineInput, Prediction } from './types.ts';

/** Below this many usable cycle lengths the answer leans on the population prior: "not enough data yet". */
export const MIN_CYCLES_FOR_OK = 3;

const roundOrNull = (value: number | null, decimals = 1) =>
  value === null ? null : roundTo(value, decimals);

function phaseOfToday(model: CycleModel): Prediction['phase'] {
  const view = viewDay(model, model.today);
  if (view.phase === null || view.cycleDay === null || !model.next) return null;
  if (view.phase !== 'late') return { name: view.phase, cycleDay: view.cycleDay };
  return { name: 'late', cycleDay: view.cycleDay, lateByDays: model.today - model.next.start };
}

function flagsOf(model: CycleModel, input: EngineInput): Prediction['flags'] {
  const lengths = model.periods.slice(1).map((p, i) => p.start - (model.periods[i]?.start ?? p.start));
  return computeFlags({
    periods: model.periods,
    lengths,
    verdicts: model.estimate.verdicts,
    days: input.days,
    today: model.today,
    age: model.age,
    assumedPeriodLength: model.periodLength,
  });
}

/** The next period (with a calibrated window), ovulation, fertile window, today's phase and flags. */
export function predictCycle(input: EngineInput): Prediction {
  const model = buildModel(input);
  const { estimate, next } = model;
  return {
    status: estimate.cyclesUsed >= MIN_CYCLES_FOR_OK ? 'ok' : 'insufficient_data',
    nextPeriod: next
      ? {
          start: fromDayNumber(next.start),
          earliest: fromDayNumber(next.earliest),
          latest: fromDayNumber(next.latest),
        }
      : null,
    ovulation: next ? { date: fromDayNumber(next.ovulation) } : null,
    fertileWindow: next
      ? { start: fromDayNumber(next.fertileStart), end: fromDayNumber(next.fertileEnd) }
      : null,
    phase: phaseOfToday(model),
    averageCycleLength: roundOrNull(estimate.average),
    cycleLengthVariability: roundOrNull(estimate.variability),
    averagePeriodLength: roundOrNull(model.averagePeriodLength),
    lutealLength: roundOrNull(model.ownLuteal),
    confidence: roundTo(estimate.confidence, 2),
    cyclesUsed: estimate.cyclesUsed,
    flags: next ? flagsOf(model, input) : [],
  };
}
