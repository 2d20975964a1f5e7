import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataProtection } from '../../platform/crypto/data-protection.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Role } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type Principal, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { AuditService } from '../audit/service.ts';
import type { AccessTokens } from '../auth/tokens.ts';
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

const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest();
const MAX_USER_AGENT = 200;

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
}) {
  const { repo, tokens, clock } = deps;
  const uaField = (sessionId: string) => ({ table: 'sessions', column: 'user_agent', rowId: sessionId });

  async function newRefreshToken(sessionId: string, at: Date, tx: Db): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await repo.insertRefreshToken(hashToken(token), sessionId, at, tx);
    return token;
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
      const refreshToken = await deps.db.transaction().execute(async (tx) => {
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
        return newRefreshToken(sessionId, now, tx);
      });
      const accessToken = await tokens.sign({ userId: user.id, sessionId, role: user.role });
      return { accessToken, refreshToken, expiresIn: tokens.lifetimeSeconds, sessionId, userId: user.id };
    },

    /**
     * Rotates a refresh token. Presenting a token that was already spent means someone else holds
     * a copy: the whole session is revoked, for the thief and the owner alike.
     */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<TokenPair> {
      const now = clock();
      const outcome = await deps.db.transaction().execute(async (tx) => {
        const spent = await repo.spendRefreshToken(hashToken(refreshToken), now, tx);
        if (spent.state !== 'fresh') return spent;
        const session = await repo.findById(spent.sessionId, tx);
        if (!session || session.revoked_at !== null || session.expires_at <= now)
          return { state: 'ended' as const };
        await repo.touch(session.id, now, tx);
        const next = await newRefreshToken(session.id, now, tx);
        return { state: 'rotated' as const, session, next };
      });
      if (outcome.state === 'unknown') throw new AppError('invalid_token', 'This refresh token is not valid');
      if (outcome.state === 'ended')
        throw new AppError('session_revoked', 'This session has ended; sign in again');
      if (outcome.state === 'spent') {
        const session = await repo.findById(outcome.sessionId);
        if (session)
          await repo.revokeForUser(session.user_id, 'refresh_token_reuse', now, { only: session.id });
        await deps.events.record({
          type: 'refresh_token_reuse',
          ...eventContext(ctx),
          subject: session?.user_id,
        });
        await deps.audit.record(
          { ...auditContextOf(ctx), actorId: null },
          {
            action: 'auth.refresh_reuse',
            outcome: 'denied',
            subjectId: session?.user_id ?? null,
            resource: 'session',
          },
        );
        throw new AppError(
          'session_revoked',
          'This refresh token was already used; the session has been ended',
        );
      }
      const live = await repo.findActive(outcome.session.id, now);
      if (!live) throw new AppError('session_revoked', 'This session has ended; sign in again');
      const accessToken = await tokens.sign({
        userId: live.userId,
        sessionId: live.sessionId,
        role: live.role,
      });
      return {
        accessToken,
        refreshToken: outcome.next,
        expiresIn: tokens.lifetimeSeconds,
        sessionId: live.sessionId,
        userId: live.userId,
      };
    },

    /** Resolves an access token to its caller; any token whose session is not live is refused. */
    async authenticate(accessToken: string): Promise<Principal> {
      const claims = await tokens.verify(accessToken);
      if (!claims) throw new AppError('invalid_token', 'The access token is not valid or has expired');
      const live = await repo.findActive(claims.sessionId, clock());
      if (!live || live.userId !== claims.userId) {
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
