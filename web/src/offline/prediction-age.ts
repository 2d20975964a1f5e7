/** The parts of a prediction (src/modules/cycles/schema.ts) the offline home needs to move on. */
export type AgeablePrediction = {
  today: string;
  nextPeriod: { start: string } | null;
  ovulation: { date: string } | null;
  fertileWindow: { start: string; end: string } | null;
  phase: { name: string; cycleDay: number; lateByDays?: number } | null;
  averagePeriodLength: number | null;
};

const DAY_MS = 86_400_000;
const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Her last prediction as it reads on a later day, with no connection: the same dates, today's
 * cycle day, and today's phase by the same rules the server uses (late after the predicted
 * start; fertile inside the fertile window; before ovulation follicular, after it luteal; still
 * bleeding while a period that was going on has not reached her usual length). The page also
 * says when it was last updated: this is a reading of old data, not a new prediction.
 */
export function agePrediction<T extends AgeablePrediction>(prediction: T, today: string): T {
  const gap = daysFrom(prediction.today, today);
  if (!(gap > 0)) return prediction;
  if (!prediction.phase || !prediction.nextPeriod) return { ...prediction, today };
  const cycleDay = prediction.phase.cycleDay + gap;
  const next = prediction.nextPeriod.start;
  const window = prediction.fertileWindow;
  const ovulation = prediction.ovulation?.date ?? window?.end;
  let phase: AgeablePrediction['phase'];
  if (today > next) phase = { name: 'late', cycleDay, lateByDays: daysFrom(next, today) };
  else if (
    prediction.phase.name === 'menstrual' &&
    cycleDay <= Math.round(prediction.averagePeriodLength ?? 5)
  )
    phase = { name: 'menstrual', cycleDay };
  else if (window && today >= window.start && today <= window.end) phase = { name: 'fertile', cycleDay };
  else if (ovulation !== undefined && today < ovulation) phase = { name: 'follicular', cycleDay };
  else phase = { name: 'luteal', cycleDay };
  return { ...prediction, today, phase: phase as T['phase'] };
}
