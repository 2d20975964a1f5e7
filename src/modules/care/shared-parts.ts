import type { Flag, Prediction } from '../cycles/engine/types.ts';
import { FLAG_EXPLANATIONS } from '../cycles/insights.ts';
import type { DayLog, Period } from '../cycles/service.ts';
import { ENERGY, FLOWS, MOODS, SYMPTOMS } from '../cycles/vocabulary.ts';

/*
 * What a linked adult may see of her data, made from her own views by copying named fields out
 * (never by deleting fields from a copy): a field added to her day log or period later stays hers
 * until someone decides here that an adult may see it. No free text she wrote ever passes: her
 * notes, her symptoms "in her own words", and only values from the fixed vocabularies.
 */

/** Her next period window and today's phase: not the fertile window or ovulation, which are hers alone. */
export type SharedPrediction = {
  status: Prediction['status'];
  today: string;
  nextPeriod: Prediction['nextPeriod'];
  phase: Prediction['phase'];
};
export type SharedPeriod = { startDate: string; endDate: string | null };
/** How she felt one day (flow, symptoms, mood, pain, energy); fertility signs and sleep stay hers. */
export type SharedDay = {
  date: string;
  flow?: string;
  symptoms?: string[];
  mood?: string;
  pain?: number;
  energy?: string;
};
export type SharedFlag = { code: Flag; seeProvider: true };

export function sharedPrediction(prediction: Prediction & { today: string }): SharedPrediction {
  return {
    status: prediction.status,
    today: prediction.today,
    nextPeriod: prediction.nextPeriod,
    phase: prediction.phase,
  };
}

/** Only the "talk to a health worker" flags; the others are about her logging, not her health. */
export function sharedFlags(flags: readonly Flag[]): SharedFlag[] {
  return flags
    .filter((code) => FLAG_EXPLANATIONS[code]?.seeProvider === true)
    .map((code) => ({ code, seeProvider: true }));
}

/** Period dates, newest first, from `since` on. */
export function sharedPeriods(periods: readonly Period[], since: string): SharedPeriod[] {
  return periods
    .filter((p) => (p.endDate ?? p.startDate) >= since)
    .map((p) => ({ startDate: p.startDate, endDate: p.endDate }))
    .sort((a, b) => b.startDate.localeCompare(a.startDate));
}

const known = (list: readonly string[], value: unknown): value is string =>
  typeof value === 'string' && list.includes(value);

/** Her daily logs from `since` on, newest first, each reduced to the vocabulary an adult may see. */
export function sharedDays(days: readonly DayLog[], since: string): SharedDay[] {
  const shared: SharedDay[] = [];
  for (const day of days) {
    if (day.date < since) continue;
    const out: SharedDay = { date: day.date };
    if (known(FLOWS, day.flow)) out.flow = day.flow;
    const symptoms = (day.symptoms ?? []).filter((s) => known(SYMPTOMS, s));
    if (symptoms.length > 0) out.symptoms = symptoms;
    if (known(MOODS, day.mood)) out.mood = day.mood;
    if (typeof day.pain === 'number' && Number.isInteger(day.pain)) out.pain = day.pain;
    if (known(ENERGY, day.energy)) out.energy = day.energy;
    if (Object.keys(out).length > 1) shared.push(out);
  }
  return shared.sort((a, b) => b.date.localeCompare(a.date));
}
