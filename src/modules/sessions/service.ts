import { randomUUID } from 'node:crypto';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Role } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type Principal, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { AuditService } from '../audit/service.ts';
import type { AccessTokens } from '../auth/tokens.ts';
import type { AccountSeal } from '../users/account-seal.ts';
import { type AppLock, createAppLock } from './app-lock.ts';
import { createRefreshTokenCodec, type RefreshToken } from './refresh-tokens.ts';
import { lockFactsOf, type SessionRepo } from './repo.ts';

export type TokenPair = {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
  userId: string;
};

export type SessionSummary = {
  id: string;
  channel: string;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
};

const MAX_USER_AGENT = 200;
/**
 * How long after a refresh token was spent the same token still gets the same successor (two
 * tabs, a retry after a lost answer on a slow network) instead of ending the session.
 */
export const REFRESH_GRACE_SECONDS = 30;

/** Whose live session a refresh token names (the lock screen holds no access token, only the cookie). */
export type SessionHolder = { userId: string; sessionId: string; role: Role };

type RefreshOutcome =
  | { state: 'unknown' }
  | { state: 'ended' }
  | { state: 'locked' }
  | { state: 'reused'; userId: string }
  | { state: 'rotated'; userId: string; sessionId: string; role: Role; next: RefreshToken };

