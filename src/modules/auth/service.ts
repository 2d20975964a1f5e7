import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { Role } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type Principal, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { AuditService } from '../audit/service.ts';
import type { SessionService, TokenPair } from '../sessions/service.ts';
import { classifyIdentifier, credentialFingerprint } from '../users/identifiers.ts';
import type { UserRepo } from '../users/repo.ts';
import type { NewAccount, PublicUser, UserService } from '../users/service.ts';
import { type Attempt, type LoginThrottle, USSD_PIN_POLICY } from './login-throttle.ts';
import { checkPassword, checkPin, personalWords, type SecretHasher } from './secrets.ts';

export type Credentials = { identifier: string; password?: string | undefined; pin?: string | undefined };
export type SignedIn = TokenPair & { user: PublicUser };
export type CurrentSecret = { currentPassword?: string | undefined; currentPin?: string | undefined };
/** Whose credentials change, and which of their sessions survives (the caller's own, if any). */
export type CredentialOwner = { userId: string; keepSessionId?: string | undefined };
export type PinCheck =
  | { outcome: 'ok'; user: { id: string; role: Role; timeZone: string; credentials: string } }
  | { outcome: 'wrong'; triesLeft: number }
  | { outcome: 'locked'; retryAfterSeconds: number }
  | { outcome: 'unknown' | 'deactivated' };

