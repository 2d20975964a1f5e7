import { randomUUID } from 'node:crypto';
import type { AuditRow } from '../../platform/db/tables.ts';
import type { AuditFields } from './chain.ts';
import { chainHash, GENESIS_HASH } from './chain.ts';
import type { AuditRepo } from './repo.ts';

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

export type VerifyResult =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenAt: { seq: number; id: string; reason: string } };

export function createAuditService(deps: { repo: AuditRepo; clock: () => Date }) {
  return {
    async record(context: AuditContext, event: AuditEvent): Promise<void> {
      await deps.repo.append({
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
      });
    },

    /** Erasure: removes her id from every audit row (stub; the keyed-chain work implements it). */
    async forgetSubject(_userId: string): Promise<void> {},

    /**
     * Walks the chain from its first row and reports the first row whose stored hash does not
     * match its content and its predecessor. The first remaining row is the anchor: retention may
     * have removed older ones.
     */
    async verify(): Promise<VerifyResult> {
      let afterSeq = 0;
      let prevHash: Uint8Array | undefined;
      let rows = 0;
      for (;;) {
        const page = await deps.repo.page(afterSeq, 1000);
        if (page.length === 0) return { ok: true, rows };
        for (const row of page) {
          const expectedPrev = prevHash ?? (rows === 0 && row.seq === 1 ? GENESIS_HASH : row.prev_hash);
          const reason = checkLink(row, expectedPrev);
          if (reason) return { ok: false, rows, brokenAt: { seq: row.seq, id: row.id, reason } };
          prevHash = row.hash;
          rows += 1;
          afterSeq = row.seq;
        }
      }
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

function checkLink(row: AuditRow, expectedPrev: Uint8Array): string | undefined {
  if (!Buffer.from(row.prev_hash).equals(Buffer.from(expectedPrev))) {
    return 'does not link to the row before it (a row was removed or changed)';
  }
  const fields: AuditFields = {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    subjectId: row.subject_id,
    resource: row.resource,
    outcome: row.outcome,
    channel: row.channel,
    requestId: row.request_id,
  };
  if (!chainHash(expectedPrev, fields).equals(Buffer.from(row.hash))) {
    return 'its content does not match its hash (the row was altered)';
  }
  return undefined;
}
