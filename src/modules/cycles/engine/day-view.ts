import type { CycleModel, NextCycle } from './model.ts';
import { ovulationBefore } from './model.ts';
import { PARAMS } from './params.ts';
import type { PhaseName } from './types.ts';

/**
 * What one day looks like: exactly one phase (or none before her first logged period) plus marks.
 * The prediction's phase for today and every calendar day come from this one function, so the
 * two can never disagree.
 *
 * Rules:
 * - past cycles (between two logged starts): bleeding days are menstrual; ovulation is the known or
 *   detected one, else next start − luteal length; fertile = the 5 days before ovulation and the
 *   day itself; follicular before, luteal after.
 * - the current cycle: the same, with the predicted ovulation.
 * - late: once today is after the predicted start, every day after the predicted start (including
 *   days after today) is 'late'. No new cycle is imagined until she logs one.
 * - not late: days after today from the predicted start on are projected cycles of her typical
 *   length (predicted period, fertile window, ovulation), repeating as far as the calendar asks.
 * Menstrual wins over fertile when a very short cycle makes them overlap (the fertile mark stays).
 */
export type DayView = {
  phase: PhaseName | null;
  /** 1 on the first day of the (logged or projected) cycle the day belongs to; null before her first period. */
  cycleDay: number | null;
  loggedPeriod: boolean;
  predictedPeriod: boolean;
  fertile: boolean;
  ovulation: boolean;
};

const NOTHING: DayView = {
  phase: null,
  cycleDay: null,
  loggedPeriod: false,
  predictedPeriod: false,
  fertile: false,
  ovulation: false,
};

type CycleShape = { start: number; bleedEnd: number; ovulation: number; fertileStart: number };

function phaseIn(shape: CycleShape, day: number): PhaseName {
  if (day <= shape.bleedEnd) return 'menstrual';
  if (day >= shape.fertileStart && day <= shape.ovulation) return 'fertile';
  return day < shape.ovulation ? 'follicular' : 'luteal';
}

function viewIn(shape: CycleShape, day: number): DayView {
  return {
    ...NOTHING,
    phase: phaseIn(shape, day),
    cycleDay: day - shape.start + 1,
    fertile: day >= shape.fertileStart && day <= shape.ovulation,
    ovulation: day === shape.ovulation,
  };
}

function shapeOf(start: number, bleedEnd: number, ovulation: number): CycleShape {
  return {
    start,
    bleedEnd,
    ovulation,
    fertileStart: Math.max(ovulation - PARAMS.fertileDaysBeforeOvulation, start),
  };
}

function pastCycleView(model: CycleModel, index: number, day: number): DayView {
  const period = model.periods[index];
  const nextStart = model.periods[index + 1]?.start;
  if (!period || nextStart === undefined) return NOTHING;
  const bleedEnd = Math.min(period.end ?? period.start + model.periodLength - 1, nextStart - 1);
  const ovulation =
    model.ovulations.byCycle[index] ?? ovulationBefore(nextStart, period.start, model.lutealDays);
  const view = viewIn(shapeOf(period.start, bleedEnd, ovulation), day);
  return { ...view, loggedPeriod: day <= bleedEnd };
}

/** A future cycle of her typical length, counted from the predicted start. */
function projectedView(model: CycleModel, next: NextCycle, day: number): DayView {
  const length = model.estimate.length;
  const start = next.start + Math.floor((day - next.start) / length) * length;
  const ovulation = ovulationBefore(start + length, start, model.lutealDays);
  const bleedEnd = start + model.periodLength - 1;
  const view = viewIn(shapeOf(start, bleedEnd, ovulation), day);
  return { ...view, predictedPeriod: day <= bleedEnd };
}

function currentCycleView(model: CycleModel, next: NextCycle, day: number): DayView {
  const period = model.periods.at(-1);
  if (!period) return NOTHING;
  const late = model.today > next.start;
  const cycleDay = day - period.start + 1;
  // An open period (no end yet) is assumed to last her usual length; days after today are a forecast.
  const bleedEnd = period.end ?? period.start + model.periodLength - 1;
  if (day <= bleedEnd) {
    const logged = period.end !== null || day <= model.today;
    return { ...NOTHING, phase: 'menstrual', cycleDay, loggedPeriod: logged, predictedPeriod: !logged };
  }
  if (late && day > next.start) return { ...NOTHING, phase: 'late', cycleDay };
  if (!late && day >= next.start && day > model.today) return projectedView(model, next, day);
  const view = viewIn(shapeOf(period.start, bleedEnd, next.ovulation), day);
  // The predicted start itself, when it is today: still this cycle until she logs a period. Once she
  // is late the missed date is no longer shown as a predicted period.
  return { ...view, predictedPeriod: day === next.start && !late };
}

/** Index of the last logged period starting on or before `day`, or -1. */
function cycleIndexOf(model: CycleModel, day: number): number {
  let index = -1;
  for (let i = 0; i < model.periods.length; i++) {
    const start = model.periods[i]?.start;
    if (start === undefined || start > day) break;
    index = i;
  }
  return index;
}

export function viewDay(model: CycleModel, day: number): DayView {
  const index = cycleIndexOf(model, day);
  if (index < 0 || !model.next) return NOTHING;
  if (index < model.periods.length - 1) return pastCycleView(model, index, day);
  return currentCycleView(model, model.next, day);
}
