import { yearOf } from './dates.ts';
import { PARAMS } from './params.ts';
import type { EngineInput } from './types.ts';

/** Age in years from the birth year (may overstate by one before her birthday), or null when unknown. */
export function ageOf(input: Pick<EngineInput, 'birthYear' | 'today'>): number | null {
  return input.birthYear === undefined ? null : yearOf(input.today) - input.birthYear;
}

/** In the first years after menarche cycles vary more; we widen her windows and flag thresholds. */
export function isAdolescent(age: number | null): boolean {
  return age !== null && age <= PARAMS.adolescentMaxAge;
}
