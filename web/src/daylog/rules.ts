/* The day log's pure rules (no browser APIs), tested in test/web-daylog.test.ts. */

/**
 * The API's pain scale (0–10) as five faces, with the values and labels the USSD menu uses
 * (src/channels/ussd/screens-cycle.ts: none 0, mild 2, moderate 5, severe 7, worst 10). A value
 * logged elsewhere (say 3) lights the face whose band holds it and is kept as it is until she taps
 * another face.
 */
export const PAIN_FACES = [
  { level: 'none', value: 0, upTo: 0 },
  { level: 'mild', value: 2, upTo: 3 },
  { level: 'moderate', value: 5, upTo: 6 },
  { level: 'severe', value: 7, upTo: 8 },
  { level: 'worst', value: 10, upTo: 10 },
] as const;

export type PainLevel = (typeof PAIN_FACES)[number]['level'];

export function painLevelOf(pain: number | undefined): PainLevel | undefined {
  if (pain === undefined) return undefined;
  return PAIN_FACES.find((face) => pain <= face.upTo)?.level;
}

export function painValueOf(level: string): number | undefined {
  return PAIN_FACES.find((face) => face.level === level)?.value;
}

/**
 * Whether "Advanced" is open when she has not chosen: only when she is surely 18 or older. We
 * know her birth year, not her birthday, so this year minus it must be at least 19; an unknown
 * age counts as under 18.
 */
export function advancedByDefault(birthYear: number | undefined, thisYear: number): boolean {
  return birthYear !== undefined && thisYear - birthYear >= 19;
}
