import { createHash } from 'node:crypto';

export const GENESIS_HASH = Buffer.alloc(32);

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

/** hash = SHA-256(prev_hash || canonical JSON of the row): changing, removing or reordering a row breaks every later link. */
export function chainHash(prevHash: Uint8Array, e: AuditFields): Buffer {
  return createHash('sha256').update(prevHash).update(canonicalAuditRow(e), 'utf8').digest();
}

/** The exact text that is hashed for a row (the database hashes the same text when appending). */
export function canonicalAuditRow(e: AuditFields): string {
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
