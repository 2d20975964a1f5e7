/**
 * What a young woman may let a linked adult see, one scope per part of her data (this file
 * imports nothing, so the web bundle and the USSD menus can use it as it is). Her notes and every
 * word she typed herself are never a scope.
 */
export const CARE_SCOPES = ['prediction', 'periods', 'symptoms', 'flags', 'appointments'] as const;
export type CareScope = (typeof CARE_SCOPES)[number];

/** A new link shows the adult only when her next period is expected. */
export const DEFAULT_SCOPES: readonly CareScope[] = ['prediction'];

/**
 * The guardian who consented to the account of a girl under the consent age sees these, and she
 * cannot switch them off until that age: the adult answerable for her care agreed to her account
 * on the understanding that they would know when she may need help (decision 023).
 */
export const GUARDIAN_SCOPES: readonly CareScope[] = ['prediction', 'flags'];

/** Scopes without repeats, in the one order they are stored and sealed in. */
export function canonicalScopes(scopes: Iterable<string>): CareScope[] {
  const wanted = new Set(scopes);
  return CARE_SCOPES.filter((scope) => wanted.has(scope));
}