export function createSessionService(deps: {
  db: Db;
  repo: SessionRepo;
  tokens: AccessTokens;
  dataProtection: DataProtection;
  audit: AuditService;
  clock: () => Date;
  sessionDays: number;
  /** A reused refresh token is a security event as well as an audit entry. */
  events: Pick<SecurityEvents, 'record'>;
  /** Checks the role and status a session acts with were set by the server (src/modules/users/account-seal.ts). */
  accountSeal: Pick<AccountSeal, 'intact'>;
  /** Keys stored refresh tokens; never in the database (derivePurposeKey(…, 'refresh-token:v1')). */
  refreshTokenKey: Uint8Array;
  /** When an idle web session locks (app-lock.ts); the real times unless a browser test shortens them. */
  appLock?: AppLock;
}) {
  const { repo, tokens, clock } = deps;
  const appLock = deps.appLock ?? createAppLock();
  const codec = createRefreshTokenCodec(deps.refreshTokenKey);
  const uaField = (sessionId: string) => ({ table: 'sessions', column: 'user_agent', rowId: sessionId });

  /**
   * A spent token is the same client asking again (two tabs, a retry after a lost answer) when it
   * comes back within the grace window and its successor is still unused; then it gets that
   * successor back. Any other spent token means someone else holds a copy.
   */
  async function isRetry(
    successor: RefreshToken,
    owner: { userId: string; sessionId: string },
    spentAt: Date,
    now: Date,
    tx: Db,
  ): Promise<boolean> {
    if (now.getTime() - spentAt.getTime() > REFRESH_GRACE_SECONDS * 1000) return false;
    const row = await repo.findRefreshToken(codec.storedValue(successor, owner.userId), owner.sessionId, tx);
    return row?.usedAt === null;
  }

  /**
   * A locked session's token is not spent (the lock screen still needs it to unlock), but a spent
   * one coming back is still a copy in someone else's hands and ends the session.
   */
  async function refuseLocked(
    presented: RefreshToken,
    owner: { userId: string; sessionId: string },
    firstLock: boolean,
    now: Date,
    tx: Db,
  ): Promise<RefreshOutcome> {
    const known = await repo.findRefreshToken(
      codec.storedValue(presented, owner.userId),
      owner.sessionId,
      tx,
    );
    if (!known) return { state: 'unknown' };
    const next = codec.successorOf(presented, owner.userId);
    if (known.usedAt !== null && !(await isRetry(next, owner, known.usedAt, now, tx))) {
      await repo.revokeForUser(owner.userId, 'refresh_token_reuse', now, { only: owner.sessionId }, tx);
      return { state: 'reused', userId: owner.userId };
    }
    // Kept, so that changing her lock minutes elsewhere cannot reopen a session that locked.
    if (firstLock) await repo.lock(owner.sessionId, now, tx);
    return { state: 'locked' };
  }

  /** Spends the token and issues its successor, in one transaction under the session's row lock. */
  function rotate(presented: RefreshToken, now: Date): Promise<RefreshOutcome> {
    return deps.db.transaction().execute(async (tx): Promise<RefreshOutcome> => {
      const session = await repo.lockForRefresh(presented.sessionId, tx);
      if (!session) return { state: 'unknown' };
      const owner = { userId: session.user_id, sessionId: session.id };
      const open = isOpen(session, now);
      if (open && appLock.isLocked(lockFactsOf(session), now)) {
        return refuseLocked(presented, owner, session.locked_at === null, now, tx);
      }
      const spent = await repo.spendRefreshToken(
        codec.storedValue(presented, owner.userId),
        owner.sessionId,
        now,
        tx,
      );
      if (spent.state === 'unknown') return { state: 'unknown' };
      const next = codec.successorOf(presented, owner.userId);
      if (spent.state === 'spent' && !(await isRetry(next, owner, spent.usedAt, now, tx))) {
        // Ended under the same lock: no refresh of this session can slip in between.
        await repo.revokeForUser(owner.userId, 'refresh_token_reuse', now, { only: owner.sessionId }, tx);
        return { state: 'reused', userId: owner.userId };
      }
      if (!open) return { state: 'ended' };
      if (spent.state === 'fresh') {
        await repo.insertRefreshToken(codec.storedValue(next, owner.userId), owner.sessionId, now, tx);
      }
      await repo.touch(owner.sessionId, now, tx);
      return { state: 'rotated', ...owner, role: session.role, next };
    });
  }

  /** A replayed refresh token (its session already ended) is a security event and audited. */
  async function reportReuse(userId: string, ctx: RequestContext) {
    await deps.events.record({ type: 'refresh_token_reuse', ...eventContext(ctx), subject: userId });
    await deps.audit.record(
      { ...auditContextOf(ctx), actorId: null },
      { action: 'auth.refresh_reuse', outcome: 'denied', subjectId: userId, resource: 'session' },
    );
  }

  return {
    /** Starts a session: an access token for minutes, a refresh token for the session's life. */
    async start(user: { id: string; role: Role }, ctx: RequestContext): Promise<TokenPair> {
      const channel = ctx.channel;
      if (channel === 'cli') throw new Error('command-line tools do not start sessions');
      const now = clock();
      const sessionId = randomUUID();
      const vault = await deps.dataProtection.vaultFor(user.id);
      const device = ctx.userAgent?.slice(0, MAX_USER_AGENT);
      const first = codec.issue(sessionId);
      await deps.db.transaction().execute(async (tx) => {
        await repo.insert(
          {
            id: sessionId,
            userId: user.id,
            channel,
            userAgentEnc: vault.sealOptional(uaField(sessionId), device),
            at: now,
            expiresAt: new Date(now.getTime() + deps.sessionDays * 86_400_000),
          },
          tx,
        );
        await repo.insertRefreshToken(codec.storedValue(first, user.id), sessionId, now, tx);
      });
      const accessToken = await tokens.sign({ userId: user.id, sessionId, role: user.role });
      return {
        accessToken,
        refreshToken: codec.format(first),
        expiresIn: tokens.lifetimeSeconds,
        sessionId,
        userId: user.id,
      };
    },

    /**
     * Rotates a refresh token (single use, with a short grace window for retries) and audits it
     * as her own act, so every refresh shows in her access log. A replayed token means someone
     * else holds a copy: the whole session ends, for the thief and the owner alike.
     */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<TokenPair> {
      const now = clock();
      const presented = codec.parse(refreshToken);
      const outcome: RefreshOutcome = presented ? await rotate(presented, now) : { state: 'unknown' };
      if (outcome.state === 'unknown') throw new AppError('invalid_token', 'This refresh token is not valid');
      if (outcome.state === 'ended')
        throw new AppError('session_revoked', 'This session has ended; sign in again');
      if (outcome.state === 'locked') throw locked();
      if (outcome.state === 'reused') {
        await reportReuse(outcome.userId, ctx);
        throw new AppError(
          'session_revoked',
          'This refresh token was already used; the session has been ended',
        );
      }
      const { userId, sessionId, role } = outcome;
      await deps.audit.record(
        { ...auditContextOf(ctx), actorId: userId, actorRole: role },
        { action: 'auth.refresh', outcome: 'success', subjectId: userId, resource: 'session' },
      );
      const accessToken = await tokens.sign({ userId, sessionId, role });
      return {
        accessToken,
        refreshToken: codec.format(outcome.next),
        expiresIn: tokens.lifetimeSeconds,
        sessionId,
        userId,
      };
    },

    /**
     * Resolves an access token to its caller; any token whose session is not live is refused, and
     * so is a locked one (idle past her minutes, or locked on purpose) until she unlocks it. Her
     * activity is written at most once a minute.
     */
    async authenticate(accessToken: string): Promise<Principal> {
      const claims = await tokens.verify(accessToken);
      if (!claims) throw new AppError('invalid_token', 'The access token is not valid or has expired');
      const now = clock();
      const live = await repo.findActive(claims.sessionId, now);
      // An account whose role or status was changed without the server's key is refused outright.
      if (!live || live.userId !== claims.userId || !deps.accountSeal.intact(live.account)) {
        throw new AppError('session_revoked', 'This session has ended; sign in again');
      }
      if (appLock.isLocked(live.lock, now)) {
        if (live.lock.lockedAt === null) await repo.lock(live.sessionId, now);
        throw locked();
      }
      if (appLock.shouldRecordActivity(live.lock, now)) await repo.touch(live.sessionId, now);
      // The role comes from the database, not the token, so a role change applies at once.
      return { userId: live.userId, sessionId: live.sessionId, role: live.role };
    },

    async list(principal: Principal): Promise<SessionSummary[]> {
      const vault = await deps.dataProtection.vaultFor(principal.userId);
      const rows = await repo.listLive(principal.userId, clock());
      return rows.map((s) => ({
        id: s.id,
        channel: s.channel,
        device: vault.openOptional(uaField(s.id), s.user_agent_enc),
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        current: s.id === principal.sessionId,
      }));
    },

    /** All her sessions, ended ones included, for her data export. */
    async history(userId: string) {
      const vault = await deps.dataProtection.vaultFor(userId);
      return (await repo.listAll(userId)).map((s) => ({
        id: s.id,
        channel: s.channel,
        device: vault.openOptional(uaField(s.id), s.user_agent_enc),
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        endedAt: s.revoked_at?.toISOString() ?? null,
        endReason: s.revoked_reason,
      }));
    },

    async revokeOne(principal: Principal, sessionId: string, ctx: RequestContext): Promise<void> {
      const ended = await repo.revokeForUser(principal.userId, 'revoked_by_user', clock(), {
        only: sessionId,
      });
      assertThat(ended > 0, 'not_found', 'No such active session');
      await deps.audit.record(auditContextOf(ctx), {
        action: 'session.revoke',
        outcome: 'success',
        subjectId: principal.userId,
        resource: 'session',
      });
    },

    /**
     * Acts on the live session a refresh token names without spending the token: the lock screen
     * holds only the cookie. `lock` locks it now (quick exit), `unlock` opens it (her PIN or
     * password was checked by the caller), `end` signs it out; with no action it only says whose
     * it is. Only the session's current token is taken, or one spent within the retry window
     * whose successor is unused: the same browser, whose refresh was cut short (the quick exit
     * leaves while a refresh is on its way, and the new cookie never arrives).
     */
    async actOnHolder(refreshToken: string, action?: 'lock' | 'unlock' | 'end'): Promise<SessionHolder> {
      const presented = codec.parse(refreshToken);
      if (!presented) throw new AppError('invalid_token', 'This refresh token is not valid');
      const now = clock();
      return deps.db.transaction().execute(async (tx) => {
        const session = await repo.lockForRefresh(presented.sessionId, tx);
        const owner = session && { userId: session.user_id, sessionId: session.id };
        const known =
          owner &&
          (await repo.findRefreshToken(codec.storedValue(presented, owner.userId), owner.sessionId, tx));
        const held =
          known &&
          owner &&
          (known.usedAt === null ||
            (await isRetry(codec.successorOf(presented, owner.userId), owner, known.usedAt, now, tx)));
        if (!session || !held) throw new AppError('invalid_token', 'This refresh token is not valid');
        if (!isOpen(session, now)) {
          throw new AppError('session_revoked', 'This session has ended; sign in again');
        }
        if (action === 'lock') await repo.lock(session.id, now, tx);
        if (action === 'unlock') await repo.unlock(session.id, now, tx);
        if (action === 'end') {
          await repo.revokeForUser(session.user_id, 'logout', now, { only: session.id }, tx);
        }
        return { userId: session.user_id, sessionId: session.id, role: session.role };
      });
    },

    /** Ends the caller's own session (logout): its access token stops working at once. */
    async end(principal: Principal, reason: string): Promise<void> {
      await repo.revokeForUser(principal.userId, reason, clock(), { only: principal.sessionId });
    },

    /** Ends every session of a user (optionally but the caller's own); used on credential and role changes. */
    async revokeAll(userId: string, reason: string, keepSessionId?: string): Promise<number> {
      return repo.revokeForUser(
        userId,
        reason,
        clock(),
        keepSessionId === undefined ? {} : { keep: keepSessionId },
      );
    },
  };
}
export type SessionService = ReturnType<typeof createSessionService>;

function isOpen(
  session: { revoked_at: Date | null; expires_at: Date; status: 'active' | 'deactivated' },
  now: Date,
): boolean {
  return session.revoked_at === null && session.expires_at > now && session.status === 'active';
}

function locked(): AppError {
  return new AppError('session_locked', 'This session is locked; unlock it with your PIN or password');
}
