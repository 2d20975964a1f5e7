import { AppError } from '../../platform/http/errors.ts';
import { auditContextOf, type RequestContext } from '../../platform/request-context.ts';
import type { AuditService } from '../audit/service.ts';
import type { AuthService, SignedIn } from '../auth/service.ts';
import type { UserService } from '../users/service.ts';
import type { SessionHolder, SessionService } from './service.ts';

export type UnlockInput = { refreshToken: string; pin?: string | undefined; password?: string | undefined };

/**
 * The app lock's three acts from a screen that holds no access token, only the session's refresh
 * cookie (decision 019): lock now (quick exit), unlock with her PIN or password, and "Not you?
 * Sign out". Each is in her access log.
 */
export function createAppLockService(deps: {
  sessions: Pick<SessionService, 'actOnHolder' | 'refresh'>;
  auth: Pick<AuthService, 'verifyCurrentSecret'>;
  users: Pick<UserService, 'get'>;
  audit: AuditService;
}) {
  const { sessions, audit } = deps;
  const asHer = (ctx: RequestContext, holder: SessionHolder) => ({
    ...auditContextOf(ctx),
    actorId: holder.userId,
    actorRole: holder.role,
  });

  return {
    /** Locks the session now: a reload, a new tab or Back asks for her PIN or password. */
    async lock(refreshToken: string, ctx: RequestContext): Promise<void> {
      const holder = await sessions.actOnHolder(refreshToken, 'lock');
      await audit.record(asHer(ctx, holder), {
        action: 'session.lock',
        outcome: 'success',
        subjectId: holder.userId,
        resource: 'session',
      });
    },

    /**
     * Her PIN or password opens the session again, with a new token pair. Wrong answers are
     * counted on her account's one guess budget, as at sign-in: 5 lock the account for 15 minutes
     * on every channel, so the lock screen is no side door for guessing.
     */
    async unlock(input: UnlockInput, ctx: RequestContext): Promise<SignedIn> {
      if ((input.pin === undefined) === (input.password === undefined)) {
        throw new AppError('validation_failed', 'Give exactly one of pin or password', {
          errors: [{ field: 'body/pin', message: 'give exactly one of pin or password' }],
        });
      }
      const holder = await sessions.actOnHolder(input.refreshToken);
      const secret = { currentPin: input.pin, currentPassword: input.password };
      const { ok, locked } = await deps.auth.verifyCurrentSecret(holder.userId, secret, ctx);
      if (!ok) {
        // Whoever typed it is not known to be her: no actor, like a failed sign-in.
        const unknown = { ...auditContextOf(ctx), actorId: null };
        await audit.record(unknown, {
          action: 'session.unlock',
          outcome: 'failure',
          subjectId: holder.userId,
          resource: 'session',
        });
        if (locked) {
          await audit.record(unknown, {
            action: 'auth.lock',
            outcome: 'denied',
            subjectId: holder.userId,
            resource: 'session',
          });
        }
        throw new AppError('invalid_credentials', 'The PIN or password is not correct');
      }
      await sessions.actOnHolder(input.refreshToken, 'unlock');
      const pair = await sessions.refresh(input.refreshToken, ctx);
      await audit.record(asHer(ctx, holder), {
        action: 'session.unlock',
        outcome: 'success',
        subjectId: holder.userId,
        resource: 'session',
      });
      return { ...pair, user: await deps.users.get(pair.userId) };
    },

    /** "Not you? Sign out": ends the locked session without its PIN (nothing of hers is shown). */
    async signOut(refreshToken: string, ctx: RequestContext): Promise<void> {
      const holder = await sessions.actOnHolder(refreshToken, 'end');
      // Pressed at a locked screen: whoever did it is not known to be her.
      await audit.record(
        { ...auditContextOf(ctx), actorId: null },
        {
          action: 'auth.logout',
          outcome: 'success',
          subjectId: holder.userId,
          resource: 'session',
        },
      );
    },
  };
}
export type AppLockService = ReturnType<typeof createAppLockService>;
