/*
 * "Advanced" open or folded is her choice, kept in this browser's storage under her account id
 * (no health data in it): a shared phone keeps each girl's own choice.
 */
const ADVANCED_KEY = 'le.daylog.advanced.';

/** Her choice, or undefined when she has not made one here. */
export function rememberedAdvanced(userId: string): boolean | undefined {
  try {
    const stored = localStorage.getItem(ADVANCED_KEY + userId);
    return stored === null ? undefined : stored === '1';
  } catch {
    return undefined;
  }
}

export function rememberAdvanced(userId: string, open: boolean): void {
  try {
    localStorage.setItem(ADVANCED_KEY + userId, open ? '1' : '0');
  } catch {
    // Storage refused (private mode, full): the choice lasts until the page closes.
  }
}
