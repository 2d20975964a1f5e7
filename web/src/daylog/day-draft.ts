import type { DayLog, Flow } from '../api.ts';

/** What the form holds: the buttons' choices, and the advanced fields as typed. */
export type DayDraft = {
  flow?: Flow | undefined;
  pain?: number | undefined;
  mood?: string | undefined;
  symptoms: string[];
  notes: string;
  energy?: string | undefined;
  sleepHours: string;
  basalTemperature: string;
  cervicalMucus?: string | undefined;
};

export function draftOf(day: DayLog | undefined): DayDraft {
  return {
    flow: day?.flow,
    pain: day?.pain,
    mood: day?.mood,
    symptoms: [...(day?.symptoms ?? [])],
    notes: day?.notes ?? '',
    energy: day?.energy,
    sleepHours: day?.sleepHours === undefined ? '' : String(day.sleepHours),
    basalTemperature: day?.basalTemperature === undefined ? '' : String(day.basalTemperature),
    cervicalMucus: day?.cervicalMucus,
  };
}

export function hasAdvanced(draft: DayDraft): boolean {
  return (
    draft.energy !== undefined ||
    draft.sleepHours !== '' ||
    draft.basalTemperature !== '' ||
    draft.cervicalMucus !== undefined
  );
}

/** A typed number ("36,5" too), or undefined when empty; NaN when it is not a number in range. */
function parseNumber(text: string, min: number, max: number): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= min && value <= max ? value : Number.NaN;
}

export type DraftProblem = 'basalTemperature' | 'sleepHours';

/**
 * The PUT body for the day (the whole day: PUT replaces it, so saving twice stores it once), or
 * the fields she must correct first. Free-text symptoms only other channels set are kept.
 */
export function bodyOf(
  draft: DayDraft,
  existing: DayLog | undefined,
): { body: Record<string, unknown>; problems: DraftProblem[] } {
  const body: Record<string, unknown> = {};
  const problems: DraftProblem[] = [];
  if (draft.flow) body.flow = draft.flow;
  if (draft.pain !== undefined) body.pain = draft.pain;
  if (draft.mood) body.mood = draft.mood;
  if (draft.symptoms.length > 0) body.symptoms = draft.symptoms;
  if (existing?.otherSymptoms.length) body.otherSymptoms = existing.otherSymptoms;
  if (draft.energy) body.energy = draft.energy;
  const sleep = parseNumber(draft.sleepHours, 0, 24);
  if (Number.isNaN(sleep)) problems.push('sleepHours');
  else if (sleep !== undefined) body.sleepHours = sleep;
  const temperature = parseNumber(draft.basalTemperature, 34, 42);
  if (Number.isNaN(temperature)) problems.push('basalTemperature');
  else if (temperature !== undefined) body.basalTemperature = temperature;
  if (draft.cervicalMucus) body.cervicalMucus = draft.cervicalMucus;
  if (draft.notes.trim() !== '') body.notes = draft.notes;
  return { body, problems };
}
