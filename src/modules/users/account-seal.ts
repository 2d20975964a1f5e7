import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../platform/db/tables.ts';

type Status = 'active' | 'deactivated';

/**
 * A server-keyed MAC over the columns that decide what an account may do (its role and status),
 * bound to its id. Someone who can write the database but holds no key cannot make his account an
 * admin, or bring back a deactivated one: the MAC no longer matches and the account is refused.
 */
export function createAccountSeal(key: Buffer) {
  const mac = (id: string, role: Role, status: Status) =>
    createHmac('sha256', key).update(`${id}\u0000${role}\u0000${status}`).digest();
  return {
    seal: mac,
    intact(row: { id: string; role: Role; status: Status; account_mac: Uint8Array | null }): boolean {
      if (!row.account_mac) return false;
      const stored = Buffer.from(row.account_mac);
      const expected = mac(row.id, row.role, row.status);
      return stored.length === expected.length && timingSafeEqual(stored, expected);
    },
  };
}
export type AccountSeal = ReturnType<typeof createAccountSeal>;
