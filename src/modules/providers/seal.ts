import type { RowSeal } from '../../platform/crypto/row-seal.ts';
import type { ProviderProfileRow, ProviderStatus } from '../../platform/db/tables.ts';

/**
 * A provider's status is trusted only under the server's MAC: someone who can write the database
 * but holds no key cannot make a provider "verified" (and so listed, bookable, and able to read
 * the people who book).
 */
export function createProfileSeal(seal: RowSeal) {
  return {
    seal: (userId: string, status: ProviderStatus) => seal.seal([userId, status]),
    intact: (row: Pick<ProviderProfileRow, 'user_id' | 'status' | 'row_mac'>) =>
      seal.intact([row.user_id, row.status], row.row_mac),
  };
}
export type ProfileSeal = ReturnType<typeof createProfileSeal>;
