import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A server-keyed MAC over the columns of a row that decide who may read someone's data (a care
 * link's people and scopes, a provider's verification, an appointment's provider and patient).
 * Someone who can write the database but holds no key cannot insert or widen such a row: its MAC
 * no longer matches, and the row is treated as absent. The key is a purpose key per table, so a
 * MAC of one kind of row never stands in for another.
 */
export function createRowSeal(key: Buffer) {
  const mac = (parts: ReadonlyArray<string | number | boolean | null>) =>
    createHmac('sha256', key)
      .update(parts.map((p) => (p === null ? '\u0001' : String(p))).join('\u0000'))
      .digest();
  return {
    seal: mac,
    intact(parts: ReadonlyArray<string | number | boolean | null>, stored: Uint8Array | null): boolean {
      if (!stored) return false;
      const expected = mac(parts);
      const given = Buffer.from(stored);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
export type RowSeal = ReturnType<typeof createRowSeal>;
