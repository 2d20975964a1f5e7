import { createHash } from 'node:crypto';
import { BLIND_INDEX_VERSION, type BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import { type CredentialKind, isUnboundHash, type SecretHasher } from '../auth/secrets.ts';
import type { AccountSeal } from '../users/account-seal.ts';
import type { UpgradeRepo } from './repo.ts';

const BATCH = 500;
const REFUSED_HASH = '$refused$';

/**
 * Brings rows written by older versions up to date where that needs the server's keys (SQL
 * migrations never see them). Idempotent and safe on several instances at once: each step looks
 * at what is still in the old form and converts it to the same result whoever does it.
 */
export function createUpgradeService(deps: {
  repo: UpgradeRepo;
  hasher: SecretHasher;
  dataProtection: DataProtection;
  accountSeal: AccountSeal;
  blindIndex: BlindIndex;
  clock: () => Date;
}) {
  const { repo, hasher } = deps;
  /**
   * Seals a pre-binding hash only if it is still the one the migration saw (its digest): a hash
   * planted between `db:migrate` and this start is dropped (that secret no longer signs in).
   */
  const seal = (userId: string, kind: CredentialKind, stored: string | null, digest: Uint8Array | null) => {
    if (stored === null || !isUnboundHash(stored)) return stored;
    const same =
      digest !== null && createHash('sha256').update(stored, 'utf8').digest().equals(Buffer.from(digest));
    // Never verifies (and keeps the row's "some secret is set" constraint): she recovers by SMS.
    return same ? hasher.wrapLegacy(userId, kind, stored) : REFUSED_HASH;
  };

  /**
   * Blind indexes under per-kind keys (issue 11, item 12): every stored phone/email index is
   * recomputed from the decrypted value. Deterministic, so instances doing it at once agree.
   */
  async function reindex(): Promise<number> {
    const name = `blind-index-${BLIND_INDEX_VERSION}`;
    if (await repo.isDone(name)) return 0;
    let after = '00000000-0000-0000-0000-000000000000';
    let count = 0;
    for (;;) {
      const rows = await repo.identifiersAfter(after, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        const vault = await deps.dataProtection.vaultFor(row.id);
        const index = (kind: 'phone' | 'email', column: string, sealed: Uint8Array | null) => {
          const value = vault.openOptional({ table: 'users', column, rowId: row.id }, sealed);
          return value === null ? null : deps.blindIndex(kind, value);
        };
        await repo.setIndexes(row.id, {
          phone_bidx: index('phone', 'phone', row.phone_enc),
          email_bidx: index('email', 'email', row.email_enc),
          phone_pending_bidx: index('phone', 'phone_pending', row.phone_pending_enc),
        });
        count += 1;
        after = row.id;
      }
    }
    await repo.dropTransientIndexed();
    await repo.markDone(name, deps.clock());
    return count;
  }

  /** Accounts from before issue 11 that migration 0013 listed: hashes sealed, role and status signed. */
  async function sealListedAccounts(): Promise<number> {
    let count = 0;
    for (;;) {
      const rows = await repo.credentialsToSeal(BATCH);
      if (rows.length === 0) return count;
      for (const row of rows) {
        const unchanged = row.role === row.listed_role && row.status === row.listed_status;
        await repo.sealCredentials(row.id, {
          password_hash: seal(row.id, 'password', row.password_hash, row.password_digest),
          pin_hash: seal(row.id, 'pin', row.pin_hash, row.pin_digest),
          // Role and status as the migration saw them; changed since, the account stays refused.
          account_mac: unchanged ? deps.accountSeal.seal(row.id, row.role, row.status) : null,
        });
        count += 1;
      }
    }
  }

  /** Consents that named the guardian in clear: sealed under her key. */
  async function sealGuardianRecords(): Promise<number> {
    let count = 0;
    for (;;) {
      const rows = await repo.clearGuardianRecords(BATCH);
      if (rows.length === 0) return count;
      for (const row of rows) {
        const vault = await deps.dataProtection.vaultFor(row.user_id);
        const sealed = vault.seal(
          { table: 'consent_records', column: 'granted_by', rowId: row.id },
          JSON.stringify({ guardianId: row.granted_by, phone: null, channel: null }),
        );
        await repo.sealGuardianRecord(row.id, sealed);
        count += 1;
      }
    }
  }

  return {
    async run(): Promise<{ credentials: number; guardianRecords: number; reindexed: number }> {
      const reindexed = await reindex();
      const credentials = await sealListedAccounts();
      const guardianRecords = await sealGuardianRecords();
      return { credentials, guardianRecords, reindexed };
    },
  };
}
export type UpgradeService = ReturnType<typeof createUpgradeService>;
