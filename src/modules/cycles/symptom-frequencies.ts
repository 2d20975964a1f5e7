import type { IsoDate } from './engine/types.ts';

export type SymptomFrequency = {
  symptom: string;
  /** Logged days with this symptom. */
  days: number;
  /** Share of her logged days (0..1, two decimals). */
  share: number;
  /** Cycles in which she logged it on at least one day (out of `loggedCycles`). */
  inCycles: number;
};

type LoggedDay = { date: IsoDate; symptoms: string[]; otherSymptoms: string[] };

/**
 * How often each symptom comes back, counted in days and in cycles. A share of logged days says
 * "100%" for a symptom logged once, which reads as "always"; "in 1 of 1 cycle" says how little
 * is known. A cycle runs from one logged period start to the day before the next; days before her
 * first logged start count as one cycle of their own.
 */
export function symptomFrequencies(
  days: readonly LoggedDay[],
  periodStarts: readonly IsoDate[],
): { symptomFrequencies: SymptomFrequency[]; loggedCycles: number } {
  const starts = [...new Set(periodStarts)].sort();
  // Index of the latest start on or before the day; -1 before the first.
  const cycleOf = (date: IsoDate) => {
    let index = -1;
    for (const [i, start] of starts.entries()) if (start <= date) index = i;
    return index;
  };
  const dayCounts = new Map<string, number>();
  const cyclesWith = new Map<string, Set<number>>();
  const loggedCycles = new Set<number>();
  for (const day of days) {
    const cycle = cycleOf(day.date);
    loggedCycles.add(cycle);
    const named = new Set([...day.symptoms, ...day.otherSymptoms.map((o) => o.trim().toLowerCase())]);
    for (const symptom of named) {
      dayCounts.set(symptom, (dayCounts.get(symptom) ?? 0) + 1);
      const seen = cyclesWith.get(symptom) ?? new Set<number>();
      seen.add(cycle);
      cyclesWith.set(symptom, seen);
    }
  }
  const frequencies = [...dayCounts]
    .map(([symptom, n]) => ({
      symptom,
      days: n,
      share: days.length ? Math.round((n / days.length) * 100) / 100 : 0,
      inCycles: cyclesWith.get(symptom)?.size ?? 0,
    }))
    .sort((a, b) => b.days - a.days || a.symptom.localeCompare(b.symptom));
  return { symptomFrequencies: frequencies, loggedCycles: loggedCycles.size };
}
