import type { Db } from '../../platform/db/database.ts';
import type { Channel, Role, SessionRow } from '../../platform/db/tables.ts';
import type { LockFacts } from './app-lock.ts';

export type ActiveSession = {
  sessionId: string;
  userId: string;
  role: Role;
  /** What the account seal is checked against (role and status under the server's MAC). */
  account: { id: string; role: Role; status: 'active' | 'deactivated'; account_mac: Uint8Array | null };
  /** What the app lock decides on (app-lock.ts). */
  lock: LockFacts;
};

export function createSessionRepo(db: Db) {
  async function findRefreshToken(storedValue: Uint8Array, sessionId: string, tx: Db) {
    const row = await tx
      .selectFrom('refresh_tokens')
      .select('used_at')
      .where('token_hash', '=', storedValue)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return row && { usedAt: row.used_at };
  }

  return {
    async insert(
      session: {
        id: string;
        userId: string;
        channel: Channel;
        userAgentEnc: Uint8Array | null;
        at: Date;
        expiresAt: Date;
      },
      tx: Db = db,
    ): Promise<void> {
      await tx
        .insertInto('sessions')
        .values({
          id: session.id,
          user_id: session.userId,
          channel: session.channel,
          user_agent_enc: session.userAgentEnc,
          created_at: session.at,
          last_seen_at: session.at,
          expires_at: session.expiresAt,
        })
        .execute();
    },

    /** The session behind a token, only while it is live and its user is active. */
    async findActive(sessionId: string, now: Date): Promise<ActiveSession | undefined> {
      const row = await db
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.channel',
          'sessions.last_seen_at',
          'sessions.locked_at',
          'users.role',
          'users.status',
          'users.account_mac',
          'users.lock_minutes',
        ])
        .where('sessions.id', '=', sessionId)
        .where('sessions.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', now)
        .where('users.status', '=', 'active')
        .executeTakeFirst();
      return (
        row && {
          sessionId: row.id,
          userId: row.user_id,
          role: row.role,
          account: { id: row.user_id, role: row.role, status: row.status, account_mac: row.account_mac },
          lock: lockFactsOf(row),
        }
      );
    },

    async listLive(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('last_seen_at', 'desc')
        .execute();
    },

    /** Every session she has had, for her data export. */
    async listAll(userId: string): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
    },

    async touch(sessionId: string, now: Date, tx: Db = db): Promise<void> {
      await tx.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
    },

    /** Locks a live session (idle, or on purpose); the first lock's time is kept. */
    async lock(sessionId: string, now: Date, tx: Db = db): Promise<void> {
      await tx
        .updateTable('sessions')
        .set({ locked_at: now })
        .where('id', '=', sessionId)
        .where('locked_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute();
    },

    /** Her PIN or password was entered again: the session is open, and active as of now. */
    async unlock(sessionId: string, now: Date, tx: Db = db): Promise<void> {
      await tx
        .updateTable('sessions')
        .set({ locked_at: null, last_seen_at: now })
        .where('id', '=', sessionId)
        .execute();
    },

    /** Revokes sessions of a user; `keep` spares the caller's own session. Returns how many ended. */
    async revokeForUser(
      userId: string,
      reason: string,
      now: Date,
      opts: { only?: string; keep?: string } = {},
      tx: Db = db,
    ) {
      let query = tx
        .updateTable('sessions')
        .set({ revoked_at: now, revoked_reason: reason })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (opts.only !== undefined) query = query.where('id', '=', opts.only);
      if (opts.keep !== undefined) query = query.where('id', '<>', opts.keep);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /**
     * The session a refresh token names, with its owner's role and status, locked until the
     * transaction ends: every refresh of one session then runs after the other, so a retry racing
     * a rotation sees it finished (on PostgreSQL as on the single-connection embedded database).
     */
    async lockForRefresh(sessionId: string, tx: Db) {
      return tx
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id',
          'sessions.user_id',
          'sessions.revoked_at',
          'sessions.expires_at',
          'sessions.channel',
          'sessions.last_seen_at',
          'sessions.locked_at',
          'users.role',
          'users.status',
          'users.lock_minutes',
        ])
        .where('sessions.id', '=', sessionId)
        .forNoKeyUpdate('sessions')
        .executeTakeFirst();
    },

    async insertRefreshToken(
      storedValue: Uint8Array,
      sessionId: string,
      at: Date,
      tx: Db = db,
    ): Promise<void> {
      await tx
        .insertInto('refresh_tokens')
        .values({ token_hash: storedValue, session_id: sessionId, issued_at: at })
        .execute();
    },

    /**
     * Spends a refresh token of this session atomically. 'spent' means it was already used (a
     * retry, or a replay by someone holding a copy). Two concurrent uses cannot both succeed.
     */
    async spendRefreshToken(storedValue: Uint8Array, sessionId: string, now: Date, tx: Db) {
      const spent = await tx
        .updateTable('refresh_tokens')
        .set({ used_at: now })
        .where('token_hash', '=', storedValue)
        .where('session_id', '=', sessionId)
        .where('used_at', 'is', null)
        .returning('session_id')
        .executeTakeFirst();
      if (spent) return { state: 'fresh' as const };
      const known = await findRefreshToken(storedValue, sessionId, tx);
      return known?.usedAt
        ? { state: 'spent' as const, usedAt: known.usedAt }
        : { state: 'unknown' as const };
    },

    findRefreshToken,
  };
}
export type SessionRepo = ReturnType<typeof createSessionRepo>;

export function lockFactsOf(row: {
  channel: Channel;
  last_seen_at: Date;
  locked_at: Date | null;
  lock_minutes: number;
}): LockFacts {
  return {
    channel: row.channel,
    lastSeenAt: row.last_seen_at,
    lockedAt: row.locked_at,
    lockMinutes: row.lock_minutes,
  };
}
