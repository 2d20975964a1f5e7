import { open, seal } from './aead.ts';

export type WrappedKey = { masterKeyId: string; wrapped: Buffer };

export type KeyRing = {
  readonly activeId: string;
  /** For keys derived from the master key (short-lived USSD session state). */
  readonly activeKey: Buffer;
  wrap(userId: string, dataKey: Uint8Array): WrappedKey;
  unwrap(userId: string, masterKeyId: string, wrapped: Uint8Array): Buffer;
  has(masterKeyId: string): boolean;
};

/** Master keys wrap per-user data keys; the associated data binds a wrapped key to its owner. */
export function createKeyRing(masterKeys: Map<string, Buffer>, activeId: string): KeyRing {
  const active = masterKeys.get(activeId);
  if (!active) throw new Error(`active master key ${activeId} is not in the key ring`);
  const context = (userId: string) => `le:data-key:v1:${userId}`;
  return {
    activeId,
    activeKey: active,
    wrap(userId, dataKey) {
      return { masterKeyId: activeId, wrapped: seal(active, dataKey, context(userId)) };
    },
    unwrap(userId, masterKeyId, wrapped) {
      const master = masterKeys.get(masterKeyId);
      if (!master)
        throw new Error(
          `master key ${masterKeyId} is not configured; data keys wrapped by it are unreadable`,
        );
      return open(master, wrapped, context(userId));
    },
    has: (id) => masterKeys.has(id),
  };
}
