import type { BlindIndex } from '../../platform/crypto/blind-index.ts';
import type { Role, UserRow } from '../../platform/db/tables.ts';
import { AppError, assertThat } from '../../platform/http/errors.ts';
import { auditContextOf, type Principal, type RequestContext } from '../../platform/request-context.ts';
import { eventContext, type SecurityEvents } from '../../platform/security/events.ts';
import type { AuditService } from '../audit/service.ts';
import type { SessionService, TokenPair } from '../sessions/service.ts';
import { classifyIdentifier, credentialFingerprint } from '../users/identifiers.ts';
import type { UserRepo } from '../users/repo.ts';
import type { NewAccount, PublicUser, UserService } from '../users/service.ts';
import type { VerificationService } from '../verification/service.ts';
import { ACCOUNT_POLICY, type Attempt, type Key, type LoginThrottle } from './login-throttle.ts';
import { type CredentialKind, checkPassword, checkPin, personalWords, type SecretHasher } from './secrets.ts';

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
  /** Texts the first code to a number given at registration. */
  verification: Pick<VerificationService, 'startPhoneVerification' | 'assertTextable'>;
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
  // An unknown account costs the same Argon2id work as a known one (no timing tells them apart).
  const NOBODY = '00000000-0000-0000-0000-000000000000';
  const unknownAccountCheck = async (kind: CredentialKind, secret: string) =>
    (await hasher.verify(NOBODY, kind, undefined, secret)).ok;

  /**
   * Checks a secret against an account's stored hash, counted on the account's one failure budget
   * (every channel and identifier alike); a hash under an older pepper or scheme is replaced now.
   */
  async function checkSecret(
    row: UserRow,
    kind: CredentialKind,
    secret: string,
    keys: Key[],
  ): Promise<{ ok: boolean; attempt: Attempt }> {
    const attempt = await throttle.begin(keys);
    const stored = kind === 'password' ? row.password_hash : row.pin_hash;
    const { ok, rehash } = await hasher.verify(row.id, kind, stored, secret);
    // A right secret for a deactivated account still counts as a failure, so the lock's timing
    // cannot confirm a password the answer (401) does not.
    if (ok && row.status === 'active') {
      await throttle.succeed(keys);
      if (rehash) {
        const fresh = await hasher.hash(row.id, kind, secret);
        await deps.userRepo.update(
          row.id,
          kind === 'password' ? { password_hash: fresh } : { pin_hash: fresh },
        );
      }
    }
    return { ok, attempt };
  }

  /** A sign-in attempt: on the account's budget when the identifier names one, else on the identifier's. */
  async function attemptSignIn(
    row: UserRow | undefined,
    tried: string,
    kind: CredentialKind,
    secret: string,
    ip?: string,
  ): Promise<{ ok: boolean; attempt: Attempt; keys: Key[] }> {
    const keys = row ? throttle.keysForAccount(row.id, ip) : throttle.keysForUnknown(tried, ip);
    if (row) return { ...(await checkSecret(row, kind, secret, keys)), keys };
    const attempt = await throttle.begin(keys);
    return { ok: await unknownAccountCheck(kind, secret), attempt, keys };
  }

  /** Her current password or PIN, re-entered while signed in: counted like a login, on her account. */
  async function verifyCurrentSecret(userId: string, secret: CurrentSecret, ctx: RequestContext) {
    const row = await users.findRow(userId);
    assertThat(row, 'not_found', 'No such account');
    const given = exactlyOne(secret.currentPassword, secret.currentPin, 'currentPassword', 'currentPin');
    const kind: CredentialKind = secret.currentPassword !== undefined ? 'password' : 'pin';
    const keys = throttle.keysForAccount(userId);
    const { ok, attempt } = await checkSecret(row, kind, given, keys);
    let locked = false;
    if (!ok) {
      ({ locked } = await throttle.fail(keys, attempt));
      await events.record({ type: 'credential_failed', ...eventContext(ctx), subject: userId });
      if (locked) await events.record({ type: 'account_locked', ...eventContext(ctx), subject: userId });
    }
    return { row, ok, locked };
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
    /** Her password or PIN entered again (e.g. to unlock the app): counted like a sign-in, on her account. */
    verifyCurrentSecret,

    /** Self-registration (adolescent or parent) followed by a first session. */
    async register(input: NewAccount, ctx: RequestContext): Promise<SignedIn> {
      assertThat(
        input.role === 'adolescent' || input.role === 'parent',
        'forbidden',
        'Only young women and parents register themselves',
      );
      // `birthYear` stays optional (public contract): without it she is counted as under the
      // guardian-consent age, and GET /me/consents says so. The web form asks for it and says why.
      // Over the web a number waits for its code, so it must be one we can text at all.
      if (input.phone !== undefined && ctx.channel !== 'ussd') deps.verification.assertTextable(input.phone);
      const user = await users.create(input, ctx);
      const tokens = await sessions.start(user, ctx);
      if (user.pendingPhone !== undefined) {
        // The account exists either way; a code that could not go now can be asked for again.
        await deps.verification.startPhoneVerification(user.id, {}, ctx).catch((error: unknown) => {
          if (!(error instanceof AppError)) throw error;
        });
      }
      return { ...tokens, user };
    },

    /**
     * One answer for every failure (unknown account, wrong secret, deactivated account, no PIN
     * set), equally slow, so the login form cannot be used to learn who has an account.
     */
    async login(credentials: Credentials, ctx: RequestContext): Promise<SignedIn> {
      const secret = exactlyOne(credentials.password, credentials.pin, 'password', 'pin');
      const kind: CredentialKind = credentials.password !== undefined ? 'password' : 'pin';
      const identifier = classifyIdentifier(credentials.identifier);
      // Also the security event's subject (known account or not), so stuffing many accounts shows.
      const tried = identifier?.value ?? credentials.identifier.trim().toLowerCase();
      const row = identifier ? await users.findByIdentifier(identifier.kind, identifier.value) : undefined;
      const { ok, attempt, keys } = await attemptSignIn(row, tried, kind, secret, ctx.ip);
      if (!row || !ok || row.status !== 'active') {
        const { locked } = await throttle.fail(keys, attempt);
        await recordFailedSignIn(ctx, { tried, subjectId: row?.id ?? null, resource: 'session', locked });
        throw new AppError('invalid_credentials');
      }
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
      const row = await users.findByIdentifier('phone', phone);
      let result: { ok: boolean; attempt: Attempt; keys: Key[] };
      try {
        result = await attemptSignIn(row, phone, 'pin', pin);
      } catch (error) {
        if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
          return { outcome: 'locked', retryAfterSeconds: error.retryAfterSeconds };
        }
        throw error;
      }
      if (!row || !result.ok) {
        const { locked } = await throttle.fail(result.keys, result.attempt);
        await recordFailedSignIn(ctx, { tried: phone, subjectId: row?.id ?? null, resource: 'pin', locked });
        if (locked) return { outcome: 'locked', retryAfterSeconds: ACCOUNT_POLICY.lockSeconds };
        if (!row) return { outcome: 'unknown' };
        return { outcome: 'wrong', triesLeft: throttle.triesLeft(result.attempt) };
      }
      if (row.status !== 'active') return { outcome: 'deactivated' };
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
          credentials: credentialFingerprint((await users.findRow(row.id)) ?? row),
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

    /**
     * A new number of hers, texted a code. A number can recover the account, so setting one takes
     * her current password or PIN (counted on her guess budget), not just a session someone may
     * have borrowed; `{}` only sends a new code to the number already waiting.
     */
    async setPhone(
      userId: string,
      input: CurrentSecret & { phone?: string | undefined },
      ctx: RequestContext,
    ) {
      if (input.phone !== undefined) {
        const { ok } = await verifyCurrentSecret(userId, input, ctx);
        if (!ok) throw new AppError('invalid_credentials', 'The current password or PIN is not correct');
      }
      return deps.verification.startPhoneVerification(userId, { phone: input.phone }, ctx);
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
        password_hash: await hasher.hash(row.id, 'password', input.newPassword),
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
        pin_hash: await hasher.hash(row.id, 'pin', input.newPin),
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
