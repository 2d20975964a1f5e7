import type { Db } from '../../platform/db/database.ts';

export type StoredSession = {
  idHash: Uint8Array;
  state: Uint8Array;
  lastTextHash: Uint8Array | null;
  version: number;
  ended: boolean;
  updatedAt: Date;
  expiresAt: Date;
};

/**
 * USSD sessions are keyed by the gateway's session id AND the caller's number (both as keyed
 * HMACs): the same session id from another number is another session (decision 013).
 */
export function createUssdSessionRepo(db: Db) {
  const columns = [
    'id_hash',
    'state_enc',
    'last_text_hash',
    'version',
    'ended',
    'updated_at',
    'expires_at',
  ] as const;
  const toStored = (r: {
    id_hash: Uint8Array;
    state_enc: Uint8Array;
    last_text_hash: Uint8Array | null;
    version: number;
    ended: boolean;
    updated_at: Date;
    expires_at: Date;
  }): StoredSession => ({
    idHash: r.id_hash,
    state: r.state_enc,
    lastTextHash: r.last_text_hash,
    version: r.version,
    ended: r.ended,
    updatedAt: r.updated_at,
    expiresAt: r.expires_at,
  });

  return {
    async find(idHash: Uint8Array, phoneIndex: Uint8Array): Promise<StoredSession | undefined> {
      const row = await db
        .selectFrom('ussd_sessions')
        .select(columns)
        .where('id_hash', '=', idHash)
        .where('phone_bidx', '=', phoneIndex)
        .executeTakeFirst();
      return row && toStored(row);
    },

    /** The caller's latest session that did not end, if it moved after `since` (for resuming). */
    async latestOpenForPhone(phoneIndex: Uint8Array, since: Date): Promise<StoredSession | undefined> {
      const row = await db
        .selectFrom('ussd_sessions')
        .select(columns)
        .where('phone_bidx', '=', phoneIndex)
        .where('ended', '=', false)
        .where('updated_at', '>', since)
        .orderBy('updated_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toStored(row);
    },

    async create(s: {
      idHash: Uint8Array;
      phoneIndex: Uint8Array;
      state: Uint8Array;
      lastTextHash: Uint8Array;
      ended: boolean;
      at: Date;
      expiresAt: Date;
    }) {
      const result = await db
        .insertInto('ussd_sessions')
        .values({
          id_hash: s.idHash,
          phone_bidx: s.phoneIndex,
          state_enc: s.state,
          last_text_hash: s.lastTextHash,
          ended: s.ended,
          version: 0,
          updated_at: s.at,
          expires_at: s.expiresAt,
        })
        .onConflict((oc) => oc.columns(['id_hash', 'phone_bidx']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    /** Saves the next state only if nobody else did since it was read (optimistic concurrency). */
    async update(s: {
      idHash: Uint8Array;
      phoneIndex: Uint8Array;
      version: number;
      state: Uint8Array;
      lastTextHash: Uint8Array;
      ended: boolean;
      at: Date;
      expiresAt: Date;
    }) {
      const result = await db
        .updateTable('ussd_sessions')
        .set({
          state_enc: s.state,
          last_text_hash: s.lastTextHash,
          ended: s.ended,
          updated_at: s.at,
          expires_at: s.expiresAt,
          version: s.version + 1,
        })
        .where('id_hash', '=', s.idHash)
        .where('phone_bidx', '=', s.phoneIndex)
        .where('version', '=', s.version)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Ends one number's session, or (no number: the gateway's notification) every row of that id. */
    async markEnded(idHash: Uint8Array, phoneIndex?: Uint8Array): Promise<void> {
      let query = db.updateTable('ussd_sessions').set({ ended: true }).where('id_hash', '=', idHash);
      if (phoneIndex) query = query.where('phone_bidx', '=', phoneIndex);
      await query.execute();
    },
  };
}
export type UssdSessionRepo = ReturnType<typeof createUssdSessionRepo>;
