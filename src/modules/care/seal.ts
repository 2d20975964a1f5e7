import type { RowSeal } from '../../platform/crypto/row-seal.ts';
import type { CareLinkRow } from '../../platform/db/tables.ts';

type Sealed = Pick<
  CareLinkRow,
  'id' | 'child_id' | 'adult_id' | 'status' | 'awaiting_id' | 'origin' | 'scopes'
>;

/**
 * A care link lets an adult read parts of her data: its people, its state, who may still confirm
 * it, where it came from (a consenting guardian's link cannot be lowered) and its scopes are
 * trusted only under the server's MAC. Someone who can write the database cannot insert a link,
 * widen its scopes, activate it or make himself the one who confirms it.
 */
export function createLinkSeal(seal: RowSeal) {
  const parts = (row: Sealed) => [
    row.id,
    row.child_id,
    row.adult_id,
    row.status,
    row.awaiting_id,
    row.origin,
    row.scopes.join(','),
  ];
  return {
    seal: (row: Sealed) => seal.seal(parts(row)),
    intact: (row: Sealed & { row_mac: Uint8Array }) => seal.intact(parts(row), row.row_mac),
  };
}
export type LinkSeal = ReturnType<typeof createLinkSeal>;
