/**
 * What this phone keeps for the offline app, in one place (localStorage in the browser, a Map in
 * tests). Kept small on purpose — a shared phone: her account id, first name, role, language and
 * time zone; her last prediction; what she saved with no connection and has not been sent yet.
 * No phone number, email, token or password. clearOfflineData() (device.ts) removes all of it.
 */
export type KeyValueStore = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
};

/** The last signed-in young woman on this phone and her last prediction. */
export const DEVICE_KEY = 'le.device.v1';
/** Day logs and "period started" saved with no connection, oldest first, and refused ones. */
export const OUTBOX_KEY = 'le.outbox.v1';
/** Whether the day log's "Advanced" part is open (daylog/advanced-choice.ts); no account id in it. */
export const ADVANCED_KEY = 'le.daylog.advanced';
export const ALL_KEYS = [DEVICE_KEY, OUTBOX_KEY, ADVANCED_KEY] as const;

export function readJson<T>(store: KeyValueStore, key: string): T | null {
  try {
    const text = store.getItem(key);
    return text === null ? null : (JSON.parse(text) as T);
  } catch {
    // Unreadable (another version's format, storage blocked): as if nothing were kept.
    return null;
  }
}

/** False when the browser refuses to store (private mode, full): the app works on, online only. */
export function writeJson(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKeys(store: KeyValueStore, keys: readonly string[]): void {
  for (const key of keys) {
    try {
      store.removeItem(key);
    } catch {
      // Storage blocked: there is nothing kept either.
    }
  }
}

/** A store in memory, for tests and for browsers that refuse localStorage. */
export function memoryStore(): KeyValueStore & { keys(): string[] } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}
