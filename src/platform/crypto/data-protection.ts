import { createHmac, hkdfSync } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { generateKey, open, seal } from './aead.ts';
import type { DataKeyRepo } from './data-key-repo.ts';
import type { KeyRing } from './key-ring.ts';

/** Where a ciphertext lives; bound into it as associated data. */
export type FieldContext = { table: string; column: string; rowId: string };

/** Encrypts and decrypts one user's fields with that user's data key. */
export type UserVault = {
  readonly userId: string;
  seal(context: FieldContext, value: string): Buffer;
  open(context: FieldContext, sealed: Uint8Array): string;
  sealOptional(context: FieldContext, value: string | null | undefined): Buffer | null;
  openOptional(context: FieldContext, sealed: Uint8Array | null): string | null;
  /**
   * A keyed index of one of her values (e.g. a calendar date), so a row can be found without
   * storing the value in clear. The key derives from her data key: erased with it.
   */
  index(purpose: string, value: string): Buffer;
};

export type DataProtection = {
  /** A fresh data key for a new user: seal the user's fields with `vault`, then `save` it with the user row. */
  newUserKey(userId: string): { vault: UserVault; save(at: Date, tx: Db): Promise<void> };
  /** Opens the vault of an existing user; throws NoDataKeyError once the key is destroyed. */
  vaultFor(userId: string, tx?: Db): Promise<UserVault>;
  /** Crypto-shredding: destroys her data key in the key store. */
  destroyUserKey(userId: string): Promise<void>;
  /** Re-wraps every data key under the active master key. Data rows are not touched. */
  rewrapAll(at: Date): Promise<{ rewrapped: number }>;
};

export class NoDataKeyError extends Error {}

const associatedData = (userId: string, c: FieldContext) =>
  `le:field:v1:${c.table}.${c.column}:${c.rowId}:${userId}`;

export function createDataProtection(deps: { keyRing: KeyRing; repo: DataKeyRepo }): DataProtection {
  const { keyRing, repo } = deps;

  function vault(userId: string, key: Buffer): UserVault {
    const indexKeys = new Map<string, Buffer>();
    const indexKey = (purpose: string) => {
      let k = indexKeys.get(purpose);
      if (!k) {
        k = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `le:index:v1:${purpose}`, 32));
        indexKeys.set(purpose, k);
      }
      return k;
    };
    const v: UserVault = {
      userId,
      seal: (c, value) => seal(key, Buffer.from(value, 'utf8'), associatedData(userId, c)),
      open: (c, sealed) => open(key, sealed, associatedData(userId, c)).toString('utf8'),
      sealOptional: (c, value) => (value === null || value === undefined ? null : v.seal(c, value)),
      openOptional: (c, sealed) => (sealed === null ? null : v.open(c, sealed)),
      index: (purpose, value) => createHmac('sha256', indexKey(purpose)).update(value, 'utf8').digest(),
    };
    return v;
  }

  return {
    newUserKey(userId) {
      const key = generateKey();
      const { masterKeyId, wrapped } = keyRing.wrap(userId, key);
      return {
        vault: vault(userId, key),
        save: (at, tx) => repo.insert({ userId, masterKeyId, wrappedKey: wrapped }, at, tx),
      };
    },

    async vaultFor(userId, tx) {
      const record = await repo.find(userId, tx);
      if (!record) throw new NoDataKeyError(`no data key for user ${userId}`);
      return vault(userId, keyRing.unwrap(userId, record.masterKeyId, record.wrappedKey));
    },

    destroyUserKey: (userId) => repo.delete(userId),

    async rewrapAll(at) {
      let rewrapped = 0;
      for (;;) {
        const batch = await repo.listNotWrappedBy(keyRing.activeId, 500);
        if (batch.length === 0) return { rewrapped };
        for (const record of batch) {
          const key = keyRing.unwrap(record.userId, record.masterKeyId, record.wrappedKey);
          const next = keyRing.wrap(record.userId, key);
          const done = await repo.rewrap(
            { userId: record.userId, masterKeyId: next.masterKeyId, wrappedKey: next.wrapped },
            record.masterKeyId,
            at,
          );
          if (done) rewrapped += 1;
        }
      }
    },
  };
}
