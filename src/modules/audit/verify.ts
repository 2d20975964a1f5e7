import type { AuditAnchorRow, AuditHeadRow, AuditRow } from '../../platform/db/tables.ts';
import {
  type AuditFields,
  headMac,
  idCommitment,
  KEYED_CHAIN_VERSION,
  keyedHash,
  LEGACY_CHAIN_VERSION,
  legacyHash,
  sameBytes,
} from './chain.ts';
import type { ChainReader } from './repo.ts';

/** A head the operator copied somewhere the database's writers cannot reach: seq and hash start (hex). */
export type KeptHead = { seq: number; hashPrefix: string };

export type ChainSummary = {
  /** Rows verified (before the broken one, when broken). */
  rows: number;
  /** Of those, rows in the old unkeyed format (written before migration 0008). */
  legacyRows: number;
  /** Ids erasure removed from rows that still verify (tombstones). */
  erasedIds: number;
  /** The database's head: the last row's seq and hash (hex). */
  head: { seq: number; hash: string };
  /** The last row purge_audit_log() removed (0: none). */
  purgedThrough: number;
  /** What became of the head the operator kept: still in the chain, purged since, or not asked. */
  kept: 'found' | 'purged' | null;
};

export type VerifyResult = ({ ok: true } & ChainSummary) | ({ ok: false; brokenAt: Broken } & ChainSummary);

/** The first row that breaks the chain (id null: the row is missing). */
export type Broken = { seq: number; id: string | null; reason: string };

const PAGE = 1000;

type Chain = { head: AuditHeadRow; anchor: AuditAnchorRow; key: Uint8Array; kept: KeptHead | undefined };
/** Where the walk has got to: the last row verified and its hash. */
type Walk = { prev: Uint8Array; last: AuditRow | undefined };

/**
 * Checks, in order: no row before the purge anchor; the first row links to the anchor (or to the
 * genesis hash); every row is in the format its seq requires, links to the row before it and
 * matches its hash; the last row is the head, whose tag is the server's; and the head the
 * operator kept, if given, is still in the chain.
 */
export async function verifyChain(
  reader: ChainReader,
  key: Uint8Array,
  kept?: KeptHead,
): Promise<VerifyResult> {
  const { head, anchor } = await reader.state();
  const chain: Chain = { head, anchor, key, kept };
  const summary: ChainSummary = {
    rows: 0,
    legacyRows: 0,
    erasedIds: 0,
    head: { seq: head.seq, hash: hex(head.hash) },
    purgedThrough: anchor.purged_seq,
    kept: null,
  };
  const walk: Walk = { prev: anchor.purged_hash, last: undefined };
  const brokenAt =
    (await walkRows(reader, chain, summary, walk)) ?? checkHead(chain, walk) ?? checkKeptHead(chain, summary);
  return brokenAt ? { ok: false, brokenAt, ...summary } : { ok: true, ...summary };
}

async function walkRows(
  reader: ChainReader,
  chain: Chain,
  summary: ChainSummary,
  walk: Walk,
): Promise<Broken | undefined> {
  for (let afterSeq = 0; ; ) {
    const page = await reader.page(afterSeq, PAGE);
    if (page.length === 0) return undefined;
    for (const row of page) {
      const reason = checkRowInChain(row, chain, walk, summary);
      if (reason) return { seq: row.seq, id: row.id, reason };
      walk.prev = row.hash;
      walk.last = row;
      afterSeq = row.seq;
      summary.rows += 1;
    }
  }
}

function checkRowInChain(row: AuditRow, chain: Chain, walk: Walk, summary: ChainSummary): string | undefined {
  const { head, kept } = chain;
  if (row.seq > head.seq) return `comes after the head (seq=${head.seq}): the head was moved back`;
  const reason = checkRow(row, walk.prev, walk.last === undefined, chain.anchor, chain.key, summary);
  if (reason || !kept || row.seq !== kept.seq) return reason;
  if (!hex(row.hash).startsWith(kept.hashPrefix)) {
    return `is not the head you kept (hash ${kept.hashPrefix}…): the chain was rebuilt`;
  }
  summary.kept = 'found';
  return undefined;
}

/** The chain must end exactly at the head, and the head must carry the server's tag. */
function checkHead({ head, anchor, key }: Chain, walk: Walk): Broken | undefined {
  const lastSeq = walk.last?.seq ?? anchor.purged_seq;
  const lastId = walk.last?.id ?? null;
  if (lastSeq < head.seq) {
    return {
      seq: head.seq,
      id: null,
      reason: `is missing: the chain ends at seq=${lastSeq}, the head names seq=${head.seq} (the newest rows were deleted)`,
    };
  }
  if (lastSeq > head.seq) {
    return {
      seq: lastSeq,
      id: lastId,
      reason: `lies beyond the head (seq=${head.seq}): the head was moved back`,
    };
  }
  if (!sameBytes(walk.prev, head.hash)) {
    return {
      seq: head.seq,
      id: lastId,
      reason: "is the last row but does not match the head's hash (one of them was changed)",
    };
  }
  // Before the first keyed row the head has no tag yet (migration 0008 could not make one).
  const tagRequired = head.mac !== null || head.seq > anchor.legacy_until_seq;
  if (tagRequired && (head.mac === null || !sameBytes(head.mac, headMac(key, head.hash)))) {
    return {
      seq: head.seq,
      id: lastId,
      reason: "is the head, but the head's tag was not made with the server's key (the head was rewritten)",
    };
  }
  return undefined;
}