export function createAuthService(deps: {
  users: UserService;
  userRepo: UserRepo;
  sessions: SessionService;
  throttle: LoginThrottle;
  hasher: SecretHasher;
  blindIndex: BlindIndex;
  audit: AuditService;
  /** Failed and locked sign-ins are security events (counted per IP, alerting on thresholds). */
  events: Pick<SecurityEvents, 'record'>;
  clock: () => Date;
}) {
  const { users, sessions, throttle, hasher, audit, events } = deps;

  /** Her current password or PIN, re-entered while signed in: counted like a login, per account. */
  async function verifyCurrentSecret(userId: string, secret: CurrentSecret, ctx: RequestContext) {
    const row = await users.findRow(userId);
    assertThat(row, 'not_found', 'No such account');
    const given = exactlyOne(secret.currentPassword, secret.currentPin, 'currentPassword', 'currentPin');
    const keys = throttle.keysForAccount(userId);
    const attempt = await throttle.begin(keys);
    const stored = secret.currentPassword !== undefined ? row.password_hash : row.pin_hash;
    const ok =
      secret.currentPassword !== undefined
        ? await hasher.verify(stored, given)
        : await hasher.verifyPin(stored, given);
    if (ok) await throttle.succeed(keys);
    else {
      const { locked } = await throttle.fail(keys, attempt);
      await events.record({ type: 'credential_failed', ...eventContext(ctx), subject: userId });
      if (locked) await events.record({ type: 'account_locked', ...eventContext(ctx), subject: userId });
    }
    return { row, ok };
  }

  /** A failed sign-in is audited and is a security event; so is the lock it may have set. */
  async function recordFailedSignIn(
    ctx: RequestContext,
    failure: { tried: string; subjectId: string | null; resource: 'session' | 'pin'; locked: boolean },
  ): Promise<void> {
    const { tried, subjectId, resource, locked } = failure;
    const context = { ...auditContextOf(ctx), actorId: null };
    await events.record({ type: 'login_failed', ...eventContext(ctx), subject: tried });
    await audit.record(context, { action: 'auth.login', outcome: 'failure', subjectId, resource });
    if (!locked) return;
    const type = resource === 'pin' ? 'pin_locked' : 'account_locked';
    await events.record({ type, ...eventContext(ctx), subject: tried });
    await audit.record(context, { action: 'auth.lock', outcome: 'denied', subjectId, resource });
  }

  return {
    /** Self-registration (adolescent or parent) followed by a first session. */
    async register(input: NewAccount, ctx: RequestContext): Promise<SignedIn> {
      assertThat(
        input.role === 'adolescent' || input.role === 'parent',
        'forbidden',
        'Only young women and parents register themselves',
      );
      const user = await users.create(input, ctx);
      const tokens = await sessions.start(user, ctx);
      return { ...tokens, user };
    },

    /**
     * One answer for every failure (unknown account, wrong secret, deactivated account, no PIN
     * set), equally slow, so the login form cannot be used to learn who has an account.
     */
    async login(credentials: Credentials, ctx: RequestContext): Promise<SignedIn> {
      const secret = exactlyOne(credentials.password, credentials.pin, 'password', 'pin');
      const identifier = classifyIdentifier(credentials.identifier);
      // Also the security event's subject (known account or not), so stuffing many accounts shows.
      const tried = identifier?.value ?? credentials.identifier.trim().toLowerCase();
      const keys = throttle.keysFor(tried, ctx.ip);
      const attempt = await throttle.begin(keys);

      const row = identifier
        ? await deps.userRepo.findByBlindIndex(
            identifier.kind,
            deps.blindIndex(identifier.kind, identifier.value),
          )
        : undefined;
      const stored = credentials.password !== undefined ? row?.password_hash : row?.pin_hash;
      const matches =
        credentials.password !== undefined
          ? await hasher.verify(stored, secret)
          : await hasher.verifyPin(stored, secret);
      if (!row || !matches || row.status !== 'active') {
        const { locked } = await throttle.fail(keys, attempt);
        await recordFailedSignIn(ctx, { tried, subjectId: row?.id ?? null, resource: 'session', locked });
        throw new AppError('invalid_credentials');
      }
      await throttle.succeed(keys);
      const tokens = await sessions.start(row, ctx);
      await audit.record(
        { ...auditContextOf(ctx), actorId: row.id, actorRole: row.role },
        { action: 'auth.login', outcome: 'success', subjectId: row.id, resource: 'session' },
      );
      return { ...tokens, user: await users.get(row.id) };
    },

    /**
     * The phone channel's sign-in: the operator vouches for the number, the PIN is checked here.
     * Wrong PINs are counted per phone number (5 → 15-minute lock, shared by every instance) and
     * each failure is audited.
     */
    async verifyPhonePin(phone: string, pin: string, ctx: RequestContext): Promise<PinCheck> {
      const keys = throttle.keysForPhone(phone);
      let attempt: Attempt;
      try {
        attempt = await throttle.begin(keys);
      } catch (error) {
        if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
          return { outcome: 'locked', retryAfterSeconds: error.retryAfterSeconds };
        }
        throw error;
      }
      const row = await deps.userRepo.findByBlindIndex('phone', deps.blindIndex('phone', phone));
      const matches = await hasher.verifyPin(row?.pin_hash, pin);
      if (!row || !matches) {
        const { locked, failures } = await throttle.fail(keys, attempt);
        await recordFailedSignIn(ctx, { tried: phone, subjectId: row?.id ?? null, resource: 'pin', locked });
        if (locked) return { outcome: 'locked', retryAfterSeconds: USSD_PIN_POLICY.lockSeconds };
        if (!row) return { outcome: 'unknown' };
        return { outcome: 'wrong', triesLeft: Math.max(0, USSD_PIN_POLICY.lockAfter - failures) };
      }
      if (row.status !== 'active') return { outcome: 'deactivated' };
      await throttle.succeed(keys);
      await audit.record(
        { ...auditContextOf(ctx), actorId: row.id, actorRole: row.role },
        { action: 'auth.login', outcome: 'success', subjectId: row.id, resource: 'pin' },
      );
      return {
        outcome: 'ok',
        user: {
          id: row.id,
          role: row.role,
          timeZone: row.time_zone,
          credentials: credentialFingerprint(row),
        },
      };
    },

    /** A new pair, with her profile: a web app reopening needs both, and 3G makes each trip cost. */
    async refresh(refreshToken: string, ctx: RequestContext): Promise<SignedIn> {
      const pair = await sessions.refresh(refreshToken, ctx);
      return { ...pair, user: await users.get(pair.userId) };
    },

    async logout(principal: Principal, ctx: RequestContext): Promise<void> {
      await sessions.end(principal, 'logout');
      await audit.record(auditContextOf(ctx), {
        action: 'auth.logout',
        outcome: 'success',
        subjectId: principal.userId,
        resource: 'session',
      });
    },

    /** Deletes the caller's account after she proves it is her (password or PIN). */
    async deleteOwnAccount(userId: string, secret: CurrentSecret, ctx: RequestContext): Promise<void> {
      const { row, ok } = await verifyCurrentSecret(userId, secret, ctx);
      if (!ok) {
        await audit.record(auditContextOf(ctx), {
          action: 'account.delete',
          outcome: 'failure',
          subjectId: row.id,
        });
        throw new AppError('invalid_credentials', 'The password or PIN is not correct');
      }
      await users.deleteAccount(userId, ctx);
    },

    /** New password; every other session of the account ends, this one stays. */
    async changePassword(
      owner: CredentialOwner,
      input: CurrentSecret & { newPassword: string },
      ctx: RequestContext,
    ) {
      const { row, ok } = await verifyCurrentSecret(owner.userId, input, ctx);
      if (!ok) {
        await audit.record(auditContextOf(ctx), {
          action: 'auth.password_change',
          outcome: 'failure',
          subjectId: row.id,
        });
        throw new AppError('invalid_credentials', 'The current password or PIN is not correct');
      }
      const profile = await users.get(row.id);
      checkPassword(input.newPassword, personalWords(profile));
      await deps.userRepo.update(row.id, {
        password_hash: await hasher.hash(input.newPassword),
        updated_at: deps.clock(),
      });
      await sessions.revokeAll(row.id, 'credential_change', owner.keepSessionId);
      await audit.record(auditContextOf(ctx), {
        action: 'auth.password_change',
        outcome: 'success',
        subjectId: row.id,
      });
    },

    async changePin(owner: CredentialOwner, input: CurrentSecret & { newPin: string }, ctx: RequestContext) {
      const { row, ok } = await verifyCurrentSecret(owner.userId, input, ctx);
      if (!ok) {
        await audit.record(auditContextOf(ctx), {
          action: 'auth.pin_change',
          outcome: 'failure',
          subjectId: row.id,
        });
        throw new AppError('invalid_credentials', 'The current password or PIN is not correct');
      }
      checkPin(input.newPin, await users.birthYearOf(row));
      await deps.userRepo.update(row.id, {
        pin_hash: await hasher.hashPin(input.newPin),
        updated_at: deps.clock(),
      });
      await sessions.revokeAll(row.id, 'credential_change', owner.keepSessionId);
      await audit.record(auditContextOf(ctx), {
        action: 'auth.pin_change',
        outcome: 'success',
        subjectId: row.id,
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;

function exactlyOne(a: string | undefined, b: string | undefined, nameA: string, nameB: string): string {
  if ((a === undefined) === (b === undefined)) {
    throw new AppError('validation_failed', `Give exactly one of ${nameA} or ${nameB}`, {
      errors: [{ field: `body/${nameA}`, message: `give exactly one of ${nameA} or ${nameB}` }],
    });
  }
  return (a ?? b) as string;
}
