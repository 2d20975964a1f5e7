import { BLIND_INDEX_VERSION, type BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import { type CredentialKind, isUnboundHash, type SecretHasher } from '../auth/secrets.ts';
import type { UpgradeRepo } from './repo.ts';

const BATCH = 500;

/**
 * Brings rows written by older versions up to date where that needs the server's keys (SQL
 * migrations never see them). Idempotent and safe on several instances at once: each step looks
 * at what is still in the old form and converts it to the same result whoever does it.
 */
export function createUpgradeService(deps: {
  repo: UpgradeRepo;
  hasher: SecretHasher;
  dataProtection: DataProtection;
  blindIndex: BlindIndex;
  clock: () => Date;
}) {
  const { repo, hasher } = deps;
  const seal = (userId: string, kind: CredentialKind, stored: string | null) =>
    stored !== null && isUnboundHash(stored) ? hasher.wrapLegacy(userId, kind, stored) : stored;

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

  return {
    async run(): Promise<{ credentials: number; guardianRecords: number; reindexed: number }> {
      const reindexed = await reindex();
      let credentials = 0;
      for (;;) {
        const rows = await repo.credentialsToSeal(BATCH);
        if (rows.length === 0) break;
        for (const row of rows) {
          await repo.sealCredentials(row.id, {
            password_hash: seal(row.id, 'password', row.password_hash),
            pin_hash: seal(row.id, 'pin', row.pin_hash),
          });
          credentials += 1;
        }
      }
      let guardianRecords = 0;
      for (;;) {
        const rows = await repo.clearGuardianRecords(BATCH);
        if (rows.length === 0) break;
        for (const row of rows) {
          const vault = await deps.dataProtection.vaultFor(row.user_id);
          const sealed = vault.seal(
            { table: 'consent_records', column: 'granted_by', rowId: row.id },
            JSON.stringify({ guardianId: row.granted_by, phone: null, channel: null }),
          );
          await repo.sealGuardianRecord(row.id, sealed);
          guardianRecords += 1;
        }
      }
      return { credentials, guardianRecords, reindexed };
    },
  };
}
export type UpgradeService = ReturnType<typeof createUpgradeService>;
