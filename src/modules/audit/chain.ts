import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The link before the first row ever written. */
export const GENESIS_HASH = Buffer.alloc(32);

/** Rows written before migration 0008: SHA-256, no key. Verified, never written. */
export const LEGACY_CHAIN_VERSION = 1;
/** HMAC-SHA-256 under the chain key, ids replaced by commitments. */
export const KEYED_CHAIN_VERSION = 2;

export type AuditFields = {
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  subjectId: string | null;
  resource: string | null;
  outcome: 'success' | 'failure' | 'denied';
  channel: string;
  requestId: string | null;
};

/** What a keyed row stores in place of hashing its ids (null where the row names nobody). */
export type Commitments = { actor: Buffer | null; subject: Buffer | null };

// One key serves three uses; a leading byte keeps their inputs apart, so a value computed for one
// use can never pass for another.
const ROW = Buffer.from([1]);
const ID = Buffer.from([2]);
const HEAD = Buffer.from([3]);

/**
 * A keyed row's hash: HMAC(key, prev_hash || canonical row). Without the key, which never reaches
 * the database, nobody can recompute the links after removing or changing a row.
 */
export function keyedHash(key: Uint8Array, prevHash: Uint8Array, e: AuditFields, c: Commitments): Buffer {
  return createHmac('sha256', key)
    .update(ROW)
    .update(prevHash)
    .update(keyedCanonicalRow(e, c), 'utf8')
    .digest();
}

/**
 * Commits a row to one of its ids: HMAC(key, column, row id, user id). Different for every row,
 * so once the id is erased her rows cannot be linked to each other, while a present id can still
 * be checked against it.
 */
export function idCommitment(
  key: Uint8Array,
  column: 'actor' | 'subject',
  rowId: string,
  userId: string,
): Buffer {
  return createHmac('sha256', key)
    .update(ID)
    .update(`${column}\u0000${rowId}\u0000${userId}`, 'utf8')
    .digest();
}

export function commitmentsFor(key: Uint8Array, e: AuditFields): Commitments {
  return {
    actor: e.actorId === null ? null : idCommitment(key, 'actor', e.id, e.actorId),
    subject: e.subjectId === null ? null : idCommitment(key, 'subject', e.id, e.subjectId),
  };
}

/** The head's tag: proves the server itself made this hash the head (a writer cannot retarget it). */
export function headMac(key: Uint8Array, hash: Uint8Array): Buffer {
  return createHmac('sha256', key).update(HEAD).update(hash).digest();
}

/** The old format (chain_version 1): SHA-256(prev_hash || canonical JSON of the row, raw ids included). */
export function legacyHash(prevHash: Uint8Array, e: AuditFields): Buffer {
  return createHash('sha256').update(prevHash).update(legacyCanonicalRow(e), 'utf8').digest();
}

export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && timingSafeEqual(a, b);
}

function keyedCanonicalRow(e: AuditFields, c: Commitments): string {
  return JSON.stringify([
    KEYED_CHAIN_VERSION,
    e.id,
    e.at.toISOString(),
    c.actor?.toString('hex') ?? null,
    e.actorRole,
    e.action,
    c.subject?.toString('hex') ?? null,
    e.resource,
    e.outcome,
    e.channel,
    e.requestId,
  ]);
}

function legacyCanonicalRow(e: AuditFields): string {
  return JSON.stringify([
    e.id,
    e.at.toISOString(),
    e.actorId,
    e.actorRole,
    e.action,
    e.subjectId,
    e.resource,
    e.outcome,
    e.channel,
    e.requestId,
  ]);
}
