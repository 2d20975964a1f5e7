import { randomUUID } from 'node:crypto';
import type { AuditFields } from './chain.ts';
import { commitmentsFor, headMac, KEYED_CHAIN_VERSION, keyedHash } from './chain.ts';
import type { AuditRepo } from './repo.ts';
import { type KeptHead, type VerifyResult, verifyChain } from './verify.ts';

export type { KeptHead, VerifyResult } from './verify.ts';

/** Who acted, through which channel, in answer to which request. */
export type AuditContext = {
  actorId?: string | null;
  actorRole?: string | null;
  channel: string;
  requestId?: string | null;
};

export type AuditEvent = {
  action: string;
  outcome: AuditFields['outcome'];
  subjectId?: string | null;
  resource?: string | null;
};

/**
 * The tamper-evident audit trail (decision 012). `chainKey` is the server's HMAC key for the
 * chain (derived from a root secret outside the database); it never goes to the database.
 */
export function createAuditService(deps: { repo: AuditRepo; clock: () => Date; chainKey: Uint8Array }) {
  const key = deps.chainKey;
  return {
    async record(context: AuditContext, event: AuditEvent): Promise<void> {
      const fields: AuditFields = {
        id: randomUUID(),
        at: deps.clock(),
        actorId: context.actorId ?? null,
        actorRole: context.actorRole ?? null,
        action: event.action,
        subjectId: event.subjectId ?? null,
        resource: event.resource ?? null,
        outcome: event.outcome,
        channel: context.channel,
        requestId: context.requestId ?? null,
      };
      // Computed once, outside the head's lock; only the link needs the previous hash.
      const commitments = commitmentsFor(key, fields);
      await deps.repo.append((prevHash) => {
        const hash = keyedHash(key, prevHash, fields, commitments);
        return {
          row: {
            id: fields.id,
            at: fields.at,
            actor_id: fields.actorId,
            actor_role: fields.actorRole,
            action: fields.action,
            subject_id: fields.subjectId,
            resource: fields.resource,
            outcome: fields.outcome,
            channel: fields.channel,
            request_id: fields.requestId,
            chain_version: KEYED_CHAIN_VERSION,
            actor_commitment: commitments.actor,
            subject_commitment: commitments.subject,
            prev_hash: prevHash,
            hash,
          },
          headMac: headMac(key, hash),
        };
      });
    },

    /**
     * Erasure: her id leaves every audit row, as subject and as actor. The rows stay (what was
     * done, when, by which role) as tombstones whose commitments keep the chain verifiable.
     */
    async forgetSubject(userId: string): Promise<void> {
      await deps.repo.forgetSubject(userId);
    },

    /**
     * Walks the whole chain from the purge anchor to the head in one snapshot and reports the
     * first row that breaks it. `kept` is a head the operator copied earlier (see audit:verify).
     */
    verify(kept?: KeptHead): Promise<VerifyResult> {
      return deps.repo.inSnapshot((reader) => verifyChain(reader, key, kept));
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
