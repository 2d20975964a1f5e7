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
import { createRefreshTokenCodec, type RefreshToken } from './refresh-tokens.ts';
import type { SessionRepo } from './repo.ts';

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

type RefreshOutcome =
  | { state: 'unknown' }
  | { state: 'ended' }
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
}) {
  const { repo, tokens, clock } = deps;
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

  /** Spends the token and issues its successor, in one transaction under the session's row lock. */
  function rotate(presented: RefreshToken, now: Date): Promise<RefreshOutcome> {
    return deps.db.transaction().execute(async (tx): Promise<RefreshOutcome> => {
      const session = await repo.lockForRefresh(presented.sessionId, tx);
      if (!session) return { state: 'unknown' };
      const owner = { userId: session.user_id, sessionId: session.id };
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
      const live = session.revoked_at === null && session.expires_at > now && session.status === 'active';
      if (!live) return { state: 'ended' };
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

    /** Resolves an access token to its caller; any token whose session is not live is refused. */
    async authenticate(accessToken: string): Promise<Principal> {
      const claims = await tokens.verify(accessToken);
      if (!claims) throw new AppError('invalid_token', 'The access token is not valid or has expired');
      const live = await repo.findActive(claims.sessionId, clock());
      // An account whose role or status was changed without the server's key is refused outright.
      if (!live || live.userId !== claims.userId || !deps.accountSeal.intact(live.account)) {
        throw new AppError('session_revoked', 'This session has ended; sign in again');
      }
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