/** A head kept outside the database that the walk did not meet: purged since, or gone. */
function checkKeptHead({ head, anchor, kept }: Chain, summary: ChainSummary): Broken | undefined {
  if (!kept || summary.kept !== null) return undefined;
  // No row to meet (an empty chain, or every row purged): the head itself is the kept one.
  if (kept.seq === head.seq && hex(head.hash).startsWith(kept.hashPrefix)) {
    summary.kept = 'found';
    return undefined;
  }
  const purgedAsKept = kept.seq === anchor.purged_seq && hex(anchor.purged_hash).startsWith(kept.hashPrefix);
  if (kept.seq < anchor.purged_seq || purgedAsKept) {
    summary.kept = 'purged';
    return undefined;
  }
  return {
    seq: kept.seq,
    id: null,
    reason:
      kept.seq > head.seq
        ? `is the head you kept, newer than the database's head (seq=${head.seq}): rows were deleted and the head moved back`
        : 'is the head you kept, no longer in the chain (rows were deleted and the chain rebuilt)',
  };
}

function checkRow(
  row: AuditRow,
  expectedPrev: Uint8Array,
  first: boolean,
  anchor: AuditAnchorRow,
  key: Uint8Array,
  counts: ChainSummary,
): string | undefined {
  if (row.seq <= anchor.purged_seq) {
    return `lies before the purge anchor (seq=${anchor.purged_seq}): it was put back, or the anchor was moved`;
  }
  const expected = row.seq <= anchor.legacy_until_seq ? LEGACY_CHAIN_VERSION : KEYED_CHAIN_VERSION;
  if (row.chain_version !== expected) {
    return expected === KEYED_CHAIN_VERSION
      ? `is in the old unkeyed format, but every row after seq=${anchor.legacy_until_seq} is keyed (the row was rewritten)`
      : `is keyed, but rows up to seq=${anchor.legacy_until_seq} were written in the old format`;
  }
  if (!sameBytes(row.prev_hash, expectedPrev)) {
    if (!first) return 'does not link to the row before it (a row was removed or changed)';
    return anchor.purged_seq === 0
      ? 'does not link to the start of the chain (older rows were deleted)'
      : `does not link to the last purged row (seq=${anchor.purged_seq}): older rows were deleted outside purge_audit_log()`;
  }
  return expected === KEYED_CHAIN_VERSION ? checkKeyed(row, key, counts) : checkLegacy(row, counts);
}

/** A keyed row: each present id matches its commitment, an absent one may leave a commitment (erasure). */
function checkKeyed(row: AuditRow, key: Uint8Array, counts: ChainSummary): string | undefined {
  const ids = [
    ['actor', row.actor_id, row.actor_commitment],
    ['subject', row.subject_id, row.subject_commitment],
  ] as const;
  for (const [column, id, commitment] of ids) {
    if (id !== null) {
      if (commitment === null || !sameBytes(commitment, idCommitment(key, column, row.id, id))) {
        return `its ${column} id is not the one the chain committed to (the id was changed)`;
      }
    } else if (commitment !== null) {
      counts.erasedIds += 1;
    }
  }
  const commitments = {
    actor: bufferOrNull(row.actor_commitment),
    subject: bufferOrNull(row.subject_commitment),
  };
  if (!sameBytes(keyedHash(key, row.prev_hash, fieldsOf(row), commitments), row.hash)) {
    return "its content does not match its hash (the row was altered, or written without the server's key)";
  }
  return undefined;
}

/**
 * An old-format row: SHA-256 over its raw ids. Where erasure removed an id (an empty commitment
 * marks it) the row's content can no longer be rehashed; its links to its neighbours are still
 * checked, and the first keyed row commits to the last old hash.
 */
function checkLegacy(row: AuditRow, counts: ChainSummary): string | undefined {
  counts.legacyRows += 1;
  let erased = false;
  for (const [column, id, marker] of [
    ['actor', row.actor_id, row.actor_commitment],
    ['subject', row.subject_id, row.subject_commitment],
  ] as const) {
    if (marker === null) continue;
    if (marker.length > 0 || id !== null)
      return `its ${column} id has a commitment, which old-format rows never have`;
    erased = true;
    counts.erasedIds += 1;
  }
  if (erased) return undefined;
  if (!sameBytes(legacyHash(row.prev_hash, fieldsOf(row)), row.hash)) {
    return 'its content does not match its hash (the row was altered)';
  }
  return undefined;
}

function fieldsOf(row: AuditRow): AuditFields {
  return {
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
}

function bufferOrNull(bytes: Uint8Array | null): Buffer | null {
  return bytes === null ? null : Buffer.from(bytes);
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
